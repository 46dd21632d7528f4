/**
 * Report ids as the index spells them, for ids typed otherwise: in capitals ("Harbour-Talks"), or with accented
 * letters composed another way (an id copied from a macOS file name, which decomposes "ü" into "u" and a mark). Ids
 * are made lowercase and composed (reportIdFromPath), so such an id could only be refused as unknown; one that
 * matches no id is kept as typed, for the unknown-report error to name.
 */
export function asKnownIds(typed: readonly string[], known: readonly string[]): string[] {
  const folded = new Map(known.map((id) => [fold(id), id]));
  return [...new Set(typed.map((id) => folded.get(fold(id)) ?? id))];
}

const fold = (id: string) => id.normalize("NFC").toLowerCase();
