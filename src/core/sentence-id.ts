/** The stable id of a report's n-th sentence (from 0) while the report is unchanged: `<reportId>#<n>`. */
export function sentenceId(reportId: string, index: number): string {
  return `${reportId}#${index}`;
}

/** The report and sentence number a sentence id names, or undefined when it is not one. */
export function parseSentenceId(id: string): { reportId: string; index: number } | undefined {
  const match = /^(.*)#(\d+)$/s.exec(id);
  return match ? { reportId: match[1]!, index: Number(match[2]) } : undefined;
}
