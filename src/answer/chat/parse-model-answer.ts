import { ABBREVIATIONS } from "../../text/segment-sentences.js";
import { MARKER_RUN, markerIds, stripMarkers } from "./model-citation-markers.js";
import { type Claim, type ModelAnswer, NOT_FOUND_REPLY } from "./model-answer.js";

/**
 * Reads a free-text reply with `[S#]` markers into claims, one per sentence. It never fails: whatever the model
 * wrote becomes claims, and a claim without markers is simply uncited (verification drops it).
 */
export function parseModelAnswer(reply: string): ModelAnswer {
  const trimmed = reply.trim();
  if (trimmed.toUpperCase().startsWith(NOT_FOUND_REPLY)) return { found: false, claims: [] };

  const claims: Claim[] = [];
  for (const line of trimmed.replaceAll(NOT_FOUND_REPLY, "").split(/\n+/)) {
    if (isReferenceListLine(line)) continue;
    for (const sentence of splitSentences(stripListPrefix(line))) {
      const claim = { text: stripMarkers(sentence), sourceIds: markerIds(sentence) };
      const previous = claims.at(-1);
      // Markers alone on a line belong to the sentence before them.
      if (claim.text === "" && previous) previous.sourceIds = [...new Set([...previous.sourceIds, ...claim.sourceIds])];
      else if (claim.text !== "") claims.push(claim);
    }
  }
  return { found: true, claims };
}

/**
 * A line of text that starts with a marker, or a "Sources:" heading, is the model listing (and typing out) its
 * sources, which the prompt forbids; those typed quotes must never reach the answer, and our citations replace them.
 */
function isReferenceListLine(line: string): boolean {
  if (stripMarkers(line) === "") return false;
  return (
    /^\s*(?:[-*•]\s*|\d+[.)]\s*)?(?:\[\s*S\d+|S\d+\s*[:.)-])/i.test(line) ||
    /^\s*(?:#+\s*)?\**(?:sources?|references?|citations?|quotes?|evidence)\**\s*:?\s*$/i.test(line)
  );
}

function stripListPrefix(line: string): string {
  return line.replace(/^\s*(?:[-*•]|\d+[.)])\s+/, "");
}

/**
 * Splits at sentence-ending punctuation, keeping any markers that follow the punctuation with the sentence they
 * close. A period after an abbreviation or initials ("U.S.", "Mr.") or before a lower-case word is not an end.
 */
function splitSentences(line: string): string[] {
  const boundary = new RegExp(String.raw`[.!?]+["'”’)]*${MARKER_RUN}(?=\s+|$)`, "gi");
  const sentences: string[] = [];
  let start = 0;
  for (const match of line.matchAll(boundary)) {
    const end = match.index + match[0].length;
    const hasMarkers = markerIds(match[0]).length > 0;
    if (!hasMarkers && !endsSentence(line.slice(start, match.index), line.slice(end))) continue;
    sentences.push(line.slice(start, end));
    start = end;
  }
  sentences.push(line.slice(start));
  return sentences.filter((s) => s.trim() !== "");
}

function endsSentence(before: string, after: string): boolean {
  const lastWord = before.split(/\s+/).at(-1) ?? "";
  if (/^(?:[A-Za-z]\.)*[A-Za-z]$/.test(lastWord)) return false;
  if (ABBREVIATIONS.has(lastWord.toLowerCase())) return false;
  return !/^\s+[a-z]/.test(after);
}
