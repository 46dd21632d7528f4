// "What is the TTWU?", "what does FDA stand for": what an acronym is, and nothing else.
const ACRONYM = String.raw`(\p{Lu}[\p{Lu}\p{N}&]+)`;
const WHAT_IS_ACRONYM = new RegExp(String.raw`^\s*(?:what|who)\s*(?:is|was|are|'s|’s)\s+(?:the\s+)?${ACRONYM}[\s?.!]*$|^\s*what\s+(?:does|did)\s+(?:the\s+)?${ACRONYM}\s+(stand for|mean)[\s?.!]*$`, "iu");

/** The acronym a question asks the meaning of, and the word that asks it ("mean", "stand"), if any. */
function acronymQuestion(question: string): { acronym: string; meaningWord?: string } | undefined {
  const m = WHAT_IS_ACRONYM.exec(question);
  const acronym = m?.[1] ?? m?.[2];
  // The pattern ignores case for "What" and "does", so the acronym is checked as typed: "what is the plan" asks about a
  // plan. A shouted word ("What is the PLAN?") passes, and is harmless: only a sentence spelling "(PLAN)" out answers.
  if (acronym === undefined || !/^\p{Lu}[\p{Lu}\p{N}&]+$/u.test(acronym) || acronym.length > 8) return undefined;
  return { acronym, meaningWord: m?.[3]?.split(/\s+/)[0]?.toLowerCase() };
}

/** The acronym a question asks the meaning of ("TTWU" in "What is the TTWU?"), when that is all it asks. */
export function acronymAsked(question: string): string | undefined {
  return acronymQuestion(question)?.acronym;
}

/** "mean" of "What does MFWU mean?", "stand" of "… stand for?": the words that ask for the acronym's meaning. */
export function meaningAskedBy(question: string): string | undefined {
  return acronymQuestion(question)?.meaningWord;
}
