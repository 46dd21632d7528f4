import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ABSTAIN_FOREIGN_TEXT, ABSTAIN_TEXT, RELATED_TEXT } from "../../src/answer/answer.js";
import { loadConfig } from "../../src/config.js";
import { turnOf } from "../../src/conversation/turn.js";
import { LocalUseEmbeddings } from "../../src/embeddings/local-use-embeddings.js";
import { createEngine } from "../../src/engine.js";
import type { Engine } from "../../src/engine-types.js";
import { storesUnderTest } from "../helpers/store-fixture.js";
import { FIRST_REPORT, makeWorkspace, type Workspace } from "../helpers/temp-workspace.js";

const report = readFileSync(FIRST_REPORT, "utf8");

for (const store of storesUnderTest()) describe(`engine on the first report with the local model, ${store.label}`, () => {
  let ws: Workspace;
  let engine: Engine;
  const notices: string[] = [];

  beforeAll(async () => {
    ws = makeWorkspace({ env: await store.freshEnv() });
    // A run-time ingest goes to a child process: kept on PostgreSQL (the child writes to the database this process
    // reads), in this process on the local store, whose child is tested in tests/integration/ingest-child.test.ts.
    const inProcess = store.kind === "local" ? { embeddings: new LocalUseEmbeddings() } : {};
    engine = await createEngine(ws.config, { onNotice: (m) => notices.push(m), ...inProcess });
  });
  afterAll(async () => {
    await engine?.close();
    ws?.cleanup();
  });

  it("builds the missing index on first use, with a notice", () => {
    expect(notices[0]).toMatch(/No index yet: building it/);
    expect(engine.reports().map((r) => r.id)).toEqual(["afghanistan-pakistan-istanbul-talks"]);
  });

  it("answers who mediated the talks, citing the sentence verbatim", async () => {
    const answer = await engine.ask("Who mediated the talks?");
    expect(answer.abstained).toBe(false);
    expect(answer.mode).toBe("extractive");
    const cited = answer.citations.find((c) => c.text.includes("mediated by Turkish and Qatari officials"));
    expect(cited).toBeDefined();
    expect(report.slice(cited!.start, cited!.end)).toBe(cited!.text);
    expect(cited).toMatchObject({ reportId: "afghanistan-pakistan-istanbul-talks", title: "Afghanistan Pakistan Istanbul Talks" });
    expect(answer.text).toContain(`[${cited!.n}]`);
    expect(answer.timings.totalMs).toBeGreaterThan(0);
  });

  it("every citation of every answer is an exact slice of its report", async () => {
    for (const q of ["Who walked out of the discussions?", "What did Omar Samad say?", "Who arranged the ceasefire?"]) {
      const answer = await engine.ask(q);
      expect(answer.citations.length).toBeGreaterThan(0);
      answer.citations.forEach((c, i) => {
        expect(c.n).toBe(i + 1);
        expect(report.slice(c.start, c.end)).toBe(c.text);
      });
    }
  });

  it.each(["What is the capital of Australia?", "What recipe is recommended for banana bread?"])(
    "says plainly it found nothing for the off-topic %s, without passages that share none of its words",
    async (q) => {
      const answer = await engine.ask(q);
      expect(answer).toMatchObject({ text: ABSTAIN_TEXT, abstained: true, citations: [], related: [] });
    },
  );

  it.each(["¿Quién medió las conversaciones?", "Кто был посредником на переговорах?", "誰が会談を仲介しましたか"])(
    "says that it searches in English when %s finds nothing, rather than that the reports do not say",
    async (q) => {
      expect(await engine.ask(q)).toMatchObject({ text: ABSTAIN_FOREIGN_TEXT, abstained: true, citations: [], related: [] });
      // Asked in a conversation too: its words are not the conversation's, and no passage of it is shown in their place.
      const history = [turnOf(await engine.ask("Who mediated the talks?"))];
      const inConversation = await engine.ask(q, { history });
      expect(inConversation).toMatchObject({ text: ABSTAIN_FOREIGN_TEXT, abstained: true, citations: [], related: [] });
      expect(inConversation.standaloneQuestion).toBeUndefined();
    },
  );

  it.each(["What did Imran Khan say about the negotiations?"])(
    "abstains on %s and cites nothing",
    async (q) => {
      const answer = await engine.ask(q);
      // Nothing claimed: at most passages that may be related, under their own label and never as citations.
      expect(answer).toMatchObject({ abstained: true, citations: [] });
      expect(answer.text).toBe(answer.related.length > 0 ? RELATED_TEXT : ABSTAIN_TEXT);
    },
  );

  it("rejects empty and over-long questions and unknown report ids with clear messages", async () => {
    await expect(engine.ask("   ")).rejects.toThrow("Please ask a question: the text was empty.");
    // No letter or digit in any script: in a conversation "?!" was read as a follow-up made of the last turn's words.
    const history = [turnOf(await engine.ask("How long did the talks last?"))];
    for (const nothing of ["?!?!...", "🤔", "— ? —"]) {
      await expect(engine.ask(nothing, { history })).rejects.toThrow("Please ask a question in words: that was only punctuation or symbols.");
    }
    expect((await engine.ask("¿Cuánto duraron las conversaciones?")).question).toBe("¿Cuánto duraron las conversaciones?");
    expect((await engine.ask("2026?")).question).toBe("2026?");
    await expect(engine.ask("why ".repeat(200))).rejects.toThrow(/limit is 500/);
    await expect(engine.ask("Who mediated?", { reportIds: ["nope"] })).rejects.toThrow(/Unknown report nope; known reports: afghanistan-pakistan-istanbul-talks/);
  });

  it("reads a question without its escape sequences and control characters, and echoes it clean", async () => {
    const clean = await engine.ask("Who mediated the talks?");
    const dirty = await engine.ask("Who\u001b[31m mediated\u0000 the\r\ntalks\u009b2J?\u202e\u0007");
    expect(dirty.question).toBe("Who mediated the talks?");
    expect(dirty.citations.map((c) => c.sentenceId)).toEqual(clean.citations.map((c) => c.sentenceId));
    // Pasted from a web page: a soft hyphen and zero-width characters inside the words.
    const pasted = await engine.ask("Who medi\u00adated the ta\u200blks\u2060?\ufeff");
    expect(pasted.question).toBe("Who mediated the talks?");
    expect(pasted.citations.map((c) => c.sentenceId)).toEqual(clean.citations.map((c) => c.sentenceId));
    await expect(engine.ask("\u001b[2J\u0000\u0085")).rejects.toThrow("Please ask a question: the text was empty.");
    // A stray escape before a bracketed word or an unfinished title sequence costs the question no words.
    expect((await engine.ask("Who \u001b]0;mediated the \u001b[Word talks?")).question).toBe("Who ]0;mediated the [Word talks?");
  });

  it("shows a cited sentence with its neighbours", () => {
    const ctx = engine.context("afghanistan-pakistan-istanbul-talks#1", 1)!;
    expect(ctx.sentences.map((s) => s.index)).toEqual([0, 1, 2]);
    expect(engine.context("nope#1")).toBeUndefined();
  });

  it("answers from a report added at run time, within that report when asked to", async () => {
    writeFileSync(
      path.join(ws.corpusDir, "harbour-strike.txt"),
      "Dock workers in Valparaiso began a strike on Thursday over unpaid wages. The port authority said 14 ships were waiting offshore.\n",
    );
    const summary = await engine.ingest([ws.corpusDir]);
    expect(summary.reports.find((r) => r.id === "harbour-strike")?.status).toBe("added");
    // Typed in capitals, the id is still the report's.
    const answer = await engine.ask("How many ships were waiting offshore?", { reportIds: ["Harbour-Strike"] });
    expect(answer.abstained).toBe(false);
    expect(answer.citations[0]).toMatchObject({ reportId: "harbour-strike", text: "The port authority said 14 ships were waiting offshore." });
  });

  it("refuses an upload with too little text to answer from, in one line, keeping the version it would have replaced", async () => {
    const text = "Dock workers in Valparaiso voted on Friday to end their strike. The port authority said the last ships would be unloaded by Monday.\n";
    expect(await engine.addReport({ fileName: "dock-vote.txt", bytes: Buffer.from(text) })).toMatchObject({ id: "dock-vote", status: "added", sentences: 2 });
    // A page saved from a site that writes its article with a script: its text is a greeting and a wait.
    const shell = '<!doctype html><html><head><title>Dock vote</title></head><body><main><p>Hello!</p><p>Loading…</p></main><script src="/app.js"></script></body></html>';
    await expect(engine.addReport({ fileName: "dock-news.html", bytes: Buffer.from(shell) })).rejects.toThrow(
      /^The report was not ingested: dock-news\.html: too little text to answer questions from \(2 words; a report needs at least 20\)$/,
    );
    expect(existsSync(path.join(ws.corpusDir, "dock-news.html"))).toBe(false);
    // As an update, it leaves the report and its file as they were.
    await expect(engine.addReport({ fileName: "dock-vote.txt", bytes: Buffer.from("Hi") })).rejects.toMatchObject({ code: "BAD_REPORT" });
    expect(readFileSync(path.join(ws.corpusDir, "dock-vote.txt"), "utf8")).toBe(text);
    expect(engine.reports().find((r) => r.id === "dock-vote")?.sentenceCount).toBe(2);
    const answer = await engine.ask("When would the last ships be unloaded?", { reportIds: ["dock-vote"] });
    expect(answer.citations[0]).toMatchObject({ reportId: "dock-vote", text: "The port authority said the last ships would be unloaded by Monday." });
  });

  it("refuses an index built by another embedder, naming the command to run", async () => {
    const config = loadConfig({ ...ws.env, LOG_LEVEL: "silent" });
    const other = {
      embedder: { name: "test:other", dimensions: 512 },
      embedDocuments: async (d: string[]) => d.map(() => new Array(512).fill(0)),
      embedQuery: async () => new Array(512).fill(0),
    };
    await expect(createEngine(config, { embeddings: other as never })).rejects.toThrow(
      /built with local:universal-sentence-encoder-lite .* configuration uses test:other: run `npm run ingest -- --rebuild`/,
    );
  });
});
