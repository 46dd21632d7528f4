import { describe, expect, it } from "vitest";
import { ingestFailed } from "../../../src/engine/ingest-runner.js";

describe("an ingest child's failure, as the caller sees it", () => {
  it("names a foreign error by its system code only, and keeps its text, path and all, for the log", () => {
    const text = "EIO: i/o error, open '/srv/dossier/corpus/harbour.txt'";
    const error = ingestFailed({ message: text, systemCode: "EIO" });
    expect(error).toMatchObject({ code: "INGEST_FAILED", message: "The ingest failed (EIO); the index was not changed.", detail: text });
    expect(error.cause).toMatchObject({ message: text, code: "EIO" });
    expect(ingestFailed({ message: "Cannot read properties of undefined (reading 'id')" }).message).toBe(
      "The ingest failed (an unexpected error); the index was not changed.",
    );
  });

  it("passes our own errors on as they were", () => {
    const error = ingestFailed({ code: "BAD_REPORT", message: "a.txt: empty file", detail: "empty file" });
    expect(error).toMatchObject({ code: "BAD_REPORT", message: "a.txt: empty file", detail: "empty file" });
  });
});
