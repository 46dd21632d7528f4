import { nameAliasesOf } from "./synonyms.js";
import { type Term, stems } from "./terms.js";

/**
 * A term's stem and, for a name, the stems of its one-word aliases: "Pakistani" is written "Pakistan's" in a report
 * ("the Pakistani defence minister", "Pakistan's Defence Minister"). A possessive's aliases are its name's: WordNet
 * knows "Afghanistan", not "Afghanistan's".
 */
export function stemsAsNamed(term: Term): string[] {
  if (!term.salient) return [term.stem];
  const aliases = nameAliasesOf(term.surface.replace(/['’]s$/u, ""));
  return [term.stem, ...aliases.flatMap((alias) => (alias.length === 1 ? stems(alias[0]!) : []))];
}
