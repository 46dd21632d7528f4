import { cpSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { figuresByKind } from "../../scripts/quality/report.js";
import { BANK_QUESTIONS, readQuestions } from "../../scripts/quality/question-set.js";
import { loadConfig } from "../../src/config.js";
import { createEngine } from "../../src/engine.js";
import { extractReport } from "../../src/formats/read-format.js";
import type { Engine } from "../../src/engine-types.js";
import { readQuestionSet } from "../../scripts/quality/read-question-set.js";
import { type EvalQuestion, scoreQuestion, summarise } from "../../scripts/quality/score.js";
import { type FollowUpQuestion, type FollowUpResult, scoreFollowUp, summariseFollowUps } from "../../scripts/quality/score-follow-ups.js";
import { type HistoryItem, replayHistory } from "../../src/engine/replay-history.js";
import type { Turn } from "../../src/conversation/turn.js";
import { embedAhead, embedReportsAhead } from "../helpers/embed-ahead.js";
import { storesUnderTest, type StoreUnderTest } from "../helpers/store-fixture.js";
import { makeWorkspace, type Workspace } from "../helpers/temp-workspace.js";

const stores = storesUnderTest();
const workspaces: Workspace[] = [];
const engines: Engine[] = [];
afterAll(async () => {
  await Promise.all(engines.map((e) => e.close()));
  workspaces.forEach((w) => w.cleanup());
});

async function engineOver(store: StoreUnderTest, extraReports?: string): Promise<{ engine: Engine; corpusDir: string }> {
  const ws = makeWorkspace({ withFirstReport: true, env: await store.freshEnv() });
  workspaces.push(ws);
  if (extraReports) {
    cpSync(extraReports, ws.corpusDir, { recursive: true });
    await embedReportsAhead(readdirSync(ws.corpusDir).map((f) => path.join(ws.corpusDir, f)));
  }
  const engine = await createEngine(loadConfig({ ...ws.env, LOG_LEVEL: "silent" }));
  engines.push(engine);
  return { engine, corpusDir: ws.corpusDir };
}

/**
 * Runs a question set through the real engine and checks every citation and related passage is a verbatim slice of
 * its report as read from the file (a Markdown report's rendered text).
 */
async function run({ engine, corpusDir }: { engine: Engine; corpusDir: string }, questions: EvalQuestion[]) {
  const texts = new Map<string, Promise<string>>();
  const textOf = (reportId: string) => {
    if (!texts.has(reportId)) {
      const file = readdirSync(corpusDir).find((f) => f.startsWith(`${reportId}.`))!;
      texts.set(reportId, extractReport(readFileSync(path.join(corpusDir, file)), file, Number.MAX_SAFE_INTEGER).then((r) => r.text));
    }
    return texts.get(reportId)!;
  };
  await embedAhead(questions.map((q) => q.question));
  // All at once: what the engine embeds beyond the questions themselves (a two-part question's parts) is embedded
  // together by the run's encoder memo rather than one text per model call. Each answer is the one asked alone gets.
  return Promise.all(
    questions.map(async (q) => {
      const answer = await engine.ask(q.question);
      for (const c of [...answer.citations, ...answer.related]) {
        expect((await textOf(c.reportId)).slice(c.start, c.end)).toBe(c.text);
      }
      return { result: scoreQuestion(q, answer), abstained: answer.abstained };
    }),
  );
}

/**
 * A scripted history as the engine replays it, each distinct opening of a conversation asked once per engine: the
 * follow-ups of a conversation share its first turns, and `replayHistory` passes a turn it is given through as it is.
 */
const replays = new WeakMap<Engine, Map<string, Promise<Turn[]>>>();
function replayed(engine: Engine, items: readonly HistoryItem[]): Promise<Turn[]> {
  if (items.length === 0) return Promise.resolve([]);
  if (!replays.has(engine)) replays.set(engine, new Map());
  const known = replays.get(engine)!;
  const key = JSON.stringify(items);
  if (!known.has(key)) known.set(key, replayed(engine, items.slice(0, -1)).then((before) => replayHistory(engine, [...before, items.at(-1)!])));
  return known.get(key)!;
}

// Quality floors, so a change that makes answers worse fails the build. The figures are measured with the shipped
// model, which was fitted on these questions: they guard against regressions and are not quality claims (the README
// publishes report-level cross-validated figures from `npm run eval -- --bank --cv`).
for (const store of stores) describe(`answer quality with the offline default, ${store.label}`, () => {
  it("on the dev set, answers most questions right and never wrongly", async () => {
    const results = (await run(await engineOver(store), readQuestions(["tests/fixtures/dev-questions.jsonl"]))).map((r) => r.result);
    const summary = summarise(results);
    expect(results.filter((r) => r.wrong)).toEqual([]);
    expect(summary.passed).toBeGreaterThanOrEqual(13);
  });
});

// The whole bank on the local store only, to keep the suite quick: that PostgreSQL gives the same answers on the
// bank is checked in tests/integration/postgres-store.test.ts, which compares the two stores answer by answer.
describe("answer quality on the question bank, local store", () => {
  let bank: Promise<{ engine: Engine; corpusDir: string }> | undefined;
  const bankEngine = () => (bank ??= engineOver(stores.find((s) => s.kind === "local")!, "tests/fixtures/bank/reports"));

  it("on the question bank, keeps wrong answers rare, abstains on near-misses and off-topic questions, answers direct ones", async () => {
    const runs = await run(await bankEngine(), readQuestions(BANK_QUESTIONS));
    const byQuestion = new Map(runs.map((r) => [r.result, r.abstained]));
    const { targets, byKind } = figuresByKind([...byQuestion.keys()], (r) => byQuestion.get(r)!);
    expect(byKind.reduce((n, k) => n + k.questions, 0)).toBeGreaterThanOrEqual(1488);
    // In-sample with the shipped model (refitted in the twenty-first session on all 1,488 under a 3.5 % limit on
    // held-out wrong answers), exact since evaluation is deterministic: 3.0 % wrong, near-misses 94.6 % abstained,
    // direct 61.9 %, reworded 56.5 %. Earlier figures, and the cross-validated ones: docs/quality.md.
    expect(targets.wrongShareOfAll!.value).toBeLessThanOrEqual(0.03);
    expect(targets.nearMissAbstained!.value).toBeGreaterThanOrEqual(0.946);
    expect(targets.offTopicAbstained!.value).toBe(1);
    expect(targets.directAnsweredRight!.value).toBeGreaterThanOrEqual(0.619);
    expect(targets.rewordedRightOrRelated!.value).toBeGreaterThanOrEqual(0.565);
    // Embedding the bank's reports and 1,344 questions with the real model, then asking them: 71 s (at 1,200) at a load of 12 on 2
    // cores, past the default limit.
  }, 240_000);

  // Follow-up sets with what each passes and answers wrongly today (`npm run eval:followups -- <file>`), with every
  // bank report in the corpus and the model fitted on the 1,200-question bank. Counting word-for-word answers against
  // the fit's limit on wrong answers moved them from 52/2, 31/2, 8/1, 16/4, 18/4, 14/2 and 10/2 (about two right
  // answers given up for each wrong one avoided, as on single questions). A close call under probability 0.3 no longer
  // settled by the conversation: bank-d's 14 → 13 passed, bank-e's one wrong answer → none. The report the
  // conversation's questions named settling a close call after a turn that cited nothing: the bank's 44 → 45 (46 once
  // a pronoun no longer stands for a phrase of the other number), the
  // second set's 25 → 26, bank-d's 12 → 13 (after 13 → 12 with the elliptic reading); a "why" or "how" follow-up not
  // answered with what any earlier turn showed: bank-d's 3 wrong → 2. "he" or "she" after a "who" that was not sure
  // read as the person its closest passage names beside what was asked: the bank's 46 → 49, bank-f's 9 → 10; every
  // word between an owner and its noun swapped by an elliptic one ("and energy costs?"): the second set's 26 → 27;
  // a close call settled by another fact of a sentence the previous answer cited: the second set's 27 → 28.
  // - the bank's (the tuning set), written by the team; a second set on the four reports the first does not use,
  //   written after the rewrite was shaped; a third, terse, in the style of the outsider's held-out one, used to
  //   choose the conversation's-reports rule;
  // - bank-c's, bank-d's, bank-e's, bank-f's, bank-g's and bank-h's, each written by an outsider with four new reports
  //   (first runs, unseen: 13/4, 17/4, 13/2, 10/2, 7/3 and 9/3); since then tuning sets.
  // Refitting the model with bank-g's questions moved the others from 49/2, 28/0, 8/1, 17/1, 13/2, 16/0 and 10/0.
  // "they" no longer the name inside a singular phrase (the Skylark-2 rocket) nor a verb counted ("How many got
  // sick?"): bank-g's 3 wrong → 1. "he" or "she" taken from a passage a not-sure turn showed, tried and backed out
  // after review (it cited the other side's negotiator for Marovia's), had the bank's at 47, the second set's at 29,
  // the third's at 9 and bank-f's at 9.
  // Refitting the model with bank-h's questions moved the others from 46/2, 28/0, 8/1, 15/0, 15/3, 14/2, 8/1 and 13/1.
  // The follow-up model (src/engine/model/follow-up.json, `npm run calibrate:followups`) weighing what the
  // conversation knows about a follow-up the judgement was not sure of: the bank's 45 → 46 and bank-d's 14 → 15 passed,
  // no answer wrong; the answer among the passages shown when not sure (`related`, a floor since then) from 23, 14, 14,
  // 12, 12, 11, 11, 9 and 8.
  // A follow-up asking what someone said not answered when its speaker is a pronoun that found nobody, when it asks
  // only whose words and is answered on the conversation's words or with a sentence the conversation already showed,
  // nor settled by the conversation with a sentence reporting no speech (model refitted): wrong answers from 2, 0, 1,
  // 0, 1, 2, 1, 2 and 3 (12) to 7, no set's passed moved, related hits from 24, 17, 14, 13, 13, 12, 14, 12 and 9.
  // Both models refitted with bank-i's questions (1,344) moved them from 46/1, 26/0, 8/1, 16/0, 15/1, 14/1, 8/0, 12/0
  // and 11/3; bank-i's own (first runs, unseen: 10/5 twice) 11/7 in-sample, a tuning set since.
  // Stricter where a rewrite is a guess (on each outsider set's first run, before rules were shaped to it, such answers
  // were as often wrong as right): a rewritten follow-up of a turn that found nothing answered only on the model's own
  // confidence, not for every word of its reading being in a sentence; the report's settling not done for a follow-up
  // with no word of its own ("how big was it?"); an elliptic follow-up settled by the conversation only with a sentence
  // saying its subject; the follow-up model answering only close calls (model refitted). Chosen before bank-i joined,
  // and on it: wrong 7 -> 5. All sets: wrong from 2, 0, 1, 1, 1, 1, 0, 0, 2 and 7 (15) to 2, 0, 1, 1, 1, 0, 0, 0, 1
  // and 5 (11); passed the bank's 45 -> 42, bank-d's 14 -> 13, bank-e's 14 -> 15, bank-g's 13 -> 12, bank-i's 11 -> 10
  // (answered by every word of a reading after a turn that found nothing, now not sure with the answer shown).
  // Nor a rewritten yes-or-no follow-up of a turn that found nothing, however sure the model (refitted): bank-i's wrong
  // 5 -> 4, the second set's passed 27 -> 26 and bank-c's 17 -> 16 (both now shown as related).
  // The answer model reading factAttached (the asked-for fact beside what is asked about), both models refitted: the
  // bank's 42 → 43 passed and 29 → 27 related, the third set's 8 → 9 and 15 → 14, bank-d's 13 → 14 and 13 → 12,
  // bank-f's wrong 0 → 1 (related 15 → 16), bank-i's 10 → 11 passed, wrong 4 → 5 and related 12 → 11 (all sets: passed
  // 161 → 165, wrong 11 → 13, related 153 → 149).
  // Both models refitted with bank-l's questions (1,488) and the qualifier and which/where checks: all sets but bank-l's
  // passed 165 → 168, wrong 12 → 13, related 149 → 143 (the bank's wrong 2 → 0, the second set's 0 → 1, bank-h's 1 → 4,
  // bank-i's 5 → 4); bank-l's own (unseen first run: 9/2) 9/3 in-sample, a tuning set since.
  // A question naming nothing whose words the conversation's reports mostly lack no longer held to them
  // (`changesSubject`): the second set's 26 → 27 passed (a turn whose answer was shown among the passages), no other set
  // moved. "Who is he?" read as "Who is <name>?" answered by the sentence introducing them: the bank's 38 → 43 passed
  // (related 32 → 28), bank-g's 12 → 13, bank-l's 7 → 8 (related 19 → 18); no wrong answer more.
  // Titles such as "Cllr." no longer ending a sentence: bank-i's wrong 4 → 3 and passed 10 → 11 (the councillor's words
  // quoted whole), the third set's passed 9 → 8 (that answer now among the passages shown, another turn's passages no
  // longer holding theirs: related 15 → 15), bank-f's related 14 → 13;
  // a name after a title read as a name: bank-e's passed 14 → 15 (related 14 → 13). Stems kept apart moved no set.
  // A "how many" question not answered by a sentence counting something else: bank-l's 8 → 6 passed (a nurse's "12
  // mobile teams" no longer settles the close call whose quotation beside it held the count; "And the smaller union?"
  // read as "How many the smaller union for it?" no longer answered by luck), bank-i's related 14 → 13.
  // At the session's end (the share rule and the review's loosening of the count and clock rules, measured together)
  // bank-i's passed 11 → 12. Both models refitted on today's code (twenty-first session): passed 172 → 175 over
  // the eleven, wrong 12 → 15.
  const FOLLOW_UP_SETS = [
    { file: "tests/fixtures/bank/followups.jsonl", total: 89, passed: 46, wrong: 2, related: 25 },
    { file: "tests/fixtures/bank/followups-dev2.jsonl", total: 48, passed: 26, wrong: 0, related: 18 },
    { file: "tests/fixtures/bank/followups-dev3.jsonl", total: 29, passed: 8, wrong: 1, related: 14 },
    { file: "tests/fixtures/bank/followups-c.jsonl", total: 40, passed: 16, wrong: 1, related: 14 },
    { file: "tests/fixtures/bank/followups-d.jsonl", total: 41, passed: 14, wrong: 2, related: 13 },
    { file: "tests/fixtures/bank/followups-e.jsonl", total: 37, passed: 15, wrong: 0, related: 13 },
    { file: "tests/fixtures/bank/followups-f.jsonl", total: 36, passed: 7, wrong: 1, related: 14 },
    { file: "tests/fixtures/bank/followups-g.jsonl", total: 38, passed: 14, wrong: 1, related: 12 },
    { file: "tests/fixtures/bank/followups-h.jsonl", total: 36, passed: 11, wrong: 1, related: 12 },
    { file: "tests/fixtures/bank/followups-i.jsonl", total: 39, passed: 11, wrong: 3, related: 14 },
    { file: "tests/fixtures/bank/followups-l.jsonl", total: 36, passed: 7, wrong: 3, related: 17 },
  ];
  /**
   * Every set's follow-ups asked at once, the first time a set's results are wanted: a follow-up's reading exists only
   * once its conversation has been answered, and asked one by one each reading was embedded alone; together, the run's
   * encoder memo embeds those of one token count in one model call. Each answer is the one asked alone gets.
   */
  let followUps: Map<string, Promise<FollowUpResult[]>> | undefined;
  const followUpResults = async (file: string) => {
    const { engine } = await bankEngine();
    followUps ??= new Map(
      FOLLOW_UP_SETS.map(({ file }) => {
        const questions = readQuestionSet<FollowUpQuestion>(file);
        // What is typed: a follow-up is also retrieved by its own words, and the history's questions are asked as typed.
        const results = embedAhead(questions.flatMap((q) => [q.question, ...q.history.map((h) => (typeof h === "string" ? h : h.question))])).then(() =>
          Promise.all(questions.map(async (q) => scoreFollowUp(q, await engine.ask(q.question, { history: await replayed(engine, q.history) })))),
        );
        // A set's failure is reported by its own test, when that test awaits it.
        results.catch(() => undefined);
        return [file, results];
      }),
    );
    return followUps.get(file)!;
  };
  for (const set of FOLLOW_UP_SETS) {
    it(`on ${path.basename(set.file)}, answers at least ${set.passed} of ${set.total} right, at most ${set.wrong} wrongly, shows the answer among the related passages for at least ${set.related}, and never rewrites a standalone question`, async () => {
      const s = summariseFollowUps(await followUpResults(set.file));
      expect(s.total).toBeGreaterThanOrEqual(set.total);
      expect(s.passed).toBeGreaterThanOrEqual(set.passed);
      expect(s.wrong).toBeLessThanOrEqual(set.wrong);
      expect(s.relatedHits).toBeGreaterThanOrEqual(set.related);
      expect(s.standaloneKept).toBe(s.standaloneTotal);
      // The first set's test waits for every set's conversations, asked together: past the default limit when the
      // machine is busy (a CI run beside two cross-validations took over 60 s).
    }, 240_000);
  }

  it("answers a follow-up that names nothing only from the reports the conversation has been about", async () => {
    const { engine } = await bankEngine();
    // "the vote" is the appeals court's, but its words find the council's and the recount's votes.
    const vote = await engine.ask("what was the vote?", { history: await replayHistory(engine, ["What did the appeals court decide about the Northgate pipeline?"]) });
    expect(vote.standaloneQuestion).toBeUndefined();
    expect(vote.citations.filter((c) => c.reportId !== "appeals-court-pipeline-ruling")).toEqual([]);
  });

  it("answers an elliptic follow-up from the report the previous answer came from, settling a close call", async () => {
    const { engine } = await bankEngine();
    const history = await replayHistory(engine, ["By how much does the parks department's budget fall?"]);
    expect(history[0]!.citations?.[0]?.reportId).toBe("riverton-city-budget");
    // Asked alone, its reading is a close call the model is not sure of (it showed the pools' sentence among related
    // passages); the previous answer came from the budget report, whose passage the follow-up as typed finds.
    const pools = "two seasonal swimming pools will stay closed";
    const alone = await engine.ask("What happens to the pools in the budget?");
    expect(alone.citations).toEqual([]);
    expect(alone.related?.map((c) => c.text)).toContainEqual(expect.stringContaining(pools));
    const followUp = await engine.ask("and the pools?", { history });
    expect(followUp.citations.map((c) => c.text)).toEqual([expect.stringContaining(pools)]);
  });

  it("settles a close call only when the follow-up as typed finds the passage and the previous turn cited its report", async () => {
    const { engine } = await bankEngine();
    // "when was it found?" read with the conversation's words ranked "the week between discovery and notice" first
    // by itself (a "when" question is satisfied by "week"); the typed words alone do not.
    const cited = await replayHistory(engine, ["How many customers does Vantora have?"]);
    expect(cited[0]!.citations?.[0]?.reportId).toBe("vantora-data-breach");
    expect(await engine.ask("when was it found?", { history: cited })).toMatchObject({ abstained: true, citations: [] });
    // "how was it discovered?": no check sees an explanation, and the typed words alone rank "discovery" first.
    const copied = await replayHistory(engine, ["How many Vantora customers had details copied?"]);
    for (const asked of ["how was it discovered?", "how was it detected?"]) {
      const answer = await engine.ask(asked, { history: copied });
      expect(answer.citations.map((c) => c.text)).not.toContainEqual(expect.stringContaining("the week between discovery and notice"));
    }
  });

  it("answers within the previous turn's report only what the model is sure of and the follow-up's own words find among all", async () => {
    const { engine } = await bankEngine();
    // Asked among all the reports "What was the vote?" is the election's; the conversation here is the budget's.
    const history = await replayHistory(engine, ["What was the vote?"], { reportIds: ["riverton-city-budget"] });
    expect(history[0]!.citations?.[0]?.text).toBe("The vote was 8 to 1.");
    // Within the budget report every word of "Who voted for …" is in the sentence on the only vote against the plan.
    for (const asked of ["who voted for it?", "when did they vote?"]) {
      const answer = await engine.ask(asked, { history });
      expect(answer.citations.map((c) => c.text)).not.toContainEqual(expect.stringContaining("cast the only vote against"));
    }
  });

  it("asks a rewritten follow-up that finds no answer among all the reports again within the previous turn's report", async () => {
    const { engine } = await bankEngine();
    const history = await replayHistory(engine, ["How much did the Hollis County Council release from its emergency fund?"]);
    // Among all the reports the follow-up's own words ("what will that pay for") point elsewhere, so the answer the
    // reading finds is not trusted; within the flood report they point to it.
    const payFor = await engine.ask("what will that pay for", { history });
    expect(payFor.standaloneQuestion).toMatch(/^What will the \$1\.5 million pay for/);
    // Either sentence on what the money pays for answers; since the near-miss checks' refit the model is not sure and
    // shows it among the flood report's passages.
    const paysFor = /for shelters, pumps and clean-up|pay for overtime for road crews/;
    const shown = [...payFor.citations, ...(payFor.related ?? [])];
    expect(shown.some((c) => paysFor.test(c.text))).toBe(true);
    expect(payFor.citations.filter((c) => !paysFor.test(c.text))).toEqual([]);
    expect(shown.filter((c) => c.reportId !== "valley-flood-emergency")).toEqual([]);
  });

  const afterNotSure = async () => {
    const { engine } = await bankEngine();
    const shown = await replayHistory(engine, ["How many Vantora customers were affected?"]);
    return { engine, shown };
  };
  it("replays a turn that was not sure and only showed passages of the breach report", async () => {
    const { shown } = await afterNotSure();
    expect(shown[0]!.citations).toEqual([]);
    expect(shown[0]!.related?.[0]?.reportId).toBe("vantora-data-breach");
  });

  // Its reading, "When was Vantora found?", was once answered with "the week between discovery and notice", as a bare
  // "week" satisfied "when" (wrong from bank-l's refit until the thirteenth session).
  it("leaves unsettled a follow-up of a turn that was not sure and only showed passages of that report", async () => {
    const { engine, shown } = await afterNotSure();
    const found = await engine.ask("when was it found?", { history: shown });
    expect(found).toMatchObject({ abstained: true, citations: [] });
  });

  it("retries the reading of a follow-up that names nothing within the conversation's report, checking its words among the conversation's reports", async () => {
    const { engine } = await bankEngine();
    // Asked as written it finds other reports' customers; read as about the power cut, within its report, it answers.
    const customers = await engine.ask("how many customers", { history: await replayHistory(engine, ["Why did Ridgeline Power cut electricity?"]) });
    expect(customers.citations.map((c) => c.text)).toContainEqual(expect.stringContaining("cut electricity to about 11,300 customers"));
  });

  it("answers with the sentence beside the one the previous answer cited, where the question alone is not enough", async () => {
    const { engine } = await bankEngine();
    const gas = await engine.ask("what did she say about the gas companies?", { history: await replayHistory(engine, ["Who is Ingrid Solvang?"]) });
    expect(gas.standaloneQuestion).toMatch(/^What did Ingrid Solvang say about the gas companies\?/);
    expect(gas.citations.map((c) => c.text)).toContainEqual(expect.stringContaining("The gas companies assumed the grid"));
    // Its reading, asked with no conversation behind it, is left unanswered.
    expect((await engine.ask("What did Ingrid Solvang say about the gas companies?")).abstained).toBe(true);
  });

  it("keeps a question that names nothing, asked as typed, to the conversation's report", async () => {
    const { engine } = await bankEngine();
    const history = await replayHistory(engine, ["What caused the Brennock colliery collapse?"]);
    expect([...(history[0]!.citations ?? []), ...(history[0]!.related ?? [])][0]?.reportId).toBe("brennock-colliery-rescue");
    // Asked alone, the grid analysis's deaths answer it; in a conversation about the colliery, they are not its deaths.
    expect((await engine.ask("how many people died?")).citations.map((c) => c.reportId)).toContain("northern-grid-analysis");
    const died = await engine.ask("how many people died?", { history });
    expect(died.standaloneQuestion).toBeUndefined();
    expect(died.citations.filter((c) => c.reportId !== "brennock-colliery-rescue")).toEqual([]);
  });

  it("is not sure of a rewritten yes-or-no follow-up that only has every word of its reading in a sentence", async () => {
    const { engine } = await bankEngine();
    // "hope they ran the right way": the report does not say whether the horses made it.
    const horses = await engine.ask("did his other two horses make it", { history: await replayHistory(engine, ["what did gordon pike say", "where did he sleep?"]) });
    expect(horses.standaloneQuestion).toMatch(/^Did Gordon Pike’s other two horses make it/);
    expect(horses).toMatchObject({ abstained: true, citations: [] });
  });

  it("reads a follow-up that names nothing and finds nothing on its own as about the conversation's subject", async () => {
    const { engine } = await bankEngine();
    const history = await replayHistory(engine, ["When did the Calder River flood?", "how much will the state pay toward the levee?"]);
    expect((await engine.ask("how much has arrived?")).abstained).toBe(true);
    const arrived = await engine.ask("how much has arrived?", { history });
    expect(arrived.standaloneQuestion).toMatch(/^how much has arrived\? \(context: .*levee/);
    expect(arrived.citations.some((c) => c.text.includes("only $9 million of that money has arrived"))).toBe(true);
  });

  it("is not sure, rather than wrong, when a follow-up's rewrite finds what the follow-up did not ask, or an interview's question", async () => {
    const { engine } = await bankEngine();
    // "it" read as Achterberg finds her sentence, but the follow-up asks what the Greens said.
    const greens = await engine.ask("what did the Greens say about it?", { history: await replayHistory(engine, ["What did Achterberg promise in her victory speech?"]) });
    expect(greens.standaloneQuestion).toMatch(/^What did the Greens say about Achterberg\?/);
    expect(greens).toMatchObject({ abstained: true, citations: [] });
    expect(greens.related.length).toBeGreaterThan(0);
    // The interviewer's "What went wrong?" is a sentence of the report; the reply is what answers.
    const delay = await engine.ask("what went wrong?", { history: await replayHistory(engine, ["Where are the new hybrid ferries being built?"]) });
    expect(delay.citations.map((c) => c.text)).not.toContain("What went wrong?");
  });
});
