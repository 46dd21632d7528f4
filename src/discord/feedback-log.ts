import { createHmac, randomBytes, randomUUID } from "node:crypto";
import { appendFile, link, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import writeFileAtomic from "write-file-atomic";
import type { Answer, Citation } from "../answer/answer.js";
import { readIfPresent } from "../core/read-if-present.js";

export type Vote = "up" | "down";

/** A vote as the bot sees it. The raw user id stays in memory: recordVote writes only its keyed hash. */
export interface FeedbackVote {
  /** The answer voted on (the /ask interaction id): one vote per user per answer. */
  answerId: string;
  question: string;
  answer: string;
  citations: Citation[];
  vote: Vote;
  userId: string;
  time: string;
}

/** One line of the feedback log. */
export interface FeedbackEntry extends Omit<FeedbackVote, "userId"> {
  /**
   * HMAC-SHA256 of the Discord user id under this install's secret (see feedbackSecretFile): votes can be grouped
   * per person, but since Discord ids are public, a plain hash could be reversed by hashing known ids; without the
   * secret this one cannot.
   */
  userIdHash: string;
}

/** The per-install secret's file name, in the feedback log's folder (the data folder). */
export const FEEDBACK_SECRET_FILE = "feedback-secret";

/** The vote to record; its user id is hashed only when it is written (recordVote knows where the secret is). */
export function feedbackEntry(answerId: string, answer: Answer, vote: Vote, userId: string, now = new Date()): FeedbackVote {
  return {
    answerId,
    question: answer.question,
    answer: answer.text,
    citations: answer.citations,
    vote,
    userId,
    time: now.toISOString(),
  };
}

/** The per-install secret file for the feedback log at `file`. */
export function feedbackSecretFile(file: string): string {
  return path.join(path.dirname(file), FEEDBACK_SECRET_FILE);
}

export function hashUserId(secret: string, userId: string): string {
  return createHmac("sha256", secret).update(userId).digest("hex");
}

/** What recording a vote did: a first vote, a changed one (replacing the earlier), or the same vote again. */
export type VoteOutcome = "recorded" | "changed" | "unchanged";

/** Votes on one log file are recorded one at a time, so a replacement never races an append. */
const logQueues = new Map<string, Promise<unknown>>();

/**
 * Records a vote in the log (one JSON object a line, the user id replaced by its keyed hash), keeping one line per
 * user per answer: a repeated vote writes nothing, a changed vote replaces that user's line for that answer (the
 * last one counts). A replacement rewrites the log atomically, so a crash leaves the old log or the new one.
 */
export function recordVote(file: string, vote: FeedbackVote): Promise<VoteOutcome> {
  const previous = logQueues.get(file) ?? Promise.resolve();
  const run = previous.then(() => writeVote(file, vote));
  const settled = run.catch(() => undefined);
  logQueues.set(file, settled);
  void settled.then(() => {
    if (logQueues.get(file) === settled) logQueues.delete(file);
  });
  return run;
}

async function writeVote(file: string, vote: FeedbackVote): Promise<VoteOutcome> {
  await mkdir(path.dirname(file), { recursive: true });
  const { userId, ...rest } = vote;
  const entry: FeedbackEntry = { ...rest, userIdHash: hashUserId(await feedbackSecret(feedbackSecretFile(file)), userId) };
  const lines = (await readFile(file, "utf8").catch((err: NodeJS.ErrnoException) => (err.code === "ENOENT" ? "" : Promise.reject(err))))
    .split("\n")
    .filter((line) => line.trim() !== "");
  const at = lines.findIndex((line) => sameVoter(line, entry));
  if (at === -1) {
    await appendFile(file, `${JSON.stringify(entry)}\n`, "utf8");
    return "recorded";
  }
  if ((JSON.parse(lines[at] ?? "{}") as Partial<FeedbackEntry>).vote === entry.vote) return "unchanged";
  lines[at] = JSON.stringify(entry);
  await writeFileAtomic(file, `${lines.join("\n")}\n`);
  return "changed";
}

function sameVoter(line: string, entry: FeedbackEntry): boolean {
  try {
    const logged = JSON.parse(line) as Partial<FeedbackEntry>;
    return logged.answerId === entry.answerId && logged.userIdHash === entry.userIdHash;
  } catch {
    // A damaged line is kept as it is, and never matches a voter.
    return false;
  }
}

const secrets = new Map<string, Promise<string>>();

/**
 * The install's secret: 32 random bytes as hex, created on first use with mode 0600 and reused after. Created by
 * writing a temporary file and hard-linking it into place, which fails if the file already exists: two processes
 * starting at once agree on one secret, and a crash never leaves a half-written one.
 */
export function feedbackSecret(secretFile: string): Promise<string> {
  let secret = secrets.get(secretFile);
  if (secret === undefined) {
    secret = loadOrCreateSecret(secretFile);
    secrets.set(secretFile, secret);
    secret.catch(() => secrets.delete(secretFile));
  }
  return secret;
}

async function loadOrCreateSecret(secretFile: string): Promise<string> {
  const existing = await readSecret(secretFile);
  if (existing !== undefined) return existing;
  const temp = `${secretFile}.${randomUUID()}.tmp`;
  try {
    await writeFile(temp, `${randomBytes(32).toString("hex")}\n`, { mode: 0o600, flag: "wx" });
    await link(temp, secretFile).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== "EEXIST") throw err;
    });
  } finally {
    await rm(temp, { force: true });
  }
  const created = await readSecret(secretFile);
  if (created === undefined) throw new Error(`could not create the feedback secret ${secretFile}`);
  return created;
}

async function readSecret(secretFile: string): Promise<string | undefined> {
  const text = (await readIfPresent(secretFile))?.toString("utf8");
  if (text === undefined) return undefined;
  const secret = text.trim();
  if (!/^[0-9a-f]{64}$/i.test(secret)) {
    throw new Error(`${secretFile} is not a feedback secret (64 hex digits); delete it to have a new one made`);
  }
  return secret;
}
