import { mkdtemp, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createEngine } from "../../src/engine.js";
import { stubServedConfig } from "./openai-fixtures.js";
import { citing, startOpenAIStub, type OpenAIStub } from "./openai-stub.js";

const REPORT = [
  "The river burst its banks at Millbrook on Tuesday night.",
  "About 300 homes were evacuated, the county council said.",
  "Mayor Ana Ruiz said the town would rebuild the damaged bridge by spring.",
  "No injuries were reported.",
].join(" ");

let stub: OpenAIStub;
let dir: string;
beforeEach(async () => {
  stub = await startOpenAIStub({ apiKey: "test-key", dimensions: 16 });
  dir = await mkdtemp(path.join(tmpdir(), "dossier-openai-"));
  await mkdir(path.join(dir, "corpus"));
  await writeFile(path.join(dir, "corpus", "millbrook-flood.txt"), `Millbrook flood\n\n${REPORT}\n`);
});
afterEach(async () => {
  await stub.close();
  await rm(dir, { recursive: true, force: true });
});

const config = (env: Record<string, string> = {}) => stubServedConfig(dir, stub.baseURL, env);

describe("engine with an OpenAI-compatible server", () => {
  it("answers with the chat model and cites sentences of the report verbatim", async () => {
    const engine = await createEngine(config());
    try {
      stub.chat(citing("The town plans to rebuild the bridge by spring", "rebuild the damaged bridge"));
      // The stub's vectors are hashes, similar only for identical text: asking with a sentence's own words lets the
      // retriever find it without a real embedding model.
      const answer = await engine.ask("Mayor Ana Ruiz said the town would rebuild the damaged bridge by spring.", {
        onDraft: () => {},
      });
      expect(answer.mode).toBe("llm");
      expect(answer.citations.map((c) => c.text)).toEqual(["Mayor Ana Ruiz said the town would rebuild the damaged bridge by spring."]);
      expect(answer.text).toBe("The town plans to rebuild the bridge by spring [1].");
    } finally {
      await engine.close();
    }
  });

  it("refuses an index built by another embedder", async () => {
    await (await createEngine(config())).close();
    const failure = await createEngine(config({ EMBEDDING_MODEL: "other-embed" }), { autoIngest: false }).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: "EMBEDDER_MISMATCH" });
  });
});
