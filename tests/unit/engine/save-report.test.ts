import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { reportFileName } from "../../../src/engine/report-file.js";
import { saveReport } from "../../../src/engine/save-report.js";
import { DossierError } from "../../../src/errors.js";

const bytes = (text: string) => new TextEncoder().encode(text);

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "dossier-save-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("saveReport", () => {
  it("saves a new report and rolls back by removing it", async () => {
    const saved = await saveReport(dir, "flood.txt", bytes("The river rose."));
    expect(await readFile(saved.path, "utf8")).toBe("The river rose.");
    await saved.rollback();
    expect(await readdir(dir)).toEqual([]);
  });

  it("treats the same file name as an update and rolls back to the previous version", async () => {
    await writeFile(path.join(dir, "flood.txt"), "Old text.");
    const saved = await saveReport(dir, "flood.txt", bytes("New text."));
    expect(await readFile(saved.path, "utf8")).toBe("New text.");
    await saved.rollback();
    expect(await readFile(saved.path, "utf8")).toBe("Old text.");
    expect(await readdir(dir)).toEqual(["flood.txt"]);
  });

  it("refuses a different file that would take an existing report's id", async () => {
    await writeFile(path.join(dir, "flood.md"), "# Flood");
    const attempt = saveReport(dir, "flood.txt", bytes("Another flood."));
    await expect(attempt).rejects.toThrow(DossierError);
    await expect(attempt).rejects.toThrow(/already exists as flood\.md/);
    expect(await readdir(dir)).toEqual(["flood.md"]);
  });

  it("leaves no temporary files behind", async () => {
    await saveReport(dir, "a.txt", bytes("A."));
    await saveReport(dir, "a.txt", bytes("A again."));
    expect(await readdir(dir)).toEqual(["a.txt"]);
  });

  it("creates the corpus folder when it is missing", async () => {
    const saved = await saveReport(path.join(dir, "new", "corpus"), "a.md", bytes("A."));
    expect(await readFile(saved.path, "utf8")).toBe("A.");
  });
});

describe("reportFileName", () => {
  it("normalises an upload's name to the report id the engine derives, keeping the extension", () => {
    expect(reportFileName("Millbrook Flood.TXT")).toBe("millbrook-flood.txt");
    expect(reportFileName("border_talks.md")).toBe("border_talks.md");
    expect(reportFileName("../../etc/passwd.txt")).toBe("passwd.txt");
  });

  it("refuses other types and names with no usable id", () => {
    expect(reportFileName("Scan 2.PDF")).toBe("scan-2.pdf");
    expect(() => reportFileName("setup.exe")).toThrow(/"setup\.exe" is not a report Dossier can read/);
    expect(() => reportFileName("report")).toThrow(/is not a report Dossier can read/);
    expect(() => reportFileName("!!!.txt")).toThrow(/no usable report id/);
  });
});
