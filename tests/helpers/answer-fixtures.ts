import { ABSTAIN_TEXT, type Answer, type Citation } from "../../src/answer/answer.js";

export function citation(n: number, text: string, overrides: Partial<Citation> = {}): Citation {
  return {
    n,
    reportId: "border-talks",
    title: "Border talks collapse in Istanbul",
    sentenceId: `border-talks#${n}`,
    text,
    start: 0,
    end: text.length,
    source: { kind: "text" },
    ...overrides,
  };
}

export function answer(overrides: Partial<Answer> = {}): Answer {
  const citations = overrides.citations ?? [citation(1, "The talks collapsed after four days.")];
  return {
    question: "Why did the talks fail?",
    text: "The talks collapsed after four days [1].",
    abstained: false,
    citations,
    mode: "extractive",
    timings: { embedMs: 10, retrieveMs: 5, answerMs: 1, totalMs: 420 },
    ...overrides,
    related: overrides.related ?? [],
  };
}

export function abstention(): Answer {
  return answer({ text: ABSTAIN_TEXT, abstained: true, citations: [] });
}
