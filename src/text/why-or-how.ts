/**
 * "why", or "how" asking for a manner or a means rather than a measure ("how many", "how long", "how old"): a question
 * opened so asks for an explanation, which no kind-of-fact check can see in a sentence. A regex fragment, so that each
 * user anchors it after what may come before it.
 */
export const WHY_OR_HOW = String.raw`(?:why\b|how\b(?!\s+(?:many|much|long|old|far|big|large|often|soon|tall|high|deep)\b))`;

const OPENS_WITH_WHY_OR_HOW = new RegExp(String.raw`^\s*(?:and |so |but )?${WHY_OR_HOW}`, "i");

/** Whether a question, with an "and", "so" or "but" before it, opens with "why" or an explanation's "how". */
export function asksWhyOrHow(question: string): boolean {
  return OPENS_WITH_WHY_OR_HOW.test(question);
}
