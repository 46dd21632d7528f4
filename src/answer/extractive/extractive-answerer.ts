import { ABSTAIN_TEXT } from "../answer.js";
import type { AnswerDraft, Answerer, AnswerRequest, RankedSentence } from "../answerer.js";
import { endsAsAQuestion } from "../../text/question-sentence.js";
import { stemsAsNamed } from "../../text/name-stems.js";
import { extractTerms, type Term, stems } from "../../text/terms.js";
import { WHY_OR_HOW } from "../../text/why-or-how.js";
import { YES_OR_NO } from "../../text/yes-or-no.js";
import { distinctTexts, toCitations } from "../resolve-citations.js";

const MAX_SENTENCES = 3;
// A second or third sentence joins the answer only when it scores nearly as well as the best one, or, being the
// best one's neighbour in the same report, reasonably close: neighbours often finish each other's thought.
const CLOSE_SCORE = 0.06;
const CLOSE_NEIGHBOUR_SCORE = 0.12;
// Openers that lean on the sentence before: quoting them alone would leave the reader asking "who is 'it'?".
const LEANS_BACK = /^(it|its|he|his|she|her|they|their|them|this|these|those|that|such|however|but|yet|also|in response|instead|meanwhile|still|the move|the decision)\b/i;
// A yes/no question is often settled by the sentence after the one that matches it, when that sentence goes on about
// the same thing: "Were any injuries reported in the teething ring recall?" finds the recall, and the next sentence
// says "No injuries were reported."; "He did not say what those measures might be." A next sentence about something
// else ("A separate plan for a supermarket was rejected.") would read as the answer, so it is not quoted.
const YES_NO = new RegExp(String.raw`^\s*${YES_OR_NO}`, "i");
const SETTLES = /^(no|none|neither|nor|not|yes)\b/i;
// A "why" or "how" question asks for an explanation, which a report often finishes in the next sentence ("In 1993 the
// authority proposed to close the unit." "It dropped the plan the following spring."); quoted when it goes on about
// the same thing.
const EXPLAINS = new RegExp(String.raw`^\s*(?:${WHY_OR_HOW}|what happened\b|what did .{1,40}\bdo\b)`, "i");

/** The offline answerer: quotes the best one to three sentences verbatim, each cited, in reading order. */
export class ExtractiveAnswerer implements Answerer {
  readonly name = "extractive";

  async answer(request: AnswerRequest): Promise<AnswerDraft> {
    const [best, ...rest] = request.candidates;
    if (!best) return { text: ABSTAIN_TEXT, abstained: true, citations: [], mode: "extractive" };
    const chosen: Array<Pick<RankedSentence, "sentence" | "report">> = [best];
    if (best.previous && LEANS_BACK.test(best.sentence.text)) chosen.push({ sentence: best.previous, report: best.report });
    if (best.next && !endsAsAQuestion(best.next.text) && finishesAnswer(request.question, best.next.text)) chosen.push({ sentence: best.next, report: best.report });
    const names = namesOf(request.question);
    const namedInBest = namesIn(best.sentence.text, names);
    for (const c of rest) {
      if (chosen.length >= MAX_SENTENCES || best.score - c.score > CLOSE_NEIGHBOUR_SCORE) break;
      const neighbour = c.report.id === best.report.id && Math.abs(c.sentence.index - best.sentence.index) === 1;
      // Close in score but without a name of the question the best one gives, it is most often about someone else:
      // "Pakistan's Defence Minister, Khawaja Muhammad Asif" beside "Afghanistan's Defence Minister, …" for "Who is
      // Afghanistan's defence minister?". One right after the best that leans on it goes on about the same; one that
      // leans on another sentence ("He said …" after Pakistan's minister) is about whoever that one names. One that
      // gives a name of the question the best one does not is the other part of the answer ("Marovia accused Tarsland …",
      // "Kestria accused Velmar …" for "Whom did Marovia and Kestria accuse?").
      const leansOnBest = neighbour && c.sentence.index === best.sentence.index + 1 && LEANS_BACK.test(c.sentence.text);
      const namedInC = namesIn(c.sentence.text, names);
      const dropsName = namedInBest.some((n) => !namedInC.includes(n)) && namedInC.every((n) => namedInBest.includes(n));
      if (!leansOnBest && dropsName) continue;
      // An interviewer's question belongs with the reply right after it, and nowhere else.
      const asksBeforeBest = neighbour && c.sentence.index === best.sentence.index - 1;
      if (endsAsAQuestion(c.sentence.text) && !asksBeforeBest) continue;
      const close = best.score - c.score <= CLOSE_SCORE;
      if ((close || neighbour) && !chosen.some((x) => x.sentence.id === c.sentence.id)) chosen.push(c);
    }
    for (const c of [...chosen]) {
      const picked = request.candidates.find((r) => r.sentence.id === c.sentence.id);
      for (const sentence of picked?.continuedBy ?? []) chosen.push({ sentence, report: c.report });
    }
    chosen.sort((a, b) => a.report.id.localeCompare(b.report.id) || a.sentence.index - b.sentence.index);
    const citations = toCitations(distinctTexts(chosen));
    return {
      text: citations.map((c) => `${c.text} [${c.n}]`).join(" "),
      abstained: false,
      citations,
      mode: "extractive",
    };
  }
}

/** The sentence after the best one finishes its answer: it settles a yes/no question, or goes on with an explanation. */
function finishesAnswer(question: string, next: string): boolean {
  if (YES_NO.test(question)) return (LEANS_BACK.test(next) || SETTLES.test(next)) && sharesAWord(question, next);
  return EXPLAINS.test(question) && (LEANS_BACK.test(next) || sharesAWord(question, next));
}

function sharesAWord(question: string, text: string): boolean {
  const asked = new Set(stems(question));
  return stems(text).some((s) => asked.has(s));
}

/**
 * The question's names (capitalised words and acronyms, not figures), each as its words: names side by side as written
 * are one ("Khawaja Muhammad Asif"), except after a possessive ("Afghanistan's Defence Minister" is two).
 */
function namesOf(question: string): Term[][] {
  const names: Term[][] = [];
  let from = 0;
  let joins = false;
  for (const t of extractTerms(question)) {
    const at = question.indexOf(t.surface, from);
    const isName = t.salient && !/\p{N}/u.test(t.surface);
    if (isName && joins && at >= 0 && /^[\s-]*$/.test(question.slice(from, at))) names.at(-1)!.push(t);
    else if (isName) names.push([t]);
    joins = isName && at >= 0 && !/['’]s$/u.test(t.surface);
    if (at >= 0) from = at + t.surface.length;
  }
  return names;
}

/**
 * Those of `names` a text gives, by any of their words ("Asif said" gives "Khawaja Muhammad Asif": a report names
 * someone in full once, then by surname), itself or by a one-word alias ("Pakistan's" for "Pakistani").
 */
function namesIn(text: string, names: readonly Term[][]): Term[][] {
  const given = new Set(stems(text));
  return names.filter((name) => name.some((n) => stemsAsNamed(n).some((s) => given.has(s))));
}
