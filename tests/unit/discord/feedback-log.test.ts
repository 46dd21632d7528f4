import { createHash, createHmac } from "node:crypto";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { appendFeedback, feedbackEntry, feedbackSecret } from "../../../src/discord/feedback-log.js";
import { answer } from "./answer-fixtures.js";

const USER = "123456789012345678";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "dossier-feedback-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const readLines = async (file: string) =>
  (await readFile(file, "utf8"))
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));

describe("feedback log", () => {
  it("stores a keyed hash of the user id under a per-install secret, never the id or its plain sha256", async () => {
    const file = path.join(dir, "data", "feedback.jsonl");
    await appendFeedback(file, feedbackEntry(answer(), "up", USER, new Date("2025-05-01T12:00:00Z")));

    const secretFile = path.join(dir, "data", "feedback-secret");
    const secret = (await readFile(secretFile, "utf8")).trim();
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    if (process.platform !== "win32") expect((await stat(secretFile)).mode & 0o777).toBe(0o600);

    const text = await readFile(file, "utf8");
    expect(JSON.parse(text)).toEqual({
      question: "Why did the talks fail?",
      answer: "The talks collapsed after four days [1].",
      citations: answer().citations,
      vote: "up",
      userIdHash: createHmac("sha256", secret).update(USER).digest("hex"),
      time: "2025-05-01T12:00:00.000Z",
    });
    expect(text).not.toContain(USER);
    // Hashing a known public id without the secret must not find the voter.
    expect(text).not.toContain(createHash("sha256").update(USER).digest("hex"));
  });

  it("uses the secret already on disk, so one person's votes group together across restarts", async () => {
    const secret = "ab".repeat(32);
    await writeFile(path.join(dir, "feedback-secret"), `${secret}\n`, { mode: 0o600 });
    const file = path.join(dir, "feedback.jsonl");
    await appendFeedback(file, feedbackEntry(answer(), "up", USER));
    await appendFeedback(file, feedbackEntry(answer(), "down", USER));
    await appendFeedback(file, feedbackEntry(answer(), "up", "876543210987654321"));

    const [first, second, third] = await readLines(file);
    expect(first.userIdHash).toBe(createHmac("sha256", secret).update(USER).digest("hex"));
    expect(second.userIdHash).toBe(first.userIdHash);
    expect(third.userIdHash).not.toBe(first.userIdHash);
    expect(await readFile(path.join(dir, "feedback-secret"), "utf8")).toBe(`${secret}\n`);
  });

  it("refuses a secret file that is not one, rather than hashing with it", async () => {
    await writeFile(path.join(dir, "feedback-secret"), "oops");
    await expect(feedbackSecret(path.join(dir, "feedback-secret"))).rejects.toThrow(/not a feedback secret/);
  });

  it("makes a different secret for each install", async () => {
    const a = path.join(dir, "a", "feedback.jsonl");
    const b = path.join(dir, "b", "feedback.jsonl");
    await appendFeedback(a, feedbackEntry(answer(), "up", USER));
    await appendFeedback(b, feedbackEntry(answer(), "up", USER));
    expect((await readLines(a))[0].userIdHash).not.toBe((await readLines(b))[0].userIdHash);
  });

  it("agrees on one secret when votes race to create it", async () => {
    const file = path.join(dir, "race", "feedback.jsonl");
    await Promise.all(Array.from({ length: 5 }, () => appendFeedback(file, feedbackEntry(answer(), "up", USER))));
    expect(new Set((await readLines(file)).map((l) => l.userIdHash)).size).toBe(1);
  });

  it("appends one JSON line per vote, creating the folder", async () => {
    const file = path.join(dir, "nested", "feedback.jsonl");
    await appendFeedback(file, feedbackEntry(answer(), "up", "1"));
    await appendFeedback(file, feedbackEntry(answer(), "down", "2"));
    const lines = (await readFile(file, "utf8")).split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe("");
    expect(lines.slice(0, 2).map((l) => JSON.parse(l).vote)).toEqual(["up", "down"]);
  });
});
