import { existsSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseCli } from "../src/cli/parse-cli.js";
import { runMain } from "../src/cli/run-main.js";
import type { Answer } from "../src/answer/answer.js";
import { BANK_CORPUS, readQuestions } from "./quality/question-set.js";
import { readQuestionSet } from "./quality/read-question-set.js";
import { figuresByKind, type KindFigures, questionOutcome } from "./quality/report.js";
import { type EvalQuestion, type EvalResult, scoreQuestion } from "./quality/score.js";
import { type FollowUpQuestion, type FollowUpResult, scoreFollowUp, summariseFollowUps } from "./quality/score-follow-ups.js";

const USAGE = `usage: npm run eval:unseen -- [--json <file>]
Scores every sealed set (tests/fixtures/sealed*/: its questions and follow-ups over corpus/ and its reports) and the
held-out follow-ups over the bank, offline, and prints one line a set and the totals: never a question, so that sets
kept for final figures stay unread. --json writes every question's outcome as ids only (answered or not, the
sentence ids cited and shown), without the question or the answer's text.`;

const FIXTURES = "tests/fixtures";
const HELD_OUT_FOLLOW_UPS = "tests/fixtures/bank/followups-heldout.jsonl";

interface SetFigures {
  set: string;
  byKind?: KindFigures[];
  followUps?: { total: number; passed: number; wrong: number };
}

runMain(async () => {
  const { values } = parseCli({ options: { json: { type: "string" } } }, USAGE);
  const [{ replayHistory }, { offlineAsk, openCorpus }] = await Promise.all([import("../src/engine/replay-history.js"), import("./quality/open-corpus.js")]);
  const sets = readdirSync(FIXTURES)
    .filter((d) => /^sealed\d*$/.test(d))
    .sort((a, b) => Number(a.slice(6) || 1) - Number(b.slice(6) || 1));
  const figures: SetFigures[] = [];
  // Every set's results, and which of them abstained, and every follow-up's: the totals are figured over all of them at once.
  const abstainedOf = new Map<EvalResult, boolean>();
  const allFollowUps: FollowUpResult[] = [];
  const outcomes: Record<string, Omit<ReturnType<typeof questionOutcome>, "text">[]> = {};

  const askFollowUps = async (ask: (q: string, o?: { history?: Awaited<ReturnType<typeof replayHistory>> }) => Promise<Answer>, file: string) => {
    const results = [];
    for (const q of readQuestionSet<FollowUpQuestion>(file)) results.push(scoreFollowUp(q, await ask(q.question, { history: await replayHistory({ ask }, q.history) })));
    allFollowUps.push(...results);
    return shortSummary(results);
  };

  for (const set of sets) {
    const dir = path.join(FIXTURES, set);
    const { ask } = offlineAsk(await openCorpus(["corpus", path.join(dir, "reports")]));
    const answers = new Map<EvalQuestion, Answer>();
    for (const q of readQuestions([path.join(dir, "questions.jsonl")])) answers.set(q, await ask(q.question));
    const results = [...answers].map(([q, a]) => scoreQuestion(q, a));
    for (const r of results) abstainedOf.set(r, answers.get(r.question)!.abstained);
    const { byKind } = figuresByKind(results, (r) => abstainedOf.get(r)!);
    outcomes[set] = [...answers].map(([q, a]) => {
      const { text: _, ...ids } = questionOutcome(q.id, a);
      return ids;
    });
    const followUps = existsSync(path.join(dir, "followups.jsonl")) ? await askFollowUps(ask, path.join(dir, "followups.jsonl")) : undefined;
    figures.push({ set, byKind, followUps });
    process.stdout.write(`${line(set, byKind, followUps)}\n`);
  }
  const bank = offlineAsk(await openCorpus(BANK_CORPUS));
  const heldOut = { set: "followups-heldout", followUps: await askFollowUps(bank.ask, HELD_OUT_FOLLOW_UPS) };
  figures.push(heldOut);
  const { byKind: allByKind } = figuresByKind([...abstainedOf.keys()], (r) => abstainedOf.get(r)!);
  process.stdout.write(`${line(heldOut.set, undefined, heldOut.followUps)}\n\n${line("all", allByKind, shortSummary(allFollowUps))}\n`);
  if (values.json) writeFileSync(values.json, `${JSON.stringify({ figures, outcomes }, null, 2)}\n`);
});

const kind = (byKind: KindFigures[], k: string) => byKind.find((x) => x.kind === k) ?? { questions: 0, answeredRight: 0, wrong: 0, abstained: 0, relatedHit: 0 };
const pct = (n: number, d: number) => (d === 0 ? "–" : `${((100 * n) / d).toFixed(1)} %`);

function shortSummary(results: FollowUpResult[]): NonNullable<SetFigures["followUps"]> {
  const { total, passed, wrong } = summariseFollowUps(results);
  return { total, passed, wrong };
}

function line(set: string, byKind: KindFigures[] | undefined, followUps: SetFigures["followUps"]): string {
  const parts = [set.padEnd(18)];
  if (byKind) {
    const n = byKind.reduce((s, k) => s + k.questions, 0);
    const wrong = byKind.reduce((s, k) => s + k.wrong, 0);
    const right = byKind.reduce((s, k) => s + k.answeredRight, 0);
    const nm = kind(byKind, "near-miss");
    const direct = kind(byKind, "direct");
    const reworded = kind(byKind, "reworded");
    parts.push(
      `${n} questions: right ${right}, wrong ${wrong} (${pct(wrong, n)}), near-misses abstained ${pct(nm.abstained, nm.questions)}, ` +
        `direct right ${direct.answeredRight} of ${direct.questions}, reworded right or related ${pct(reworded.answeredRight + reworded.relatedHit, reworded.questions)}`,
    );
  }
  if (followUps) parts.push(`follow-ups ${followUps.passed}/${followUps.total} right, ${followUps.wrong} wrong`);
  return parts.join(" · ");
}
