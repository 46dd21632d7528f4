/** The stable id of a report's n-th sentence (from 0) while the report is unchanged: `<reportId>#<n>`. */
export function sentenceId(reportId: string, index: number): string {
  return `${reportId}#${index}`;
}

/** The report and sentence number a sentence id names, or undefined when it is not one. */
export function parseSentenceId(id: string): { reportId: string; index: number } | undefined {
  const at = id.lastIndexOf("#");
  const index = Number(id.slice(at + 1));
  return at < 0 || !Number.isInteger(index) ? undefined : { reportId: id.slice(0, at), index };
}
