import { isDictionaryWord } from "./synonyms.js";
import { isStopWord } from "./terms.js";

/** Lowercase words a question needs before its language is judged: names and a word or two say nothing. */
const WORDS_TO_JUDGE = 3;

/**
 * A question written in another language than the reports' English ("¿Quién medió las conversaciones?", "誰が会談を
 * 仲介しましたか"): it finds nothing, and a plain "couldn't find that" reads as if the reports did not say. Judged on
 * the words that are not names: none in the Latin alphabet, or fewer than half of them English words.
 */
export function readsAsForeign(question: string): boolean {
  const words = question.match(/\p{L}+/gu) ?? [];
  if (words.length === 0) return false;
  if (!words.some((w) => /[a-z]/i.test(w))) return true;
  const plain = words.filter((w) => w.length > 1 && w === w.toLowerCase());
  if (plain.length < WORDS_TO_JUDGE) return false;
  const english = plain.filter((w) => /^[a-z]+$/.test(w) && (isStopWord(w) || isDictionaryWord(w))).length;
  return english * 2 < plain.length;
}
