import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough, Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runRepl } from "../../src/cli/repl.js";
import { stubServedConfig } from "./openai-fixtures.js";
import { sourceIdOf } from "../helpers/prompt-sources.js";
import { startOpenAIStub, type OpenAIStub } from "./openai-stub.js";

const BRIDGE = "Mayor Ana Ruiz said the town would rebuild the damaged bridge by spring.";
const REPORT = ["The river burst its banks at Millbrook on Tuesday night.", BRIDGE, "No injuries were reported."].join(" ");

let stub: OpenAIStub;
let dir: string;
beforeEach(async () => {
  stub = await startOpenAIStub({ dimensions: 16 });
  dir = await mkdtemp(path.join(tmpdir(), "dossier-repl-"));
  await mkdir(path.join(dir, "corpus"));
  await writeFile(path.join(dir, "corpus", "millbrook-flood.txt"), `${REPORT}\n`);
});
afterEach(async () => {
  await stub.close();
  await rm(dir, { recursive: true, force: true });
});

/** Types `question` into the REPL with the chat model behind the stub and returns everything it printed. */
async function repl(question: string): Promise<string> {
  const config = stubServedConfig(dir, stub.baseURL, { LLM_TIMEOUT_MS: "400" });
  const output = new PassThrough();
  const printed: string[] = [];
  output.on("data", (chunk: Buffer) => printed.push(chunk.toString("utf8")));
  // The stub's vectors are hashes: asking with the sentence's own words is what lets the retriever find it.
  await runRepl(config, Readable.from([`${question}\n`]), output);
  return printed.join("");
}

describe("the REPL with a streaming chat model", () => {
  it("prints the draft without source markers under a label, then the verified answer after a blank line", async () => {
    stub.chat((body) => ({ text: `The town will rebuild the bridge by spring [${sourceIdOf(body, BRIDGE)}]. Shops reopened on Friday [S9].` }));
    const out = await repl(BRIDGE);
    expect(out).toContain("draft: The town will rebuild the bridge by spring. Shops reopened on Friday.\n\n");
    expect(out).not.toMatch(/\[S\d/);
    const final = out.slice(out.indexOf("Friday.\n\n") + "Friday.\n\n".length);
    // The sentence that cited an id it was never given is gone from the checked answer.
    expect(final).toMatch(/^The town will rebuild the bridge by spring \[1\]\.\n\n\[1\] “Mayor Ana Ruiz said/);
    expect(final).not.toContain("Shops reopened");
    expect(final).toMatch(/\(llm, \d+ ms\)/);
  });

  it("says so when the chat model stalls mid-reply and the answer falls back", async () => {
    stub.chat({ stall: "after-first-chunk", text: "The town will rebuild the bridge by spring [S1]." });
    const out = await repl(BRIDGE);
    expect(out).toContain("draft: The town wil\n\n");
    // The extractive fallback is its quoted sentence, printed once.
    expect(out).toMatch(/\n\n\[1\] “Mayor Ana Ruiz said/);
    expect(out.split("Mayor Ana Ruiz said")).toHaveLength(2);
    expect(out).toMatch(/\(extractive-fallback, chat model unavailable: timeout \(the reply stalled for more than 400 ms\), \d+ ms\)/);
  });
});
