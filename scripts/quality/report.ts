import type { Answer } from "../../src/answer/answer.js";
import type { EvalResult } from "./score.js";

export interface KindFigures {
  kind: string;
  questions: number;
  answeredRight: number;
  wrong: number;
  abstained: number;
  /** Abstained with the supporting sentence among the related passages. */
  relatedHit: number;
  /** Abstained, showing passages as possibly related. */
  relatedShown: number;
}

/** Figures by kind of question, and the issue-9 targets checked against them. */
export function figuresByKind(results: EvalResult[], abstainedOf: (r: EvalResult) => boolean) {
  const kinds = [...new Set(results.map((r) => r.question.kind ?? (r.answerable ? "answerable" : "unanswerable")))];
  const byKind: KindFigures[] = kinds.map((kind) => {
    const rs = results.filter((r) => (r.question.kind ?? (r.answerable ? "answerable" : "unanswerable")) === kind);
    return {
      kind,
      questions: rs.length,
      answeredRight: rs.filter((r) => r.answerable && r.pass).length,
      wrong: rs.filter((r) => r.wrong).length,
      abstained: rs.filter(abstainedOf).length,
      relatedHit: rs.filter((r) => r.relatedHit).length,
      relatedShown: rs.filter((r) => r.relatedShown).length,
    };
  });
  const of = (kind: string) => byKind.find((k) => k.kind === kind);
  const share = (n: number, d: number | undefined) => (d ? n / d : undefined);
  const reworded = of("reworded");
  const targets = {
    wrongShareOfAll: { value: share(byKind.reduce((s, k) => s + k.wrong, 0), results.length), target: "≤ 0.05", met: (v: number) => v <= 0.05 },
    nearMissAbstained: { value: share(of("near-miss")?.abstained ?? 0, of("near-miss")?.questions), target: "≥ 0.85", met: (v: number) => v >= 0.85 },
    offTopicAbstained: { value: share(of("off-topic")?.abstained ?? 0, of("off-topic")?.questions), target: "≥ 0.95", met: (v: number) => v >= 0.95 },
    directAnsweredRight: { value: share(of("direct")?.answeredRight ?? 0, of("direct")?.questions), target: "≥ 0.95", met: (v: number) => v >= 0.95 },
    rewordedRightOrRelated: { value: share((reworded?.answeredRight ?? 0) + (reworded?.relatedHit ?? 0), reworded?.questions), target: "≥ 0.70", met: (v: number) => v >= 0.7 },
  };
  return {
    byKind,
    targets: Object.fromEntries(
      Object.entries(targets)
        .filter(([, t]) => t.value !== undefined)
        .map(([name, t]) => [name, { value: Number(t.value!.toFixed(3)), target: t.target, met: t.met(t.value!) }]),
    ),
  };
}

export function formatFigures(figures: ReturnType<typeof figuresByKind>): string {
  const lines = [
    "| kind | questions | answered right | wrong | abstained | of which showing related passages | support among them |",
    "|---|---|---|---|---|---|---|",
  ];
  for (const k of figures.byKind) lines.push(`| ${k.kind} | ${k.questions} | ${k.answeredRight} | ${k.wrong} | ${k.abstained} | ${k.relatedShown} | ${k.relatedHit} |`);
  lines.push("");
  for (const [name, t] of Object.entries(figures.targets)) lines.push(`${t.met ? "met    " : "NOT MET"} ${name} ${(100 * t.value).toFixed(1)} % (target ${t.target})`);
  return lines.join("\n");
}

/** What a run answered to one question, every part that scoring reads and nothing timed, so two runs can be diffed. */
export function questionOutcome(id: string, answer: Answer) {
  return {
    id,
    abstained: answer.abstained,
    cited: answer.citations.map((c) => c.sentenceId),
    related: answer.related.map((c) => c.sentenceId),
    text: answer.text,
  };
}
