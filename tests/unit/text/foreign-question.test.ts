import { describe, expect, it } from "vitest";
import { readsAsForeign } from "../../../src/text/foreign-question.js";

describe("a question written in another language than English", () => {
  it.each(["¿Quién medió las conversaciones?", "Qui a servi de médiateur pendant les pourparlers ?", "誰が会談を仲介しましたか", "Кто был посредником на переговорах?"])(
    "is told apart: %s",
    (q) => expect(readsAsForeign(q)).toBe(true),
  );

  it.each(["Who mediated the talks?", "how many razorbills", "whats the gdp of kestria lol", "When did Khawaja Muhammad Asif speak?", "Selvara?", "2026?"])(
    "is not said of English, however terse or full of names: %s",
    (q) => expect(readsAsForeign(q)).toBe(false),
  );
});
