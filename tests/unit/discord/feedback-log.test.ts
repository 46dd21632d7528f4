import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { appendFeedback, feedbackEntry } from "../../../src/discord/feedback-log.js";
import { answer } from "./answer-fixtures.js";

describe("feedback log", () => {
  it("stores a hash of the user id, never the id itself", () => {
    const entry = feedbackEntry(answer(), "up", "123456789012345678", new Date("2025-05-01T12:00:00Z"));
    expect(entry).toEqual({
      question: "Why did the talks fail?",
      answer: "The talks collapsed after four days [1].",
      citations: answer().citations,
      vote: "up",
      userIdHash: createHash("sha256").update("123456789012345678").digest("hex"),
      time: "2025-05-01T12:00:00.000Z",
    });
    expect(JSON.stringify(entry)).not.toContain("123456789012345678");
  });

  it("appends one JSON line per vote, creating the folder", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "dossier-feedback-"));
    try {
      const file = path.join(dir, "nested", "feedback.jsonl");
      await appendFeedback(file, feedbackEntry(answer(), "up", "1"));
      await appendFeedback(file, feedbackEntry(answer(), "down", "2"));
      const lines = (await readFile(file, "utf8")).split("\n");
      expect(lines).toHaveLength(3);
      expect(lines[2]).toBe("");
      expect(lines.slice(0, 2).map((l) => JSON.parse(l).vote)).toEqual(["up", "down"]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
