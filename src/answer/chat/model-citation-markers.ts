/**
 * The `[S3]` markers a chat model puts after a claim. Models vary the form (`[S1, S4]`, `[S1; 4]`, `[s2]`), so the
 * pattern accepts those; anything else is ordinary text and cites nothing.
 */
const MARKER_SOURCE = String.raw`\[\s*S\d+(?:\s*[,;]\s*S?\d+)*\s*\]`;

/** A fresh global pattern each call: a shared /g regex would carry `lastIndex` between callers. */
export function markerPattern(): RegExp {
  return new RegExp(MARKER_SOURCE, "gi");
}

/** A run of markers, as it appears after a sentence's closing punctuation. */
export const MARKER_RUN = String.raw`(?:\s*${MARKER_SOURCE})*`;

/** The source ids in `text`'s markers, normalised to `S<n>`, in order of first appearance. */
export function markerIds(text: string): string[] {
  const ids: string[] = [];
  for (const marker of text.match(markerPattern()) ?? []) {
    for (const digits of marker.match(/\d+/g) ?? []) {
      const id = `S${Number(digits)}`;
      if (!ids.includes(id)) ids.push(id);
    }
  }
  return ids;
}

/** `text` without its markers and with the gaps they leave closed up. */
export function stripMarkers(text: string): string {
  return text
    .replace(markerPattern(), " ")
    .replace(/\s+/g, " ")
    .replace(/\s+([.,;:!?])/g, "$1")
    .trim();
}
