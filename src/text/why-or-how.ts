/** The words after "how" that make it ask for a measure ("how many", "how long", "how old"): a regex alternation. */
export const MEASURE_AFTER_HOW = "many|much|long|old|far|big|large|often|soon|tall|high|deep";

/**
 * "why", or "how" asking for a manner or a means rather than a measure (`MEASURE_AFTER_HOW`): a question opened so
 * asks for an explanation, which no kind-of-fact check can see in a sentence. A regex fragment, so that each user
 * anchors it after what may come before it.
 */
export const WHY_OR_HOW = String.raw`(?:why\b|how\b(?!\s+(?:${MEASURE_AFTER_HOW})\b))`;

const OPENS_WITH_WHY_OR_HOW = new RegExp(String.raw`^\s*(?:and |so |but )?${WHY_OR_HOW}`, "i");

/** Whether a question, with an "and", "so" or "but" before it, opens with "why" or an explanation's "how". */
export function asksWhyOrHow(question: string): boolean {
  return OPENS_WITH_WHY_OR_HOW.test(question);
}
