/**
 * How far a sentence of the preferred report may rank ahead of a better-scored one from another report. Small, so a
 * follow-up that clearly turns to another report still gets it; scores themselves are left alone for the gate.
 */
export const REPORT_PREFERENCE = 0.05;

/** Ranked sentences reordered so the preferred report's come first among near-ties; nothing is dropped. */
export function preferReport<T extends { report: { id: string }; score: number }>(ranked: readonly T[], reportId: string | undefined): T[] {
  if (reportId === undefined) return [...ranked];
  const key = (r: T) => r.score + (r.report.id === reportId ? REPORT_PREFERENCE : 0);
  return [...ranked].sort((a, b) => key(b) - key(a));
}
