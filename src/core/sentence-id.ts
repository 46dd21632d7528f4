/** The stable id of a report's n-th sentence (from 0) while the report is unchanged: `<reportId>#<n>`. */
export function sentenceId(reportId: string, index: number): string {
  return `${reportId}#${index}`;
}
