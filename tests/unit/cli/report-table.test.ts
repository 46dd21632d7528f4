import { describe, expect, it } from "vitest";
import { formatReportTable } from "../../../src/cli/report-table.js";
import type { ReportRecord } from "../../../src/engine-types.js";

const record = (i: number): ReportRecord => ({
  id: `report-${i}`,
  title: `Report ${i}`,
  source: `/srv/corpus/report-${i}.txt`,
  hash: "0".repeat(64),
  sentenceCount: i % 90,
  chunkCount: 1,
  ingestedAt: "2026-11-26T12:00:00.000Z",
});

describe("formatReportTable", () => {
  it("aligns the columns of a corpus too large to spread as arguments (150,000 reports)", () => {
    const lines = formatReportTable(Array.from({ length: 150_000 }, (_, i) => record(i)), "/srv").split("\n");
    expect(lines).toHaveLength(150_001);
    const [header, ...rows] = lines;
    const source = header!.indexOf("SOURCE");
    expect(header).toMatch(/^ID +TITLE +SENTENCES +INGESTED +SOURCE$/);
    for (const row of [rows[0]!, rows.at(-1)!]) expect(row.slice(source)).toMatch(/^corpus\/report-\d+\.txt$/);
    expect(rows.at(-1)).toMatch(/^report-99999 +Report 99999 +\d+ +\d{4}-\d\d-\d\d \d\d:\d\d +corpus\/report-99999\.txt$/);
  });

  it("says how to add reports when none is loaded, whatever their format", () => {
    expect(formatReportTable([])).toBe("No reports are loaded; add report files to the corpus folder and run npm run ingest.");
  });
});
