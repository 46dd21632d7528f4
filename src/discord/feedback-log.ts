import { createHmac, randomBytes, randomUUID } from "node:crypto";
import { appendFile, link, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Answer, Citation } from "../answer/answer.js";

export type Vote = "up" | "down";

/** A vote as the bot sees it. The raw user id stays in memory: appendFeedback writes only its keyed hash. */
export interface FeedbackVote {
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

/** The vote to append; its user id is hashed only when it is written (appendFeedback knows where the secret is). */
export function feedbackEntry(answer: Answer, vote: Vote, userId: string, now = new Date()): FeedbackVote {
  return {
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

/**
 * Appends one JSON object a line, with the user id replaced by its keyed hash; a single small append is atomic
 * enough that concurrent votes never interleave.
 */
export async function appendFeedback(file: string, vote: FeedbackVote): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const { userId, ...rest } = vote;
  const entry: FeedbackEntry = { ...rest, userIdHash: hashUserId(await feedbackSecret(feedbackSecretFile(file)), userId) };
  await appendFile(file, `${JSON.stringify(entry)}\n`, "utf8");
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
  const text = await readFile(secretFile, "utf8").catch((err: NodeJS.ErrnoException) => {
    if (err.code === "ENOENT") return undefined;
    throw err;
  });
  if (text === undefined) return undefined;
  const secret = text.trim();
  if (!/^[0-9a-f]{64}$/i.test(secret)) {
    throw new Error(`${secretFile} is not a feedback secret (64 hex digits); delete it to have a new one made`);
  }
  return secret;
}
