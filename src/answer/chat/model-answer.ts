import { z } from "zod";
import { markerIds, stripMarkers } from "./model-citation-markers.js";

/**
 * What a chat model's reply is read into, whichever format it came in (structured JSON or text with [S#] markers).
 * Nothing here is trusted yet: `sourceIds` are whatever the model wrote and are checked by verifyModelAnswer.
 */
export interface ModelAnswer {
  /** False when the model said the sources do not hold the answer. */
  found: boolean;
  claims: Claim[];
}

export interface Claim {
  /** One sentence of the answer, citation markers removed. */
  text: string;
  /** Source ids as the model wrote them (`S3`), in order of appearance, without duplicates. */
  sourceIds: string[];
}

/** The exact reply the prompt asks for when the sources do not hold the answer. */
export const NOT_FOUND_REPLY = "NOT_IN_REPORTS";

/**
 * The structured reply's shape, one definition for both directions: the JSON Schema sent to the server is generated
 * from it with the ids as an enum (servers doing constrained decoding then cannot even produce an invented id), and
 * replies are read with any string as an id, since verification, not parsing, decides which ids count. Objects
 * come out with every property required and no extras, as OpenAI's `strict` mode requires.
 */
function structuredReply(sourceId: z.ZodType<string>) {
  return z
    .object({
      found: z.boolean().describe("false when the sources do not contain the answer"),
      sentences: z.array(
        z.object({
          text: z.string().describe("one sentence of the answer, without source ids"),
          sources: z.array(sourceId),
        }),
      ),
    })
    .describe("An answer written only from the numbered source sentences, every sentence citing its sources.");
}

/** JSON Schema for structured output, allowing only `sourceIds` as citations. */
export function modelAnswerJsonSchema(sourceIds: string[]): Record<string, unknown> {
  const { $schema: _dialect, ...schema } = z.toJSONSchema(structuredReply(z.enum(sourceIds)));
  return schema;
}

const anyReply = structuredReply(z.string());

/** The structured reply as a ModelAnswer, or undefined when it does not have the schema's shape. */
export function fromStructuredReply(value: unknown): ModelAnswer | undefined {
  const parsed = anyReply.safeParse(value);
  if (!parsed.success) return undefined;
  return {
    found: parsed.data.found,
    // Some models also type markers into the text; those count as citations too, and never as text.
    claims: parsed.data.sentences.map((s) => ({
      text: stripMarkers(s.text),
      sourceIds: [...new Set([...s.sources.map((id) => markerIds(`[${id}]`)[0] ?? id), ...markerIds(s.text)])],
    })),
  };
}
