import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * The layers of the code, top to bottom. A file may import from its own folder and from the layers below it, never
 * from a layer above: that keeps every arrow pointing one way, so a change low down never has to know who calls it.
 * Kept beside the README's drawing of the same layers (its "Layout" section); change both together.
 */
export const LAYERS: readonly { name: string; match: RegExp }[] = [
  // Tooling measures the internals (bench phases time the index itself, eval scores retrieval), so it may reach any
  // layer; nothing in the product imports it.
  { name: "tooling", match: /^scripts\// },
  { name: "front ends", match: /^src\/(cli|discord)\// },
  { name: "application", match: /^src\/(engine\.ts|engine-types\.ts|engine\/)/ },
  { name: "domain", match: /^src\/(retrieval|answer|conversation|index|store|formats|net)\// },
  { name: "services", match: /^src\/(text|embeddings|openai)\// },
  // display holds the limits and text-safety rules every front end and the logger share: plain functions over strings.
  { name: "core", match: /^src\/(core|display|types)\/|^src\/(config|errors|logger)\.ts$/ },
];

/**
 * Front ends only format: besides the application and core they may use the Answer shape and a conversation's
 * turns, which are what the engine hands them (the engine's contract), not internals.
 */
export const FRONT_END_MAY_USE = new Set(["src/answer/answer.ts", "src/conversation/turn.ts"]);

/**
 * Arrows between sibling folders of one layer, each with its reason; any other sideways arrow is a violation.
 * Keys are "from → to" folders.
 */
export const SIBLING_ARROWS: ReadonlyMap<string, string> = new Map([
  ["src/cli → src/discord", "`npm start` is the entry point that starts the bot"],
  ["src/answer → src/retrieval", "an answerer reads the ranked sentences retrieval hands it"],
  ["src/answer → src/index", "citations resolve sentence ids against the index's report and sentence records"],
  ["src/answer → src/formats", "a citation names its source the way the format that read it describes it"],
  ["src/conversation → src/answer", "a turn records the answer it was given"],
  ["src/retrieval → src/index", "retrieval searches the index's vectors, terms and records"],
  ["src/index → src/store", "ingest writes a generation through the store"],
  ["src/store → src/index", "the stores keep the index's files and records, under its lock"],
  ["src/index → src/formats", "ingest reads each report through its format's reader"],
  ["src/net → src/formats", "a fetched report is checked against the formats it may be read as"],
  ["src/embeddings → src/openai", "OpenAI embeddings share the client, deadline, retry and error reading with chat"],
]);

export function layerOf(file: string): number {
  return LAYERS.findIndex((layer) => layer.match.test(file));
}

/** `src/answer/chat/x.ts` → `src/answer`; a file at the top of src/ is its own folder. */
function folderOf(file: string): string {
  const parts = file.split("/");
  return parts.length > 2 ? parts.slice(0, 2).join("/") : file;
}

function sourceFiles(root: string, dir: string): string[] {
  if (!existsSync(path.join(root, dir))) return [];
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const file = path.posix.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(root, file) : /\.(ts|mts)$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [file] : [];
  });
}

/** Relative import specifiers: `from "…"`, `import "…"`, `import("…")`, `export … from "…"`, on one line or many. */
export function importsOf(source: string): string[] {
  return [...source.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)].map((m) => m[1]!);
}

/** Every import in `src/` and `scripts/` under `root` that breaks the layering, as "from → to (why)" lines. */
export function layerViolations(root: string): string[] {
  const wrong: string[] = [];
  for (const file of [...sourceFiles(root, "src"), ...sourceFiles(root, "scripts")]) {
    const from = layerOf(file);
    if (from < 0) {
      wrong.push(`${file} belongs to no layer (add its folder to LAYERS and the README)`);
      continue;
    }
    for (const specifier of importsOf(readFileSync(path.join(root, file), "utf8"))) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier)).replace(/\.js$/, ".ts");
      if (!target.startsWith("src/")) continue;
      const to = layerOf(target);
      const arrow = `${file} → ${target}`;
      if (to < 0) wrong.push(`${arrow} (target in no layer)`);
      else if (to < from) wrong.push(`${arrow} (points up: ${LAYERS[from]!.name} → ${LAYERS[to]!.name})`);
      else if (LAYERS[from]!.name === "front ends" && to > from + 1 && LAYERS[to]!.name !== "core" && !FRONT_END_MAY_USE.has(target)) {
        wrong.push(`${arrow} (a front end reaches past the engine)`);
      } else if (to === from && !["tooling", "core"].includes(LAYERS[from]!.name) && folderOf(file) !== folderOf(target)) {
        const key = `${folderOf(file)} → ${folderOf(target)}`;
        if (!(LAYERS[from]!.name === "application" || SIBLING_ARROWS.has(key))) wrong.push(`${arrow} (sideways: ${key} is not an allowed sibling arrow)`);
      }
    }
  }
  return wrong;
}
