import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEngine } from "../../src/engine.js";
import { makeWorkspace, type Workspace } from "../helpers/temp-workspace.js";

let ws: Workspace;
const start = async () => {
  const notices: string[] = [];
  const engine = await createEngine(ws.config, { onNotice: (m) => notices.push(m) });
  await engine.close();
  return { engine, notices };
};

beforeAll(() => {
  ws = makeWorkspace();
});
afterAll(() => ws.cleanup());

describe("starting on a corpus that changed since the last ingest", () => {
  it("builds a missing index, then says nothing while the corpus is unchanged", async () => {
    expect((await start()).notices).toEqual([expect.stringMatching(/^No index yet: building it from .*corpus\/ \(first run only\)…$/)]);
    expect((await start()).notices).toEqual([]);
  });

  it("updates the index when a report is added, and ignores files ingest would refuse", async () => {
    writeFileSync(path.join(ws.corpusDir, "ferry.txt"), "The night ferry to Tangier was cancelled because of high winds.");
    writeFileSync(path.join(ws.corpusDir, "empty.txt"), "");
    const first = await start();
    expect(first.notices[0]).toMatch(/corpus\/ changed since the last ingest; updating the index…/);
    expect(first.notices.slice(1)).toEqual([expect.stringMatching(/^Skipped empty\.txt: empty file$/)]);
    expect(first.engine.reports().map((r) => r.id)).toContain("ferry");
    expect((await start()).notices).toEqual([]);
  });
});
