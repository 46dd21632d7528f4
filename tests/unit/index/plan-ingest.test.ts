import { describe, expect, it } from "vitest";
import { planIngest, type PreviousState, type ReadFile } from "../../../src/index/plan-ingest.js";
import type { ReportFile } from "../../../src/index/read-report.js";
import type { ReportRecord } from "../../../src/index/records.js";

/** An ingest of the corpus folder, as at start; `named` is one of named files only, as `npm run ingest -- x.txt`. */
const settings = { embedder: "use", chunking: { sentences: 3, overlap: 1 }, analysis: 2, rebuild: false, folders: ["/corpus"], corpusDir: "/corpus" };
const named = { ...settings, folders: [] };
const report = (id: string, hash = `h-${id}`, source = `/corpus/${id}.txt`): ReportFile => ({ id, title: id, source, text: `${id} text.`, hash, origin: { kind: "text" } });
const record = (id: string, hash = `h-${id}`, source = `/corpus/${id}.txt`): ReportRecord => ({
  id,
  title: id,
  source,
  hash,
  sentenceCount: 1,
  chunkCount: 1,
  ingestedAt: "2026-01-01T00:00:00Z",
});
const read = (r: ReportFile): ReadFile => ({ file: r.source, report: r });
function previous(records: ReportRecord[], over: Partial<PreviousState> = {}): PreviousState {
  return {
    records,
    intact: new Set(records.map((r) => r.id)),
    built: { embedder: "use", chunking: { sentences: 3, overlap: 1 }, analysis: 2 },
    existing: new Set(records.map((r) => r.source)),
    repairs: new Map(),
    ...over,
  };
}
const ids = (plan: ReturnType<typeof planIngest>) => ({
  keep: plan.keep.map((k) => `${k.record.id}${k.named ? "" : " (unnamed)"}`),
  embed: plan.embed.map((e) => `${e.report.id} ${e.status}`),
  remove: plan.remove,
  refuse: plan.refuse.map((r) => r.reason),
});

describe("planIngest", () => {
  it("keeps unchanged reports, embeds new and changed ones, removes those whose file is gone", () => {
    const prev = previous([record("a"), record("b"), record("gone")], { existing: new Set(["/corpus/a.txt", "/corpus/b.txt"]) });
    const plan = planIngest(prev, [read(report("a")), read(report("b", "changed")), read(report("c"))], settings);
    expect(ids(plan)).toEqual({ keep: ["a"], embed: ["b updated", "c added"], remove: ["gone"], refuse: [] });
  });

  it("keeps a report whose file is gone when the ingest was not of the folder that held it, and says so", () => {
    const prev = previous([record("a"), record("gone"), record("away", "h", "/elsewhere/away.txt")], { existing: new Set(["/corpus/a.txt"]) });
    const plan = planIngest(prev, [read(report("c", "h-c", "/tmp/c.txt"))], named);
    expect(ids(plan)).toEqual({ keep: ["a (unnamed)", "gone (unnamed)", "away (unnamed)"], embed: ["c added"], remove: [], refuse: [] });
    expect(plan.missing).toEqual([{ id: "gone", source: "/corpus/gone.txt" }, { id: "away", source: "/elsewhere/away.txt" }]);
    // An ingest of the corpus folder drops the one that was in it, and only that one.
    const corpus = planIngest(prev, [read(report("a"))], settings);
    expect(corpus.remove).toEqual(["gone"]);
    expect(corpus.missing).toEqual([{ id: "away", source: "/elsewhere/away.txt" }]);
  });

  it("drops a report it cannot keep (stored copy damaged, source gone) and says why", () => {
    const prev = previous([record("gone")], { existing: new Set(), intact: new Set() });
    expect(ids(planIngest(prev, [], named))).toEqual({
      keep: [],
      embed: [],
      remove: ["gone"],
      refuse: ["gone: cannot be kept (its stored copy is unusable and its source gone.txt in the corpus folder is missing)"],
    });
  });

  it("analyses again from its stored text a report whose file is gone, when the index was built by another analysis", () => {
    // Only its stored vectors were unusable: dropped, every report ingested from a file since deleted was lost to an
    // upgrade that re-indexes at start.
    const away = record("away", "h", "/elsewhere/away.txt");
    const stored = report("away", "h", "/elsewhere/away.txt");
    const prev = previous([record("a"), away], { built: { embedder: "use", chunking: { sentences: 3, overlap: 1 }, analysis: 1 }, existing: new Set(["/corpus/a.txt"]), repairs: new Map([["away", read(stored)]]) });
    const plan = planIngest(prev, [read(report("a"))], settings);
    expect(ids(plan)).toEqual({ keep: [], embed: ["a updated", "away updated"], remove: [], refuse: [] });
    expect(plan.missing).toEqual([{ id: "away", source: "/elsewhere/away.txt" }]);
  });

  it("keeps previous reports it was not asked about while their files exist", () => {
    const plan = planIngest(previous([record("a"), record("outside", "h", "/elsewhere/outside.txt")]), [read(report("c"))], settings);
    expect(ids(plan)).toEqual({ keep: ["a (unnamed)", "outside (unnamed)"], embed: ["c added"], remove: [], refuse: [] });
  });

  it("re-embeds a damaged report from its source instead of dropping it, and drops one whose source cannot be read", () => {
    const prev = previous([record("a"), record("b"), record("c")], {
      intact: new Set(["a"]),
      repairs: new Map<string, ReadFile>([
        ["b", read(report("b"))],
        ["c", { file: "/corpus/c.txt", error: "c.txt: empty file" }],
      ]),
    });
    expect(ids(planIngest(prev, [read(report("new"))], settings))).toEqual({
      keep: ["a (unnamed)"],
      embed: ["new added", "b updated"],
      remove: ["c"],
      refuse: ["c.txt: empty file"],
    });
  });

  it("embeds everything again on rebuild or when the index was built another way", () => {
    const prev = previous([record("a")], { repairs: new Map([["a", read(report("a"))]]) });
    expect(ids(planIngest(prev, [], { ...settings, rebuild: true })).embed).toEqual(["a updated"]);
    expect(ids(planIngest({ ...prev, built: { embedder: "other", chunking: settings.chunking, analysis: 2 } }, [], settings)).embed).toEqual(["a updated"]);
    expect(ids(planIngest(prev, [read(report("a"))], { ...settings, chunking: { sentences: 4, overlap: 1 } })).embed).toEqual(["a updated"]);
    // Another sentence splitter or stemmer, or an index from before the analysis was recorded: other sentences and stems.
    expect(ids(planIngest(prev, [read(report("a"))], { ...settings, analysis: 3 })).embed).toEqual(["a updated"]);
    expect(ids(planIngest({ ...prev, built: { embedder: "use", chunking: settings.chunking } }, [], settings)).embed).toEqual(["a updated"]);
  });

  it("refuses unreadable files and a second file claiming a taken id, naming the holder without its path on the server", () => {
    const prev = previous([record("a")]);
    const plan = planIngest(
      prev,
      [{ file: "/x/bin.txt", error: "bin.txt: binary file" }, read(report("a", "other", "/x/a.md")), read(report("n", "1", "/x/n.txt")), read(report("n", "2", "/x/n.md"))],
      settings,
    );
    expect(ids(plan)).toEqual({
      keep: ["a (unnamed)"],
      embed: ["n added"],
      remove: [],
      refuse: [
        "bin.txt: binary file",
        'a.md: report id "a" is already taken by a.txt in the corpus folder',
        'n.md: report id "n" is already taken by a report from outside the corpus folder',
      ],
    });
  });

  it("keeps a named report whose bytes are unchanged with where its file now says it is from, relinked when that moved", () => {
    const page = (url: string): ReportFile => ({ ...report("p", "h-p", "/corpus/web/p.html"), origin: { kind: "web", url } });
    const stored = { ...record("p", "h-p", "/corpus/web/p.html"), origin: { kind: "web" as const, url: "https://news.example/a" } };
    const moved = planIngest(previous([stored]), [read(page("https://news.example/b"))], settings).keep;
    expect(moved).toEqual([{ record: { ...stored, origin: { kind: "web", url: "https://news.example/b" } }, named: true, relinked: true, moved: false }]);
    expect(planIngest(previous([stored]), [read(page("https://news.example/a"))], settings).keep).toEqual([{ record: stored, named: true, relinked: false, moved: false }]);
  });

  it("takes a corpus report that an older index holds at the same place in another checkout's corpus folder as the same report", () => {
    // Written before corpus sources were kept relative to the corpus folder, by a checkout that still exists.
    const held = (source: string) => planIngest(previous([record("a", "h-a", source)]), [read(report("a"))], settings);
    const copied = held("/old/checkout/corpus/a.txt");
    expect(copied.keep).toEqual([{ record: { ...record("a"), origin: { kind: "text" } }, named: true, relinked: false, moved: true }]);
    expect(ids(held("/old/checkout/reports/a.txt")).refuse).toEqual(['a.txt: report id "a" is already taken by a report from outside the corpus folder']);
    expect(ids(held("/home/me/a.txt")).refuse).toEqual(['a.txt: report id "a" is already taken by a report from outside the corpus folder']);
  });

  it("lets a report move to a new file once its old file is gone", () => {
    const prev = previous([record("a")], { existing: new Set() });
    expect(ids(planIngest(prev, [read(report("a", "h-a", "/new/a.txt"))], settings))).toEqual({ keep: ["a"], embed: [], remove: [], refuse: [] });
  });
});
