import { extractTerms, stems } from "../text/terms.js";
import { coreOf } from "./follow-up-reading.js";
import { type Turn, understoodQuestion } from "./turn.js";

/**
 * Of the sentences a turn's answer cited (in reading order), the one its answer is in: the one holding most of the
 * question's words that set it apart from the others. Names count only to break a tie, as they tell the report rather
 * than the fact: for "How much is going to the police in the Riverton budget?", "police" picks the sentence, not
 * "Riverton"; for "Who is Tomas Brandt?", with no other word, his name does.
 */
export function answeringSentence(turn: Turn): string | undefined {
  const texts = (turn.citations ?? []).map((c) => new Set(stems(c.text)));
  const terms = extractTerms(coreOf(understoodQuestion(turn)));
  const score = (t: Set<string>, salient: boolean) => {
    const asked = [...new Set(terms.filter((term) => term.salient === salient).map((term) => term.stem))];
    const weight = (stem: string) => 1 / Math.max(1, texts.filter((x) => x.has(stem)).length);
    return asked.filter((stem) => t.has(stem)).reduce((sum, stem) => sum + weight(stem), 0);
  };
  let best = 0;
  texts.forEach((t, i) => {
    const [words, names] = [score(t, false), score(t, true)];
    const [bestWords, bestNames] = [score(texts[best]!, false), score(texts[best]!, true)];
    if (words > bestWords || (words === bestWords && names > bestNames)) best = i;
  });
  return turn.citations?.[best]?.text;
}
