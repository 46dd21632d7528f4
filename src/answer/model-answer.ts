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
 * JSON schema for structured output. The ids are an enum so that servers doing constrained decoding cannot even
 * produce an invented id; `strict` mode on OpenAI requires every property to be required and no extras.
 */
export function modelAnswerJsonSchema(sourceIds: string[]): Record<string, unknown> {
  return {
    type: "object",
    description: "An answer written only from the numbered source sentences, every sentence citing its sources.",
    properties: {
      found: { type: "boolean", description: "false when the sources do not contain the answer" },
      sentences: {
        type: "array",
        items: {
          type: "object",
          properties: {
            text: { type: "string", description: "one sentence of the answer, without source ids" },
            sources: { type: "array", items: { type: "string", enum: sourceIds } },
          },
          required: ["text", "sources"],
          additionalProperties: false,
        },
      },
    },
    required: ["found", "sentences"],
    additionalProperties: false,
  };
}

const structuredReply = z.object({
  found: z.boolean(),
  sentences: z.array(z.object({ text: z.string(), sources: z.array(z.string()) })),
});

/** The structured reply as a ModelAnswer, or undefined when it does not have the schema's shape. */
export function fromStructuredReply(value: unknown): ModelAnswer | undefined {
  const parsed = structuredReply.safeParse(value);
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
