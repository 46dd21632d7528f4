import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Front ends only format: Discord, the REPL and the CLI reach the product through the engine (src/engine*.ts) and
 * the shared leaves (config, errors, logger, display, core types, the Answer shape), never through the index,
 * retrieval, embeddings, the OpenAI plumbing or the answerers' internals.
 */
const FRONT_ENDS = ["src/discord", "src/cli"];
const FORBIDDEN = /^src\/(index|retrieval|embeddings|openai|text|eval|bench)\/|^src\/answer\/(?!answer\.ts$)/;
// The one exception, with its reason: a chat model's streamed draft is shown as it comes, and turning the raw
// stream into a draft without [S#] markers is the answer module's knowledge of its own marker syntax.
const ALLOWED = new Set(["src/answer/chat/draft-text.ts"]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(file) : file.endsWith(".ts") ? [file] : [];
  });
}

describe("front-end imports", () => {
  it("point only at the engine and the shared leaves", () => {
    const wrong: string[] = [];
    for (const file of FRONT_ENDS.flatMap(sourceFiles)) {
      for (const [, specifier] of readFileSync(file, "utf8").matchAll(/from "(\.{1,2}\/[^"]+)"/g)) {
        const target = path.relative(".", path.resolve(path.dirname(file), specifier!)).replace(/\.js$/, ".ts");
        if (FORBIDDEN.test(target) && !ALLOWED.has(target)) wrong.push(`${file} → ${target}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
