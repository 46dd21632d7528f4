import type { Turn } from "../conversation/turn.js";
import type { Retrieval } from "../retrieval/retrieve.js";
import { type FollowUpEvidence, followUpEvidence } from "./follow-up-evidence.js";
import { type FollowUpModel, followUpProbability } from "./follow-up-model.js";
import { vetoedByCheck } from "./check-follow-up-answer.js";
import { SETTLED_BY, settled } from "./settle-close-call.js";

export interface WeighedFollowUp {
  retrieval: Retrieval;
  /** Each candidate weighed, likeliest first, with the follow-up model's probability that it holds the answer. */
  weighed: (FollowUpEvidence & { probability: number })[];
}

/**
 * A follow-up the judgement is not sure of, weighed with what the conversation knows (`followUpEvidence`): the single-
 * question judgement cannot see that a passage sits beside the previous answer, in its report, among the passages the
 * previous turn showed. The candidate the follow-up model finds likeliest to hold the answer answers when that
 * probability reaches the model's threshold, and only it is cited (`settledByConversation`). Otherwise the weighed
 * candidates are put in order, likeliest first, in the places they held among the others, so the passages shown as
 * possibly related are those the conversation points to. It answers only with a candidate holding the kind of fact
 * asked for, and never where a check overruled the judgement (`vetoedByCheck`): a yes-or-no follow-up whose every
 * typed word is in a sentence beside the previous answer is just what the model weighs highest, and just what the
 * check found says neither yes nor no. Nor does it answer where the judgement found nothing close enough to show: the
 * model was chosen to settle close calls, and a passage too far from the question's words to be shown as related is no
 * close call, however near the previous answer it sits. (Unlike the hand-written settling rules it needs no floor on the judgement's
 * probability: that probability is one of its features, and its threshold was chosen on held-out reports. With the
 * floor as well it answered none of the tuning sets' follow-ups it answers right, and none wrongly.)
 *
 * A follow-up that `leans` on the conversation (read in its light, or naming nothing of its own) for which the
 * judgement found nothing close enough to show ("why?", "how old is he?": few words of its own are in any sentence)
 * is shown the weighed candidates of the reports the conversation has been about, likeliest first: claimed by nothing,
 * they are where the conversation has been. One that names something and stands alone is not: what it names may be in
 * no report, and passages would suggest otherwise.
 *
 * The evidence ranks passages well but does not separate right from wrong well enough to answer often (measured:
 * docs/conversations.md).
 */
export function settledByFollowUpModel(retrieval: Retrieval, history: readonly Turn[], typed: string, model: FollowUpModel, leans: boolean): WeighedFollowUp {
  if (retrieval.judgement.answerable) return { retrieval, weighed: [] };
  const weighed = followUpEvidence(retrieval.candidates, history, typed)
    .map((e) => ({ ...e, probability: followUpProbability(model, e.features) }))
    .sort((a, b) => b.probability - a.probability);
  const best = weighed[0];
  if (best === undefined) return { retrieval, weighed };
  if (best.probability >= model.threshold && retrieval.judgement.related && !vetoedByCheck(retrieval.judgement) && best.features.holdsAskedFact === 1) return { retrieval: settled(retrieval, SETTLED_BY.followUpModel, best.at), weighed };
  if (!retrieval.judgement.related) {
    if (!leans) return { retrieval, weighed };
    const about = weighed.filter((w) => w.features.conversationReport === 1);
    if (about.length === 0) return { retrieval, weighed };
    const first = new Set(about.map((w) => w.at));
    const candidates = [...about.map((w) => w.candidate), ...retrieval.candidates.filter((_, i) => !first.has(i))];
    return { retrieval: { ...retrieval, candidates, judgement: { ...retrieval.judgement, related: true } }, weighed };
  }
  // The weighed candidates trade places among themselves; the others keep theirs.
  const places = weighed.map((w) => w.at).sort((a, b) => a - b);
  const candidates = [...retrieval.candidates];
  places.forEach((at, i) => (candidates[at] = weighed[i]!.candidate));
  return { retrieval: { ...retrieval, candidates }, weighed };
}
