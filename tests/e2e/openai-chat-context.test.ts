import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { LocalUseEmbeddings } from "../../src/embeddings/local-use-embeddings.js";
import { createEngine } from "../../src/engine.js";
import type { Engine } from "../../src/engine-types.js";
import { perfectReader } from "../helpers/perfect-reader.js";
import { startOpenAIStub, type OpenAIStub } from "./openai-stub.js";

const REPORT = [
  "Envoys from both governments met in Geneva on Monday.",
  "The U.S. Defense Department announced that it would withdraw 2,000 troops from the border region by March.",
  "Officials said the move was meant to ease tensions before the next round of talks.",
  "Local residents welcomed the news but said they remained cautious.",
  "The talks are due to resume in April.",
].join(" ");
const SUPPORT = "would withdraw 2,000 troops";

const questions = [
  // "Pentagon" appears nowhere in the report: the offline gate abstains on such a name, the model must still be asked.
  { id: "p1", question: "What did the Pentagon announce about its troops?", expected: ["2,000 troops"], support: [SUPPORT] },
  { id: "p2", question: "How much did the Pentagon pay for the border fence?", answerable: false },
];

const embeddings = new LocalUseEmbeddings();
const reader = perfectReader(questions);
let stub: OpenAIStub;
let dir: string;
let chat: Engine;
beforeAll(async () => {
  stub = await startOpenAIStub({ respond: reader.respond });
  dir = await mkdtemp(path.join(tmpdir(), "dossier-chat-context-"));
  await mkdir(path.join(dir, "corpus"));
  await writeFile(path.join(dir, "corpus", "border-troops.txt"), `Border troops\n\n${REPORT}\n`);
  chat = await createEngine(config({ ANSWER_MODE: "llm" }), { embeddings });
});
afterAll(async () => {
  await chat.close();
  await stub.close();
  await rm(dir, { recursive: true, force: true });
});

function config(env: Record<string, string>) {
  return loadConfig({
    CORPUS_DIR: path.join(dir, "corpus"),
    DATA_DIR: path.join(dir, "data"),
    OPENAI_BASE_URL: stub.baseURL,
    LOG_LEVEL: "silent",
    ...env,
  });
}

describe("chat-model mode: the model decides from a wide context", () => {
  it("asks the model even when a name in the question is missing from the reports, where the offline gate abstains", async () => {
    const offline = await createEngine(config({ ANSWER_MODE: "extractive" }), { embeddings });
    expect((await offline.ask(questions[0]!.question)).abstained).toBe(true);
    await offline.close();

    const answer = await chat.ask(questions[0]!.question);
    expect(answer).toMatchObject({ mode: "llm", abstained: false });
    expect(answer.citations.map((c) => c.text)).toEqual([expect.stringContaining(SUPPORT)]);
    // The whole short report, in reading order, one block.
    const prompt = String(stub.requests.at(-1)!.body.messages.at(-1).content);
    expect(prompt.match(/<source id=/g)).toHaveLength(chat.reports()[0]!.sentenceCount);
    expect(prompt.indexOf("Envoys from both")).toBeLessThan(prompt.indexOf("The talks are due"));
  });

  it("reads a streamed text reply the same way", async () => {
    const drafts: string[] = [];
    const answer = await chat.ask(questions[0]!.question, { onDraft: (t) => drafts.push(t) });
    expect(stub.requests.at(-1)!.body.stream).toBe(true);
    expect(drafts.length).toBeGreaterThan(0);
    // A draft is shown before its citations are checked, so it must not carry the model's markers.
    expect(drafts.filter((d) => /\[S\d/.test(d))).toEqual([]);
    expect(answer).toMatchObject({ mode: "llm", abstained: false });
    expect(answer.citations.map((c) => c.text)).toEqual([expect.stringContaining(SUPPORT)]);
  });

  it("takes the model's 'not in the reports' as the answer: abstains and cites nothing", async () => {
    const answer = await chat.ask(questions[1]!.question);
    expect(answer).toMatchObject({ mode: "llm", abstained: true, citations: [] });
    expect(reader.readings.get("p2")).toMatchObject({ sources: chat.reports()[0]!.sentenceCount, handedSupport: false });
  });

  it("hands the model at most CONTEXT_SENTENCES sentences", async () => {
    const narrow = await createEngine(config({ ANSWER_MODE: "llm", CONTEXT_SENTENCES: "2" }), { embeddings });
    await narrow.ask(questions[0]!.question);
    const prompt = String(stub.requests.at(-1)!.body.messages.at(-1).content);
    expect(prompt.match(/<source id=/g)).toHaveLength(2);
    await narrow.close();
  });
});
