import { createHash, createHmac } from "node:crypto";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { feedbackEntry, feedbackSecret, recordVote } from "../../../src/discord/feedback-log.js";
import { answer } from "../../helpers/answer-fixtures.js";

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
    await recordVote(file, feedbackEntry("a1", answer(), "up", USER, new Date("2025-05-01T12:00:00Z")));

    const secretFile = path.join(dir, "data", "feedback-secret");
    const secret = (await readFile(secretFile, "utf8")).trim();
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    if (process.platform !== "win32") expect((await stat(secretFile)).mode & 0o777).toBe(0o600);

    const text = await readFile(file, "utf8");
    expect(JSON.parse(text)).toEqual({
      answerId: "a1",
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
    await recordVote(file, feedbackEntry("a1", answer(), "up", USER));
    await recordVote(file, feedbackEntry("a2", answer(), "down", USER));
    await recordVote(file, feedbackEntry("a1", answer(), "up", "876543210987654321"));

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
    await recordVote(a, feedbackEntry("a1", answer(), "up", USER));
    await recordVote(b, feedbackEntry("a1", answer(), "up", USER));
    expect((await readLines(a))[0].userIdHash).not.toBe((await readLines(b))[0].userIdHash);
  });

  it("agrees on one secret when votes to several logs in one folder race to create it", async () => {
    const files = Array.from({ length: 5 }, (_, i) => path.join(dir, "race", `feedback-${i}.jsonl`));
    await Promise.all(files.map((file) => recordVote(file, feedbackEntry("a1", answer(), "up", USER))));
    const hashes = await Promise.all(files.map(async (file) => (await readLines(file))[0].userIdHash));
    expect(new Set(hashes).size).toBe(1);
  });

  it("keeps one vote per user per answer, the last one counting, however many clicks", async () => {
    const file = path.join(dir, "feedback.jsonl");
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, (_, i) => recordVote(file, feedbackEntry("a1", answer(), i % 3 === 0 ? "down" : "up", USER))),
    );
    await recordVote(file, feedbackEntry("a2", answer(), "up", USER));
    await recordVote(file, feedbackEntry("a1", answer(), "up", "2"));
    const lines = await readLines(file);
    expect(lines).toHaveLength(3);
    expect(lines.filter((l) => l.answerId === "a1" && l.userIdHash === lines[1].userIdHash)).toEqual([expect.objectContaining({ vote: "up" })]);
    expect(outcomes.slice(0, 3)).toEqual(["recorded", "changed", "unchanged"]);
  });

  it("appends one JSON line per vote, creating the folder", async () => {
    const file = path.join(dir, "nested", "feedback.jsonl");
    await recordVote(file, feedbackEntry("a1", answer(), "up", "1"));
    await recordVote(file, feedbackEntry("a1", answer(), "down", "2"));
    const lines = (await readFile(file, "utf8")).split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe("");
    expect(lines.slice(0, 2).map((l) => JSON.parse(l).vote)).toEqual(["up", "down"]);
  });
});
