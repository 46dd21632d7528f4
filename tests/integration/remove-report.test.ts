import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LocalUseEmbeddings } from "../../src/embeddings/local-use-embeddings.js";
import { removeReports } from "../../src/engine/remove-report.js";
import { ingestPaths } from "../../src/index/ingest.js";
import { silentLogger } from "../../src/logger.js";
import { LocalIndexStore } from "../../src/store/local-index-store.js";
import { makeWorkspace, type Workspace } from "../helpers/temp-workspace.js";

const embeddings = new LocalUseEmbeddings();
let ws: Workspace;
let quay: string;
let mill: string;
beforeEach(async () => {
  ws = makeWorkspace({ withFirstReport: false });
  quay = path.join(ws.corpusDir, "quay.txt");
  mill = path.join(ws.corpusDir, "mill.txt");
  writeFileSync(quay, "The quay wall was rebuilt with stone from the old mill.");
  writeFileSync(mill, "The old mill by the river was turned into a museum.");
  await ingestPaths([ws.corpusDir], { config: ws.config, embeddings, logger: silentLogger });
});
afterEach(() => ws.cleanup());

describe("removeReports", () => {
  it("changes nothing, not even the generation, when no id is named", async () => {
    const store = new LocalIndexStore(ws.config.indexDir);
    const before = await store.version();
    expect(await removeReports([], ws.config, store)).toEqual([]);
    expect(await store.version()).toBe(before);
  });
});
