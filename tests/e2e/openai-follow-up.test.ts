import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { rewriteOffline } from "../../src/conversation/rewrite-offline.js";
import { turnOf } from "../../src/conversation/turn.js";
import { createEngine } from "../../src/engine.js";
import type { Engine } from "../../src/engine-types.js";
import { stubServedConfig } from "./openai-fixtures.js";
import { citing, startOpenAIStub, type OpenAIStub } from "./openai-stub.js";

const BRIDGE = "Mayor Ana Ruiz said the town would rebuild the damaged bridge by spring.";
const HOMES = "About 300 homes were evacuated, the county council said.";
const REPORT = ["The river burst its banks at Millbrook on Tuesday night.", HOMES, BRIDGE, "No injuries were reported."].join(" ");

let stub: OpenAIStub;
let dir: string;
let engine: Engine;
beforeEach(async () => {
  stub = await startOpenAIStub({ apiKey: "test-key", dimensions: 16 });
  dir = await mkdtemp(path.join(tmpdir(), "dossier-follow-up-"));
  await mkdir(path.join(dir, "corpus"));
  await writeFile(path.join(dir, "corpus", "millbrook-flood.txt"), `Millbrook flood\n\n${REPORT}\n`);
  engine = await createEngine(stubServedConfig(dir, stub.baseURL, { FOLLOW_UP_TIMEOUT_MS: "300" }));
});
afterEach(async () => {
  await engine.close();
  await stub.close();
  await rm(dir, { recursive: true, force: true });
});

const chatRequests = () => stub.requests.filter((r) => r.path === "/v1/chat/completions");
const stream = { onDraft: () => {} };

/** The first turn: the stub's vectors are hashes, so a question in a sentence's own words is what finds it. */
async function firstTurn() {
  stub.chat(citing("The bridge is to be rebuilt by spring", BRIDGE));
  return [turnOf(await engine.ask(BRIDGE, stream))];
}

describe("follow-ups with a chat model", () => {
  it("has the model rewrite the follow-up from the conversation, then answers that with verified citations", async () => {
    const history = await firstTurn();
    expect(chatRequests()).toHaveLength(1);
    stub.chat({ text: HOMES }, citing("About 300 homes were evacuated", HOMES));
    const answer = await engine.ask("And how many homes were evacuated?", { ...stream, history });

    const [, rewrite, answering] = chatRequests();
    const prompt = rewrite!.body.messages.map((m: { content: string }) => m.content).join("\n");
    expect(prompt).toContain(`<question>${BRIDGE}</question>`);
    expect(prompt).toContain("<answer>The bridge is to be rebuilt by spring [1].</answer>");
    expect(prompt).toContain("<last_question>And how many homes were evacuated?</last_question>");
    expect(rewrite!.body.stream).toBeFalsy();
    expect(JSON.stringify(answering!.body.messages)).toContain(HOMES);

    expect(answer).toMatchObject({ question: "And how many homes were evacuated?", standaloneQuestion: HOMES, mode: "llm" });
    expect(answer.citations.map((c) => c.text)).toEqual([HOMES]);
  });

  it("keeps a question the model returns unchanged as asked", async () => {
    const history = await firstTurn();
    stub.chat({ text: `"${HOMES}"` }, citing("About 300 homes were evacuated", HOMES));
    const answer = await engine.ask(HOMES, { ...stream, history });
    expect(answer.standaloneQuestion).toBeUndefined();
    expect(answer.citations[0]?.text).toBe(HOMES);
  });

  it.each([
    ["is too slow", { text: HOMES, delayMs: 2_000 }],
    ["fails", { status: 500, message: "upstream down" }],
    ["replies with nothing usable", { text: "\n\n" }],
  ])("falls back to the offline rewrite when the model %s", async (_, failure) => {
    const history = await firstTurn();
    stub.chat(failure, citing("The bridge is to be rebuilt by spring", BRIDGE));
    const answer = await engine.ask("When will they rebuild it?", { ...stream, history });
    // Read by the offline rules instead; the answer still comes from the model, its citation verified.
    expect(answer.standaloneQuestion).toBe(rewriteOffline("When will they rebuild it?", history).question);
    expect(answer.standaloneQuestion).toMatch(/^When will they rebuild the town\? \(context: /);
    expect(answer.mode).toBe("llm");
    expect(REPORT).toContain(answer.citations[0]!.text);
  });
});
