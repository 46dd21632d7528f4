import { copyFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PassThrough, Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { askCommand } from "../../src/cli/ask-command.js";
import { runRepl } from "../../src/cli/repl.js";
import { runCommand } from "../../src/cli/run-main.js";
import { createEngine } from "../../src/engine.js";
import { replayHistory } from "../../src/engine/replay-history.js";
import type { Engine } from "../../src/engine-types.js";
import { captureIo } from "../helpers/cli-io.js";
import { makeWorkspace, type Workspace } from "../helpers/temp-workspace.js";

const LENGTH = "after four days of negotiations";

let ws: Workspace;
let engine: Engine;
beforeAll(async () => {
  ws = makeWorkspace();
  engine = await createEngine(ws.config);
});
afterAll(async () => {
  await engine.close();
  ws.cleanup();
});

async function repl(lines: string[]): Promise<string> {
  const output = new PassThrough();
  const printed: string[] = [];
  output.on("data", (chunk: Buffer) => printed.push(chunk.toString("utf8")));
  await runRepl(ws.config, Readable.from(lines.map((l) => `${l}\n`)), output);
  return printed.join("");
}

describe("follow-up questions offline", () => {
  it("answers 'How long did they last?' after 'Who mediated the talks?' with the sentence that gives the length", async () => {
    const history = await replayHistory(engine, ["Who mediated the talks?"]);
    const answer = await engine.ask("How long did they last?", { history });
    expect(answer.question).toBe("How long did they last?");
    expect(answer.standaloneQuestion).toMatch(/^How long did the talks last\?/);
    expect(answer.abstained).toBe(false);
    expect(answer.citations.some((c) => c.text.includes(LENGTH))).toBe(true);
  });

  it("does not answer a 'why' follow-up only with what an earlier answer cited, nor pass that sentence over when its own words rank it first", async () => {
    const history = await replayHistory(engine, ["Who mediated the talks?", "How long did they last?"]);
    expect(history[1]!.citations?.[0]?.text).toContain(LENGTH);
    const why = await engine.ask("Why did the talks collapse?", { history });
    expect(why).toMatchObject({ abstained: true, citations: [] });
    expect(why.related[0]?.text).toContain(LENGTH);
  });

  it("settles a close call for a question that stands on its own, without rewriting it, when its passage follows the last one", async () => {
    const history = await replayHistory(engine, ["What did Khawaja Muhammad Asif warn before the talks?"]);
    const answer = await engine.ask("How did Afghanistan respond?", { history });
    expect(answer.standaloneQuestion).toBeUndefined();
    expect(answer.citations.some((c) => c.text.startsWith("In response, Afghanistan reiterated"))).toBe(true);
    expect((await engine.ask("How did Afghanistan respond?")).abstained).toBe(true);
  });

  it("answers an elliptic follow-up whose reading finds a sentence saying the subject it typed", async () => {
    // Its own words are "Pakistan's" alone, which rank any sentence naming Pakistan first: they cannot confirm it.
    const answer = await engine.ask("and Pakistan's?", { history: await replayHistory(engine, ["Who is Afghanistan's Defence Minister?"]) });
    expect(answer.standaloneQuestion).toMatch(/^Who is Pakistan's Defence Minister\?/);
    expect(answer.citations.map((c) => c.text)).toContainEqual(expect.stringContaining("Khawaja Muhammad Asif"));
  });

  it("gets nowhere without the conversation, so the history is what answers it", async () => {
    const alone = await engine.ask("How long did they last?");
    expect(alone.standaloneQuestion).toBeUndefined();
    expect(alone.citations.some((c) => c.text.includes(LENGTH))).toBe(false);
  });

  it("answers a standalone question in a conversation exactly as without one", async () => {
    const history = await replayHistory(engine, ["Who mediated the talks?"]);
    const inConversation = await engine.ask("Who walked out of the discussions?", { history });
    const alone = await engine.ask("Who walked out of the discussions?");
    expect(inConversation.standaloneQuestion).toBeUndefined();
    expect(inConversation.citations).toEqual(alone.citations);
  });

  it("the REPL continues the conversation, shows the reading, and :new starts afresh", async () => {
    const out = await repl(["Who mediated the talks?", "How long did they last?", ":new", "How long did they last?"]);
    const [, second, afterNew] = out.split(/dossier> /).filter((part) => part.trim() !== "" && !part.startsWith("Dossier:"));
    expect(second).toMatch(/^↳ read as: How long did the talks last\?/);
    expect(second).toContain(LENGTH);
    expect(second).toMatch(/\[1\] “Diplomatic efforts .*after four days of negotiations/);
    expect(out).toContain("New conversation");
    expect(afterNew).not.toContain("read as");
    expect(afterNew).not.toContain(LENGTH);
  });
});

describe("follow-up questions from the command line", () => {
  /** `npm run ask` in-process on captured streams, as its entry point runs it. */
  async function run(args: string[], input?: string) {
    const io = captureIo({ ...ws.env, LOG_LEVEL: "silent" }, { input });
    const status = await runCommand((cliIo) => askCommand(args, cliIo), io);
    return { status, stdout: io.out(), stderr: io.err() };
  }

  it("--follow-up reads the conversation from a JSON file", async () => {
    const file = path.join(ws.root, "history.json");
    writeFileSync(file, JSON.stringify(["Who mediated the talks?"]));
    const out = await run(["--json", "--follow-up", file, "How long did they last?"]);
    expect(out.status).toBe(0);
    const answer = JSON.parse(out.stdout);
    expect(answer.standaloneQuestion).toMatch(/^How long did the talks last\?/);
    expect(answer.citations.some((c: { text: string }) => c.text.includes(LENGTH))).toBe(true);
  });

  it("reads JSON Lines with a history field, and says in one line what is wrong with a bad one", async () => {
    const input = [
      JSON.stringify({ question: "How long did they last?", history: ["Who mediated the talks?"] }),
      JSON.stringify({ question: "How long did they last?", history: "Who mediated the talks?" }),
      "Who mediated the talks?",
    ].join("\n");
    const out = await run(["--json"], input);
    expect(out.status).toBe(1);
    const [first, second, third] = out.stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(first.citations.some((c: { text: string }) => c.text.includes(LENGTH))).toBe(true);
    expect(second.error).toMatch(/"history" \(an array of earlier questions or turns\)/);
    expect(third.standaloneQuestion).toBeUndefined();
  });

  it("reads a session's --json lines as the history, leaving out a question that failed, as the conversation did", async () => {
    // What `printf 'Who mediated the talks?\n?\n' | ask --json | jq -s .` saves: an answer, then a failed question.
    const session = await run(["--json"], "Who mediated the talks?\n?\n");
    expect(session.status).toBe(1);
    const file = path.join(ws.root, "session.json");
    writeFileSync(file, JSON.stringify(session.stdout.trim().split("\n").map((l) => JSON.parse(l))));
    const out = await run(["--json", "--follow-up", file, "How long did they last?"]);
    expect(out.status).toBe(0);
    const answer = JSON.parse(out.stdout);
    expect(answer.error).toBeUndefined();
    expect(answer.citations.some((c: { text: string }) => c.text.includes(LENGTH))).toBe(true);
    // An earlier question given alone that cannot be asked again is said as the history's, not the new question's.
    const bad = await run(["--json"], JSON.stringify({ question: "How long did they last?", history: ["Who mediated the talks?", "?"] }));
    expect(bad.status).toBe(1);
    expect(JSON.parse(bad.stdout).error).toBe(
      `The conversation's earlier question "?" could not be asked again: Please ask a question in words: that was only punctuation or symbols.`,
    );
  });

  it("refuses a history file that is not a list of questions", async () => {
    const file = path.join(ws.root, "bad-history.json");
    writeFileSync(file, JSON.stringify({ question: "x" }));
    const out = await run(["--follow-up", file, "How long did they last?"]);
    expect(out.status).toBe(1);
    expect(out.stderr.trim()).toMatch(/^dossier: The history file .* must be a JSON array/);
  });
});

describe("a conversation that changes the subject without naming anything", () => {
  let other: Workspace;
  let both: Engine;
  beforeAll(async () => {
    other = makeWorkspace();
    copyFileSync("tests/fixtures/bank/reports/riverton-city-budget.md", path.join(other.corpusDir, "riverton-city-budget.md"));
    both = await createEngine(other.config);
  });
  afterAll(async () => {
    await both.close();
    other.cleanup();
  });

  it("answers a question about another report as it would be answered alone, not held to the talks", async () => {
    const history = await replayHistory(both, ["Who mediated the talks?"]);
    expect(history[0]!.citations?.[0]?.reportId).toBe("afghanistan-pakistan-istanbul-talks");
    for (const question of ["When does the budget take effect?", "How much does the property tax rate rise?"]) {
      const alone = await both.ask(question);
      expect(alone.abstained).toBe(false);
      const after = await both.ask(question, { history });
      expect(after.abstained).toBe(false);
      expect(after.citations.map((c) => c.sentenceId)).toEqual(alone.citations.map((c) => c.sentenceId));
    }
  });
});

