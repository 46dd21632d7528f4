import type { Retrieval } from "../retrieval/retrieve.js";
import { asksYesOrNo } from "../text/yes-or-no.js";
import { extractTerms } from "../text/terms.js";
import { asksWhyOrHow } from "../text/why-or-how.js";
import { contentTerms } from "../conversation/follow-up-signals.js";
import { closeCall, SETTLED_BY, settled } from "./settle-close-call.js";
import { saysSubject } from "./says-subject.js";

/**
 * The answer model's probability at which the conversation settles a close call: the best passage is more likely
 * right than wrong (alone it answers only above its fitted threshold, about 0.75). A tuning-set figure: on the
 * follow-up sets it was chosen on, every answer it let through from 0.5 was right but one, which the name rule below
 * stops; from 0.4 two more were wrong. Unseen follow-ups may do worse.
 */
export const SETTLES_FROM = 0.5;

/**
 * "and the pools?" after "What happens to the parks department in the budget?", "how many officers will that pay
 * for?": the follow-up is read right and its best passage is found, but the judgement, which sees one question and
 * not the conversation, is not sure. The conversation is evidence it lacks: the passage is in `report`, the one the
 * last answer cited (`answeredFrom`; passages a turn only showed say nothing sure about the subject) or, when it cited
 * nothing, the one report holding every name the conversation's questions used, and the follow-up as typed, retrieved
 * alone (`own`: nothing of the reading in its query), ranks the same passage first, so the reading did not lead it
 * there. An elliptic follow-up's own words are only its new subject ("and growth?"), which ranks any report's growth
 * first: its passage must say that subject instead (`ellipsisSubject`, as `saysEllipsisSubject` confirms an answer).
 * A follow-up not rewritten has no independent check (`own` is the same retrieval) and is not settled, nor one asking
 * yes or no: its words are in a sentence whether the report says yes, no or nothing ("has Farrow's agreed to them?"
 * found the headline on the deal). Then a passage the model finds more likely right than wrong answers, when it is a close call
 * (`closeCall`). A name the follow-up brings of its own ("will they appeal to the Supreme Court?") must be in that
 * passage itself: the conversation tells which report and subject the question is about, not where a new name is.
 * "How was it discovered?", "why?" are not settled: an explanation is asked for, which no check here can see in a
 * sentence (any sentence "holds the kind of fact asked for"), so one that only shares a word with it ("the week
 * between discovery and notice") would be settled as the answer.
 * A follow-up with no word of its own beyond question words and pronouns ("how big was it?") has nothing for its own
 * words to find: they rank whatever the preferred report offers first, so their agreeing is no check and nothing is
 * settled. On bank-h, unseen, "how big was it?" after "What did the deepest dive in the Marrow Trench find?" read "it"
 * as "the deepest" and was settled (0.54) with the dive's depth, not the size of what it found.
 */
export function settledInPreviousReport(retrieval: Retrieval, own: Retrieval, asked: string, report: string | undefined, ellipsisSubject?: string): Retrieval {
  const top = closeCall(retrieval);
  if (!top || own === retrieval || retrieval.judgement.confidence < SETTLES_FROM || asksWhyOrHow(asked) || asksYesOrNo(asked) || contentTerms(asked).length === 0) return retrieval;
  const ownFinds = own.candidates[0]?.sentence.id === top.sentence.id || (ellipsisSubject !== undefined && saysSubject(top.sentence.text, ellipsisSubject));
  if (report !== top.report.id || !ownFinds) return retrieval;
  const said = new Set(extractTerms(top.sentence.text).map((t) => t.stem));
  if (!extractTerms(asked).every((t) => !t.salient || said.has(t.stem))) return retrieval;
  return settled(retrieval, SETTLED_BY.previousReport);
}
