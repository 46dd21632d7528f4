import { stripControl } from "./safe-text.js";

interface Unread {
  reason: string;
}

/**
 * What an ingest's summary says of the files it did not read, a line each: "skipped" for one named or refused,
 * "ignored" for one of no report type found in a folder. Said the same by `npm run ingest` and by a start that builds
 * or updates the index. A reason quotes the file's name, which is anyone's choice, so it is shown without control
 * characters.
 */
export function unreadFileLines(summary: { skipped: readonly Unread[]; ignored: readonly Unread[] }): string[] {
  return [
    ...summary.skipped.map((s) => `skipped   ${stripControl(s.reason)}`),
    ...summary.ignored.map((s) => `ignored   ${stripControl(s.reason)}`),
  ];
}
