import { describe, expect, it } from "vitest";
import { fromStructuredReply, modelAnswerJsonSchema } from "../../../../src/answer/chat/model-answer.js";

/** Every object schema inside `schema`, however deep. */
function objectSchemas(schema: unknown): Array<Record<string, any>> {
  if (typeof schema !== "object" || schema === null) return [];
  const here = (schema as Record<string, any>).type === "object" ? [schema as Record<string, any>] : [];
  return [...here, ...Object.values(schema).flatMap(objectSchemas)];
}

describe("the structured-output schema", () => {
  const schema = modelAnswerJsonSchema(["S1", "S2"]);

  it("meets OpenAI's strict mode: every property required, no extras, no dialect keyword", () => {
    expect(schema.$schema).toBeUndefined();
    const objects = objectSchemas(schema);
    expect(objects).toHaveLength(2);
    for (const object of objects) {
      expect(object.additionalProperties).toBe(false);
      expect([...object.required].sort()).toEqual(Object.keys(object.properties).sort());
    }
  });

  it("allows only the ids handed out, and describes what found and text mean", () => {
    const sentences = (schema.properties as any).sentences;
    expect(sentences.items.properties.sources.items.enum).toEqual(["S1", "S2"]);
    expect((schema.properties as any).found.description).toMatch(/sources do not contain the answer/);
    expect(sentences.items.properties.text.description).toMatch(/without source ids/);
  });

  it("reads a reply of that shape, and refuses one of another", () => {
    expect(fromStructuredReply({ found: true, sentences: [{ text: "It rained [S2].", sources: ["S1"] }] })).toEqual({
      found: true,
      claims: [{ text: "It rained.", sourceIds: ["S1", "S2"] }],
    });
    expect(fromStructuredReply({ found: true, sentences: [{ text: "It rained." }] })).toBeUndefined();
  });
});
