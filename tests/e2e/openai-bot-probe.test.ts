import { pino } from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { probeChatModel } from "../../src/discord/start-bot.js";
import { startOpenAIStub, type OpenAIStub } from "./openai-stub.js";

let stub: OpenAIStub;
let logs: Array<{ level: number; msg: string }>;
beforeEach(async () => {
  stub = await startOpenAIStub({ apiKey: "test-key", models: ["stub-chat"] });
  logs = [];
});
afterEach(() => stub.close());

const logger = () => pino({ level: "debug" }, { write: (line: string) => void logs.push(JSON.parse(line)) });
const config = (env: Record<string, string> = {}) =>
  loadConfig({
    OPENAI_BASE_URL: stub.baseURL,
    OPENAI_API_KEY: "test-key",
    CHAT_MODEL: "stub-chat",
    // Three seconds for a reply from 127.0.0.1, which a loaded 2-core machine running the other tests can miss at 400 ms.
    LLM_TIMEOUT_MS: "3000",
    DISCORD_TOKEN: "fake-token",
    ...env,
  });
const warnings = () => logs.filter((l) => l.level === 40);

describe("the bot's start-up check of the chat model", () => {
  it("asks the configured model for one token and logs no warning when it answers", async () => {
    stub.chat({ text: "OK" });
    await probeChatModel(config(), logger());
    expect(stub.requests).toHaveLength(1);
    expect(stub.requests[0]!.body).toMatchObject({ model: "stub-chat", max_tokens: 1 });
    expect(warnings()).toEqual([]);
  });

  it("logs one warning line and carries on when the key is rejected", async () => {
    await expect(probeChatModel(config({ OPENAI_API_KEY: "sk-wrong" }), logger())).resolves.toBeUndefined();
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]!.msg).toBe(
      `the chat model rejected the API key (HTTP 401 from ${stub.baseURL}); check OPENAI_API_KEY; starting anyway, answers fall back to extractive ones while the chat model fails`,
    );
    expect(JSON.stringify(logs)).not.toContain("sk-wrong");
  });

  it("does not hang start-up on a server that stalls", async () => {
    stub.chat({ stall: "after-headers" });
    // Our overall deadline ends it: LLM_TIMEOUT_MS and its slack, shortened from a second. The stub stalls until the
    // client hangs up, so a probe that did not give up would end this test by its timeout.
    const settings = config();
    await probeChatModel({ ...settings, openai: { ...settings.openai, deadlineSlackMs: 100 } }, logger());
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]!.msg).toMatch(/^chat model unavailable: timeout \(no complete reply within 3100 ms\)/);
  });

  it("asks nothing when no chat model is configured", async () => {
    await probeChatModel(config({ ANSWER_MODE: "extractive" }), logger());
    expect(stub.requests).toEqual([]);
    expect(logs).toEqual([]);
  });
});
