import { readFileSync } from "node:fs";
import { NOT_FOUND_REPLY } from "../../src/answer/chat/model-answer.js";
import type { ChatReply } from "../e2e/openai-stub.js";
import { promptQuestion, promptSources } from "./prompt-sources.js";

/** One line of a question set (tests/fixtures/README.md); the bank adds `report` and `kind`. */
export interface BankQuestion {
  id: string;
  question: string;
  report?: string;
  kind?: string;
  expected?: string[];
  support?: string[];
  answerable?: boolean;
}

export function readQuestions(file: string): BankQuestion[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as BankQuestion);
}

/** What the reader was handed for one question (the last time it was asked). */
export interface Reading {
  /** How many source sentences the prompt held. */
  sources: number;
  /** Whether one of them holds the question's supporting text. */
  handedSupport: boolean;
}

export interface PerfectReader {
  /** The stub's `respond` hook. */
  respond: (body: Record<string, any>) => ChatReply;
  /** Keyed by question id. */
  readings: Map<string, Reading>;
  /** Questions the reader was asked that are not in its set: a prompt it could not read, or a wrong set. */
  unknown: string[];
}

// Straight and curly quotes and letter case do not matter, as in the eval format.
const fold = (s: string) => s.toLowerCase().replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, " ");

/**
 * A chat model that reads perfectly but knows nothing else: it knows each question's supporting text, and answers
 * (with the expected words, citing every source that holds the support, in the format our parser reads) only when
 * a source it was handed holds it; otherwise it says the reports do not answer. Unanswerable questions have no
 * support, so it always declines them. Answers it cannot give are exactly the ones our context left out.
 */
export function perfectReader(questions: BankQuestion[]): PerfectReader {
  const byText = new Map(questions.map((q) => [q.question.replace(/\s+/g, " ").trim(), q]));
  const readings = new Map<string, Reading>();
  const unknown: string[] = [];

  const respond = (body: Record<string, any>): ChatReply => {
    const json = body.response_format?.type === "json_schema" || Array.isArray(body.tools);
    const notFound: ChatReply = json ? { json: { found: false, sentences: [] } } : { text: NOT_FOUND_REPLY };
    const asked = promptQuestion(body);
    const question = byText.get(asked);
    if (!question) {
      unknown.push(asked);
      return notFound;
    }
    const sources = promptSources(body).map(({ id, text }) => ({ id, text: fold(text) }));
    const support = question.answerable === false ? [] : (question.support ?? []).map(fold);
    const cited = sources.filter((s) => support.some((part) => s.text.includes(part))).map((s) => s.id);
    readings.set(question.id, { sources: sources.length, handedSupport: cited.length > 0 });
    if (cited.length === 0) return notFound;
    const answer = (question.expected ?? []).join(", ") || "The reports say so";
    return json
      ? { json: { found: true, sentences: [{ text: `${answer}.`, sources: cited }] } }
      : { text: `${answer} ${cited.map((id) => `[${id}]`).join("")}.` };
  };
  return { respond, readings, unknown };
}
