import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { pino } from "pino";
import { ExtractiveAnswerer } from "../src/answer/extractive/extractive-answerer.js";
import { parseCli } from "../src/cli/parse-cli.js";
import { runMain } from "../src/cli/run-main.js";
import { offlineRewriter } from "../src/conversation/rewrite-offline.js";
import { type Turn, turnOf } from "../src/conversation/turn.js";
import { createAsk } from "../src/engine/ask.js";
import { FOLLOW_UP_FEATURE_NAMES, type FollowUpFeatures } from "../src/engine/follow-up-evidence.js";
import { type FollowUpModel, followUpProbability } from "../src/engine/follow-up-model.js";
import type { WeighedFollowUp } from "../src/engine/settle-by-follow-up-model.js";
import { shippedModelDigest } from "../src/retrieval/answerability-model.js";
import { DossierError } from "../src/errors.js";
import { createRetriever } from "../src/retrieval/retrieve.js";
import { fitLogistic } from "./quality/logistic-regression.js";
import { openCorpus, type OpenCorpus } from "./quality/open-corpus.js";
import { BANK_CORPUS } from "./quality/question-set.js";
import { readQuestionSet } from "./quality/read-question-set.js";
import { fold } from "./quality/score.js";
import { type FollowUpQuestion, type FollowUpResult, scoreFollowUp } from "./quality/score-follow-ups.js";

const USAGE = `usage: npm run calibrate:followups -- [--rows file.json]
Fits the follow-up model on the tuning follow-up sets, measures it under report-level cross-validation and writes
src/engine/model/follow-up.json. --rows reuses (or, when missing, saves) the candidates' evidence.`;

const MODEL_FILE = "src/engine/model/follow-up.json";
/** The tuning follow-up sets: their failures were read while shaping the rewrite. Held-out and sealed sets are never read. */
const TUNING_SETS = [
  "tests/fixtures/followups-dev.jsonl",
  "tests/fixtures/bank/followups.jsonl",
  "tests/fixtures/bank/followups-dev2.jsonl",
  "tests/fixtures/bank/followups-dev3.jsonl",
  "tests/fixtures/bank/followups-c.jsonl",
  "tests/fixtures/bank/followups-d.jsonl",
  "tests/fixtures/bank/followups-e.jsonl",
  "tests/fixtures/bank/followups-f.jsonl",
  "tests/fixtures/bank/followups-g.jsonl",
  "tests/fixtures/bank/followups-h.jsonl",
  "tests/fixtures/bank/followups-i.jsonl",
  "tests/fixtures/bank/followups-l.jsonl",
];
/** Ridge penalty of the fit: the features are few and standardised, so a unit penalty only steadies them. */
const L2 = 1;
/**
 * A wrong answer with a confident citation is the worst outcome: the threshold is the one that gains most right
 * answers on held-out reports when each wrong one costs this many right ones (none gains: it is above 1, and the model
 * only orders the passages shown as possibly related).
 */
const WRONG_COST = 4;
/** A model that answers nothing and orders nothing anew: what the conversation's evidence is collected with. */
const UNFITTED: FollowUpModel = { version: 1, features: [...FOLLOW_UP_FEATURE_NAMES], mean: FOLLOW_UP_FEATURE_NAMES.map(() => 0), scale: FOLLOW_UP_FEATURE_NAMES.map(() => 1), weights: FOLLOW_UP_FEATURE_NAMES.map(() => 0), bias: 0, threshold: 2 };

interface Question { set: string; q: FollowUpQuestion }
/** A follow-up the judgement was not sure of: its weighed candidates, each with whether answering with it is right. */
interface Weighed extends Question { rows: Array<{ features: FollowUpFeatures; right: boolean }> }

const reportOf = ({ q }: Question) => q.report ?? q.conversation ?? q.id;

runMain(async () => {
  const { values } = parseCli({ options: { rows: { type: "string" } } }, USAGE);
  const corpus = await openCorpus(BANK_CORPUS);
  const questions = TUNING_SETS.flatMap((set) => readQuestionSet<FollowUpQuestion>(set).map((q) => ({ set, q })));
  let weighed: Weighed[];
  let before: Map<Question["q"], FollowUpResult>;
  // Saved evidence is reused only for the same answer model and features: it was weighed with their scores.
  const key = `${shippedModelDigest()} ${FOLLOW_UP_FEATURE_NAMES.join()}`;
  const saved = values.rows && existsSync(values.rows) ? JSON.parse(readFileSync(values.rows, "utf8")) : undefined;
  if (saved?.key === key) {
    ({ weighed, before } = revive(saved, questions));
  } else {
    ({ weighed, before } = await collect(corpus, questions));
    if (weighed.length === 0) throw new Error("The engine weighed no follow-up's candidates: nothing to fit.");
    if (values.rows) writeFileSync(values.rows, JSON.stringify({ key, weighed: weighed.map((w) => ({ id: w.q.id, set: w.set, rows: w.rows })), before: [...before].map(([q, r]) => ({ id: q.id, r })) }));
  }
  // Report-level cross-validation: each report's conversations asked again with the model (and its threshold) fitted
  // without that report's follow-ups.
  const after = new Map<Question["q"], FollowUpResult>();
  for (const report of new Set(questions.map(reportOf))) {
    const model = fitted(weighed.filter((w) => reportOf(w) !== report));
    const { results } = await askAll(corpus, questions.filter((q) => reportOf(q) === report), model);
    for (const [q, r] of results) after.set(q, r);
  }
  const figures = (results: Map<Question["q"], FollowUpResult>, set: string) => {
    const of = questions.filter((q) => q.set === set).map(({ q }) => results.get(q)!);
    return `${of.filter((r) => r.pass).length}/${of.length}, ${of.filter((r) => r.wrong).length} wrong, ${of.filter((r) => r.relatedHit).length} related hits`;
  };
  process.stdout.write("set: passed, wrong and answer among the related passages, without the model → with it under report-level cross-validation\n");
  for (const set of TUNING_SETS) process.stdout.write(`  ${set}: ${figures(before, set)} → ${figures(after, set)}\n`);
  const outcome = (r: FollowUpResult) => (r.pass ? "passed" : r.wrong ? "wrong" : r.relatedHit ? "related hit" : "not sure");
  for (const { q } of questions) {
    const [was, is] = [outcome(before.get(q)!), outcome(after.get(q)!)];
    if (was !== is) process.stdout.write(`    ${q.id}: ${was} → ${is}: ${q.question}\n`);
  }
  const model: FollowUpModel = { ...fitted(weighed), fittedOn: { turns: weighed.length, reports: new Set(weighed.map(reportOf)).size, candidates: weighed.reduce((n, w) => n + w.rows.length, 0), answerModel: shippedModelDigest() } };
  const json = JSON.stringify(model, (_, v) => (typeof v === "number" && !Number.isInteger(v) ? Number(v.toPrecision(6)) : v), 2);
  writeFileSync(MODEL_FILE, `${json}\n`);
  process.stdout.write(`${MODEL_FILE}: ${model.fittedOn!.turns} follow-ups, threshold ${model.threshold > 1 ? "none (orders related passages only)" : model.threshold.toFixed(3)}\n`);
  model.features.forEach((f, i) => process.stdout.write(`  ${f.padEnd(20)} ${model.weights[i]!.toFixed(3)}\n`));
  // What the floors of tests/integration/quality.test.ts hold: the shipped model, fitted on these very follow-ups.
  const { results: inSample } = await askAll(corpus, questions, model);
  process.stdout.write("in-sample, with the shipped model:\n");
  for (const set of TUNING_SETS) process.stdout.write(`  ${set}: ${figures(inSample, set)}\n`);
});

/**
 * Asks every follow-up without the model (the results it is measured against), and with the unfitted one: the evidence
 * it weighs, in conversations whose turns show passages as the fitted model's will.
 */
async function collect(corpus: OpenCorpus, questions: Question[]) {
  const { results } = await askAll(corpus, questions, null);
  const { weighedOf } = await askAll(corpus, questions, UNFITTED);
  const weighed = questions.flatMap((question) => {
    const { q } = question;
    const support = q.answerable === false ? [] : (q.support ?? []).map(fold);
    const expected = (q.expected ?? []).map(fold);
    const rows = (weighedOf.get(q) ?? []).map((w) => ({ features: w.features, right: support.some((s) => fold(w.text).includes(s)) && expected.every((e) => fold(w.text).includes(e)) }));
    return rows.length > 0 ? [{ ...question, rows }] : [];
  });
  return { weighed, before: results };
}

function revive(saved: { weighed: Array<{ id: string; set: string; rows: Weighed["rows"] }>; before: Array<{ id: string; r: FollowUpResult }> }, questions: Question[]) {
  const find = (set: string | undefined, id: string) => questions.find((q) => q.q.id === id && (set === undefined || q.set === set))!;
  if (saved.before.length !== questions.length) throw new Error("the saved evidence is of other questions");
  return {
    weighed: saved.weighed.map((w) => ({ ...find(w.set, w.id), rows: w.rows })),
    before: new Map(saved.before.map(({ id, r }, i) => [questions[i]!.q.id === id ? questions[i]!.q : find(undefined, id).q, r])),
  };
}

/**
 * Asks each follow-up after its conversation's earlier questions, with `model`; records the evidence the engine
 * weighed for the follow-up itself.
 */
async function askAll(corpus: OpenCorpus, questions: Question[], model: FollowUpModel | null) {
  let logged: Array<{ text: string; features: FollowUpFeatures }> = [];
  const logger = pino({ level: "silent" });
  const onFollowUpEvidence = (weighed: WeighedFollowUp["weighed"]) => (logged = weighed.map((w) => ({ text: w.candidate.sentence.text, features: w.features })));
  const index = () => corpus.index;
  const retrieve = createRetriever({ index, embedQuery: (q) => corpus.embeddings.embedQuery(q), topK: corpus.config.topK });
  const extractive = new ExtractiveAnswerer();
  const ask = createAsk({ index, retrieve, answerer: extractive, extractive, rewriter: offlineRewriter, maxQuestionChars: corpus.config.maxQuestionChars, logger, noReports: () => new DossierError("NO_REPORTS", "no reports"), wideContext: { sentences: corpus.config.contextSentences, chunks: corpus.config.topK }, followUpModel: model, onFollowUpEvidence });
  // Each distinct opening of a conversation is asked once.
  const replays = new Map<string, Promise<Turn[]>>();
  const replay = (items: FollowUpQuestion["history"]): Promise<Turn[]> => {
    if (items.length === 0) return Promise.resolve([]);
    const key = JSON.stringify(items);
    if (!replays.has(key)) {
      replays.set(key, replay(items.slice(0, -1)).then(async (before) => { const item = items.at(-1)!; return [...before, typeof item === "string" || item.answer === undefined ? turnOf(await ask(typeof item === "string" ? item : item.question, { history: before })) : item]; }));
    }
    return replays.get(key)!;
  };
  const results = new Map<Question["q"], FollowUpResult>();
  const weighedOf = new Map<Question["q"], typeof logged>();
  for (const { q } of questions) {
    const history = await replay(q.history);
    logged = [];
    results.set(q, scoreFollowUp(q, await ask(q.question, { history })));
    weighedOf.set(q, logged);
  }
  return { results, weighedOf };
}

function fitted(weighed: Weighed[]): FollowUpModel {
  return { ...fit(weighed), threshold: chooseThreshold(heldOut(weighed)) };
}

function fit(weighed: Weighed[]): FollowUpModel {
  const rows = weighed.flatMap((w) => w.rows);
  const f = fitLogistic(rows.map((r) => FOLLOW_UP_FEATURE_NAMES.map((n) => r.features[n])), rows.map((r) => (r.right ? 1 : 0)), L2);
  return { ...UNFITTED, mean: f.mean, scale: f.scale, weights: f.weights, bias: f.bias };
}

/** Each follow-up's likeliest candidate, as a model fitted without its report sees it, and whether it is right. */
function heldOut(weighed: Weighed[]): Array<{ p: number; right: boolean }> {
  return [...new Set(weighed.map(reportOf))].flatMap((report) => {
    const model = fit(weighed.filter((w) => reportOf(w) !== report));
    return weighed
      .filter((w) => reportOf(w) === report)
      .map((w) => w.rows.map((r) => ({ p: followUpProbability(model, r.features), right: r.right })).reduce((a, b) => (b.p > a.p ? b : a)));
  });
}

/** The threshold that gains most, a wrong answer costing `WRONG_COST` right ones; 2 (never) when none gains. */
function chooseThreshold(predictions: Array<{ p: number; right: boolean }>): number {
  let best = { gain: 0, threshold: 2 };
  for (const { p } of predictions) {
    const taken = predictions.filter((x) => x.p >= p);
    const gain = taken.filter((x) => x.right).length - WRONG_COST * taken.filter((x) => !x.right).length;
    if (gain > best.gain) best = { gain, threshold: p };
  }
  return best.threshold;
}
