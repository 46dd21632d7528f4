import { readFileSync } from "node:fs";
import { z } from "zod";
import type { HistoryItem } from "../engine/replay-history.js";
import { DossierError } from "../errors.js";

const citation = z.object({
  n: z.number(),
  reportId: z.string(),
  title: z.string(),
  sentenceId: z.string(),
  text: z.string(),
  start: z.number(),
  end: z.number(),
  // Histories saved before citations carried their source read as plain text.
  source: z
    .object({ kind: z.enum(["text", "pdf", "web", "docx"]), url: z.string().optional(), page: z.number().int().positive().optional() })
    .default({ kind: "text" }),
});
const turn = z.object({
  question: z.string().min(1),
  answer: z.string().optional(),
  citations: z.array(citation).optional(),
  related: z.array(citation).optional(),
  standaloneQuestion: z.string().optional(),
  error: z.string().optional(),
});
/**
 * Earlier questions as plain strings (asked again to rebuild their answers) or as turns `ask --json` printed. A line
 * it printed for a question that failed (`{ "question", "error" }`) is left out, as a conversation leaves it out: read
 * as a question to ask again, it failed again, and its error stood as the new question's.
 */
export const historySchema = z
  .array(z.union([z.string().min(1), turn]))
  .transform((items) => items.filter((item) => typeof item === "string" || item.error === undefined));

/** One line of JSON Lines input: a question and, optionally, the conversation before it. */
export const questionLineSchema = z.object({ question: z.string(), history: historySchema.optional() });

/** Reads a `--follow-up` file: a JSON array of earlier questions or turns. */
export function readHistoryFile(file: string): HistoryItem[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new DossierError("USAGE", `Cannot read the history file ${file}: ${(error as NodeJS.ErrnoException).code ?? "unreadable"}.`, { cause: error });
  }
  return parseHistory(text, `The history file ${file}`);
}

/** Parses JSON holding a history; `what` names it in the one-line error. */
export function parseHistory(text: string, what: string): HistoryItem[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new DossierError("USAGE", `${what} is not valid JSON.`);
  }
  const parsed = historySchema.safeParse(json);
  if (!parsed.success) throw new DossierError("USAGE", `${what} must be a JSON array of earlier questions (strings) or turns ({ "question", "answer", "citations" }).`);
  return parsed.data;
}

/** A line of standard input: plain text is a question; a line starting with `{` is JSON with `question` and `history`. */
export function parseQuestionLine(line: string): { question: string; history?: HistoryItem[] } {
  if (!line.trimStart().startsWith("{")) return { question: line };
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    throw new DossierError("USAGE", "That input line starts with { but is not valid JSON.");
  }
  const parsed = questionLineSchema.safeParse(json);
  if (!parsed.success) throw new DossierError("USAGE", `A JSON input line needs "question" (a string) and may have "history" (an array of earlier questions or turns).`);
  return parsed.data;
}
