import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { importsOf, layerViolations } from "../helpers/import-layers.js";

function plant(root: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
}

describe("import layers", () => {
  let root = "";
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("every import in src/ and scripts/ points down", () => {
    expect(layerViolations(".")).toEqual([]);
  });

  it("reads imports written on one line or many, type-only, re-exported or dynamic", () => {
    const source = `import {\n  a,\n  b,\n} from "./a.js";\nimport type { T } from '../t.js';\nexport { c } from "./c.js";\nimport "./side.js";\nconst d = await import("./d.js");\nimport x from "node:fs";`;
    expect(importsOf(source)).toEqual(["./a.js", "../t.js", "./c.js", "./side.js", "./d.js"]);
  });

  it("fails on an arrow planted the wrong way", () => {
    root = mkdtempSync(path.join(tmpdir(), "dossier-layers-"));
    plant(root, {
      "src/core/types.ts": `export type A = 1;`,
      "src/errors.ts": `import type { A } from "./core/types.js";`,
      "src/engine.ts": `import { x } from "./index/ingest.js";`,
      "src/index/ingest.ts": `import type { Engine } from "../engine.js";\nimport { y } from "../retrieval/retrieve.js";`,
      "src/retrieval/retrieve.ts": `import { z } from "../index/records.js";`,
      "src/index/records.ts": `export const z = 1;`,
      "src/cli/ask.ts": `import { engine } from "../engine.js";\nimport { loadConfig } from "../config.js";\nimport { open } from "../store/open-index-store.js";`,
      "src/text/terms.ts": `import { d } from "../display/safe-text.js";\nimport { e } from "../embeddings/create-embeddings.js";`,
      "src/newthing/x.ts": ``,
    });
    expect(layerViolations(root)).toEqual([
      "src/cli/ask.ts → src/store/open-index-store.ts (a front end reaches past the engine)",
      "src/index/ingest.ts → src/engine.ts (points up: domain → application)",
      "src/index/ingest.ts → src/retrieval/retrieve.ts (sideways: src/index → src/retrieval is not an allowed sibling arrow)",
      "src/newthing/x.ts belongs to no layer (add its folder to LAYERS and the README)",
      "src/text/terms.ts → src/embeddings/create-embeddings.ts (sideways: src/text → src/embeddings is not an allowed sibling arrow)",
    ]);
  });
});
