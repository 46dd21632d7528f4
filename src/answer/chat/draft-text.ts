import { markerPattern } from "./model-citation-markers.js";

/** A `[S…` marker still being written at the end of a stream: hidden until it closes (or turns out to be text). */
const PARTIAL_MARKER_AT_END = /\[\s*(?:S\d*(?:\s*[,;]\s*S?\d*)*\s*)?$/i;

/**
 * A chat model's reply as it streams in, fit to show as an unchecked draft: its `[S#]` markers (and a marker cut
 * off at the end) removed and the gaps they leave closed up, line breaks kept. Citations are only checked once the
 * reply is complete, so a draft must never look like a cited answer.
 *
 * As `raw` grows, each draft normally extends the previous one, so a terminal can print just the new part.
 */
export function draftText(raw: string): string {
  return raw
    .replace(PARTIAL_MARKER_AT_END, "")
    .replace(markerPattern(), " ")
    .replace(/[ \t]+/g, " ")
    .replace(/ +([.,;:!?])/g, "$1")
    .replace(/ *\n */g, "\n")
    .trim();
}
