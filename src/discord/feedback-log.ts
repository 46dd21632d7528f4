import { createHash } from "node:crypto";
import { appendFile, mkdir } from "node:fs/promises";
import path from "node:path";
import type { Answer, Citation } from "../answer/answer.js";

export type Vote = "up" | "down";

export interface FeedbackEntry {
  question: string;
  answer: string;
  citations: Citation[];
  vote: Vote;
  /** sha256 of the Discord user id: lets votes be grouped per person without storing who they are. */
  userIdHash: string;
  time: string;
}

export function feedbackEntry(answer: Answer, vote: Vote, userId: string, now = new Date()): FeedbackEntry {
  return {
    question: answer.question,
    answer: answer.text,
    citations: answer.citations,
    vote,
    userIdHash: createHash("sha256").update(userId).digest("hex"),
    time: now.toISOString(),
  };
}

/** One JSON object a line; a single small append is atomic enough that concurrent votes never interleave. */
export async function appendFeedback(file: string, entry: FeedbackEntry): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await appendFile(file, `${JSON.stringify(entry)}\n`, "utf8");
}
