import { nameAliasesOf } from "./synonyms.js";
import { type Term, stems } from "./terms.js";

/**
 * A term's stem and, for a name, the stems of its one-word aliases: "Pakistani" is written "Pakistan's" in a report
 * ("the Pakistani defence minister", "Pakistan's Defence Minister").
 */
export function stemsAsNamed(term: Term): string[] {
  if (!term.salient) return [term.stem];
  return [term.stem, ...nameAliasesOf(term.surface).flatMap((alias) => (alias.length === 1 ? stems(alias[0]!) : []))];
}
