import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { askCommand } from "../../src/cli/ask-command.js";
import { runCommand } from "../../src/cli/run-main.js";
import { captureIo } from "../helpers/cli-io.js";
import { FIRST_REPORT, makeWorkspace, type Workspace } from "../helpers/temp-workspace.js";
import { type OpenAIStub, startOpenAIStub } from "./openai-stub.js";

let ws: Workspace;
let stub: OpenAIStub;
const report = readFileSync(FIRST_REPORT, "utf8");

/**
 * Runs `npm run ask -- --json <question>` as its entry point runs it, in this process on captured streams, with the
 * chat model at `baseURL` (tests/integration/cli.test.ts runs the real process through a pipe once).
 */
async function ask(question: string, baseURL: string): Promise<{ code: number; json: any }> {
  const io = captureIo({ ...ws.env, OPENAI_BASE_URL: baseURL, OPENAI_API_KEY: "sk-test", LLM_TIMEOUT_MS: "2000", LLM_MAX_RETRIES: "0", LOG_LEVEL: "silent" });
  const code = await runCommand((cliIo) => askCommand(["--json", question], cliIo), io);
  return { code, json: JSON.parse(io.out()) };
}

beforeAll(async () => {
  ws = makeWorkspace();
  stub = await startOpenAIStub();
});
afterAll(async () => {
  await stub.close().catch(() => undefined);
  ws.cleanup();
});

describe("npm run ask -- --json with OPENAI_BASE_URL", () => {
  it("returns the chat model's written answer, every citation a verbatim sentence of the report", async () => {
    stub.chat({
      json: {
        found: true,
        sentences: [
          { text: "The talks in Istanbul ended after four days without an agreement.", sources: ["S1"] },
          { text: "They had been mediated by Turkey and Qatar.", sources: ["S2", "S99"] },
        ],
      },
    });
    const { code, json } = await ask("Why did the talks collapse?", stub.baseURL);
    expect(code).toBe(0);
    expect(json.mode).toBe("llm");
    expect(json.answer).toMatch(/ended after four days without an agreement \[1\]/);
    expect(json.citations.length).toBeGreaterThan(0);
    for (const c of json.citations) expect(report.slice(c.start, c.end)).toBe(c.text);
    const prompt = JSON.stringify(stub.requests.at(-1)!.body.messages);
    expect(prompt).toContain("<sources>");
  });

  it("still answers, extractively, and says so when the server is down", async () => {
    const downURL = stub.baseURL;
    await stub.close();
    const { code, json } = await ask("Who mediated the talks?", downURL);
    expect(code).toBe(0);
    expect(json.mode).toBe("extractive-fallback");
    expect(json.note).toMatch(/chat model unavailable/);
    expect(json.citations.length).toBeGreaterThan(0);
    for (const c of json.citations) expect(report.slice(c.start, c.end)).toBe(c.text);
  });
});
