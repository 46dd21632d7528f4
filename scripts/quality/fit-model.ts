import { ANSWER_FEATURE_NAMES, answerFeatures, type ScoredFeatures } from "../../src/retrieval/answer-features.js";
import { type AnswerabilityModel, type LinearModel, linearProbability, type StumpsModel, stumpsProbability } from "../../src/retrieval/answerability-model.js";
import { closestSimilarity, sharesAskedWords } from "../../src/retrieval/answerability.js";
import { fitStumps } from "./boosted-stumps.js";
import { RANKING_FEATURE_NAMES, type Features } from "../../src/retrieval/features.js";
import type { Retrieve } from "../../src/retrieval/retrieve.js";
import { fitPairwiseLogistic } from "./pairwise-logistic.js";
import { reportOf } from "./question-set.js";
import { type EvalQuestion, fold } from "./score.js";

/** One question's retrieved sentences: features, and whether the sentence holds the support. */
export interface QuestionRows {
  question: EvalQuestion;
  rows: Array<{ features: Features; label: number; namesInOwnReport: boolean }>;
}

// A wrong answer with a confident citation is the worst outcome: the answer thresholds are those that answer most
// questions right while, on reports held out of the fit, wrong answers stay within this share of all questions and
// answered unanswerable questions within this share of those (issue 9's targets are 5 % and 15 %; the margin is for
// new reports). On new outsider sets wrong answers have run at or above what cross-validation on the bank foretold
// (4.2 to 5.6 % on the three newest, against 4.2 %), so the limit sits below the 4 % used until the thirteenth
// session: on the 1,488-question bank, held out by report (with the near-miss checks as first written), limits of 3,
// 3.5 and 4 % gave 46, 54 and 62 wrong answers for 235, 269 and 284 right ones. From 4 to 3.5 % each wrong answer
// avoided costs two right ones, most of which still show their supporting sentence among related passages; from 3.5
// to 3 % four.
const MAX_WRONG_SHARE = 0.035;
const MAX_UNANSWERABLE_ANSWERED = 0.1;
// Related passages: shown passages that hold the support earn 1; shown for an off-topic question they cost 1, and
// shown missing the support they cost a little (the reader looked for nothing).
const RELATED_MISS_COST = 0.1;
const RELATED_OFF_TOPIC_COST = 1;
const L2 = 1;

/** Retrieves every question once and records its candidates' features (they do not depend on the model). */
export async function collectRows(retrieve: Retrieve, questions: EvalQuestion[]): Promise<QuestionRows[]> {
  const out: QuestionRows[] = [];
  for (const question of questions) {
    const { candidates } = await retrieve(question.question.replace(/\s+/g, " ").trim());
    const support = question.answerable === false ? [] : (question.support ?? []).map(fold);
    out.push({
      question,
      rows: candidates.map((c) => ({
        features: c.features,
        label: support.some((s) => fold(c.sentence.text).includes(s)) ? 1 : 0,
        namesInOwnReport: c.namesInOwnReport,
      })),
    });
  }
  return out;
}

type Scored = ScoredFeatures & { label: number };
interface Judged {
  question: EvalQuestion;
  scored: Scored[];
  /** The answer model's input, and whether answering with that candidate would be right. */
  answer?: { features: Record<string, number>; right: number };
}

/**
 * Sentence models already fitted, by the reports they were fitted on. Nested cross-validation fits the sentence model
 * without each pair of reports twice (held out in either order) and it is nearly all of a fit's time; the same rows
 * give the same model, so the second is looked up. The key names only reports, so one map may be shared only by fits
 * whose data are whole reports taken from one set of rows, in its order (as `heldOutModels` does): fits on other rows
 * with the same report names would be given a model of the wrong rows.
 */
export type SentenceFits = Map<string, LinearModel>;

/**
 * Fits both models on all the given questions. The answer model learns from sentence probabilities predicted for
 * reports held out of the sentence model's fit, and the thresholds are chosen on answer probabilities for reports
 * held out of both (leave-one-report-out inside `data`), so everything is set as it will be used on a new report.
 * Sentence models are looked up in, and added to, `sentenceFits` when it is given.
 */
export function fitModel(data: QuestionRows[], sentenceFits?: SentenceFits): AnswerabilityModel {
  const reports = [...new Set(data.map((d) => reportOf(d.question)))];
  // The rows and the key are both taken from the report left out, so within a fit they cannot disagree.
  const fitSentence = (without?: string) => {
    const train = without === undefined ? data : data.filter((d) => reportOf(d.question) !== without);
    if (!sentenceFits) return fitSentenceModel(train);
    const key = reports.filter((r) => r !== without).sort().join("\n");
    if (!sentenceFits.has(key)) sentenceFits.set(key, fitSentenceModel(train));
    return sentenceFits.get(key)!;
  };
  const sentence = fitSentence();
  const judgedHeldOut = reports.flatMap((report) => {
    const model = reports.length > 1 ? fitSentence(report) : sentence;
    return data.filter((d) => reportOf(d.question) === report).map((d) => judged(model, d));
  });
  const answer = fitAnswerModel(judgedHeldOut);
  // Answer probabilities for each report from an answer model fitted without it.
  const answerP = new Map<Judged, number>();
  for (const report of reports) {
    const train = judgedHeldOut.filter((j) => reportOf(j.question) !== report);
    const model = reports.length > 1 ? fitAnswerModel(train) : answer;
    for (const j of judgedHeldOut.filter((j) => reportOf(j.question) === report)) answerP.set(j, j.answer ? stumpsProbability(model, j.answer.features) : 0);
  }
  return {
    version: 2,
    sentence,
    answer,
    thresholds: chooseThresholds(judgedHeldOut, answerP),
    fittedOn: { questions: data.length, reports: reports.length, sentences: data.reduce((s, d) => s + d.rows.length, 0) },
  };
}

/**
 * Sentence choice is learnt from answerable questions only: whether to answer at all is the answer model's job.
 * Fitted on pairs within a question: it ranks better than a fit on single sentences (cross-validated by report,
 * support first for 66 % of the bank's answerable questions against 65 %, in the top 3 for 82 % against 80 %).
 */
export function fitSentenceModel(data: QuestionRows[]): LinearModel {
  const groups = data
    .filter((d) => d.question.answerable !== false)
    .map((d) => ({ rows: d.rows.map((r) => RANKING_FEATURE_NAMES.map((f) => r.features[f])), labels: d.rows.map((r) => r.label) }));
  return { features: [...RANKING_FEATURE_NAMES], ...fitPairwiseLogistic(groups, L2) };
}

function fitAnswerModel(judged: Judged[]): StumpsModel {
  const rows = judged.flatMap((j) => (j.answer ? [j.answer] : []));
  return { features: [...ANSWER_FEATURE_NAMES], ...fitStumps(rows.map((r) => ANSWER_FEATURE_NAMES.map((f) => r.features[f]!)), rows.map((r) => r.right)) };
}

function judged(sentence: LinearModel, d: QuestionRows): Judged {
  const scored = d.rows.map((r) => ({ ...r, score: linearProbability(sentence, r.features) })).sort((a, b) => b.score - a.score);
  const best = answerFeatures(scored);
  return { question: d.question, scored, answer: best && { features: best.features, right: scored[best.at]!.label } };
}

/** The lowest answer threshold within the limits on wrong answers; then the similarity floor for related passages below it. */
function chooseThresholds(judgedHeldOut: Judged[], answerP: Map<Judged, number>): AnswerabilityModel["thresholds"] {
  const outcomes = judgedHeldOut.map((j) => ({
    answerP: answerP.get(j)!,
    wordForWord: j.answer?.features.wordForWord === 1,
    right: j.answer?.right === 1,
    // Related passages are never shown without any of the question's words among them, whatever the floor.
    sharesWords: sharesAskedWords(j.scored),
    similarity: closestSimilarity(j.scored),
    supportInTop3: j.scored.slice(0, 3).some((s) => s.label === 1),
    offTopic: j.question.kind === "off-topic",
  }));
  const best = answerThresholds(
    outcomes.map((o, i) => ({ answerP: o.answerP, wordForWord: o.wordForWord, right: o.right, unanswerable: judgedHeldOut[i]!.question.answerable === false })),
  );
  const answeredAt = (o: (typeof outcomes)[number], t: { answer: number; answerWordForWord: number }) =>
    o.answerP > 0 && (o.answerP >= t.answer || (o.wordForWord && o.answerP >= t.answerWordForWord));
  const thresholds = { answer: best.answer, answerWordForWord: best.answerWordForWord };
  const utility = (s: number) =>
    outcomes.reduce((u, o) => {
      if (answeredAt(o, thresholds) || !o.sharesWords || o.similarity < s) return u;
      if (o.supportInTop3) return u + 1;
      return u - (o.offTopic ? RELATED_OFF_TOPIC_COST : RELATED_MISS_COST);
    }, 0);
  // Over the similarities seen, on a coarse grid.
  const similarities = [0, ...[...new Set(outcomes.map((o) => Math.round(o.similarity * 50) / 50))].sort((a, b) => a - b)];
  let chosen = { relatedSimilarity: 0, u: utility(0) };
  for (const s of similarities) {
    const u = utility(s);
    if (u > chosen.u) chosen = { relatedSimilarity: s, u };
  }
  return { ...thresholds, relatedSimilarity: chosen.relatedSimilarity };
}

/** A held-out question's answer probability, and what answering it would be. */
export interface AnswerOutcome {
  answerP: number;
  wordForWord: boolean;
  right: boolean;
  unanswerable: boolean;
}

/**
 * Both answer thresholds together: the pair that answers most questions right while wrong answers and answered
 * unanswerable questions stay within their limits (ties go to the higher thresholds). For each `answer` threshold the
 * word-for-word one is lowered step by step, adding the word-for-word questions it lets in, rather than counting every
 * pair afresh (that took 5 s a fit on the bank, half the time of `npm run eval -- --bank --cv`).
 */
export function answerThresholds(outcomes: AnswerOutcome[], maxWrongShare = MAX_WRONG_SHARE, maxUnanswerableAnswered = MAX_UNANSWERABLE_ANSWERED) {
  const unanswerableCount = Math.max(1, outcomes.filter((o) => o.unanswerable).length);
  const levels = [1, ...[...new Set(outcomes.map((o) => o.answerP).filter((p) => p > 0))].sort((a, b) => b - a)];
  const byP = outcomes.filter((o) => o.answerP > 0).sort((a, b) => b.answerP - a.answerP);
  let best = { answer: 1, answerWordForWord: 1, right: 0 };
  for (const answer of levels) {
    let right = 0;
    let wrong = 0;
    let unanswerableAnswered = 0;
    const count = (o: AnswerOutcome) => {
      if (o.right) right++;
      else wrong++;
      if (o.unanswerable) unanswerableAnswered++;
    };
    byP.filter((o) => o.answerP >= answer).forEach(count);
    const below = byP.filter((o) => o.wordForWord && o.answerP < answer);
    let next = 0;
    for (const answerWordForWord of levels.filter((l) => l <= answer)) {
      while (next < below.length && below[next]!.answerP >= answerWordForWord) count(below[next++]!);
      const within = wrong <= maxWrongShare * outcomes.length && unanswerableAnswered <= maxUnanswerableAnswered * unanswerableCount;
      if (within && right > best.right) best = { answer, answerWordForWord, right };
    }
  }
  return best;
}
