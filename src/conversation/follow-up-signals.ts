import { extractTerms } from "../text/terms.js";
import { MEASURE_AFTER_HOW } from "../text/why-or-how.js";
import { definitePhrases, namePhrases } from "./name-phrases.js";

/** A pronoun that stands for something said earlier, with where it sits in the question. */
export interface Anaphor {
  word: string;
  index: number;
  /**
   * "event": "that" or "this" standing alone ("When was that?"), for what the previous turn was about; "place":
   * "there" ("How many people live there?").
   */
  kind: "person" | "group" | "thing" | "event" | "place";
  possessive: boolean;
}

export interface FollowUpSignals {
  /** Pronouns that point outside the question ("How long did they last?"). */
  anaphors: Anaphor[];
  /** Words that lean on the previous turn without naming it: "that", "then", "there", "else", "these conditions". */
  leaning: string[];
  /** "And Pakistan?", "What about the ceasefire?": the rest of the question is the previous one's. */
  ellipsisSubject?: string;
  /** No word of its own beyond question words: "Why?", "How long?". */
  bare: boolean;
  /** A question word with its preposition and no verb: "On what grounds?", "Between whom?". */
  fragment: boolean;
}

/** A question with this many content words of its own (its pronouns resolved) needs no words carried to it. */
export const OWN_WORDS_ENOUGH = 2;

const PRONOUNS: Record<string, { kind: Anaphor["kind"]; possessive: boolean }> = {
  he: { kind: "person", possessive: false },
  him: { kind: "person", possessive: false },
  his: { kind: "person", possessive: true },
  she: { kind: "person", possessive: false },
  her: { kind: "person", possessive: false },
  hers: { kind: "person", possessive: true },
  they: { kind: "group", possessive: false },
  them: { kind: "group", possessive: false },
  their: { kind: "group", possessive: true },
  it: { kind: "thing", possessive: false },
  its: { kind: "thing", possessive: true },
};

const LEANING_WORDS = new Set(["then", "else", "afterwards", "afterward", "later", "latter", "former", "also", "too", "again", "instead", "either"]);
const ELLIPSIS = /^\s*(?:and|but|also|or|so|what about|how about)\s+(.+?)\s*\??\s*$/i;
// "that" introducing a clause ("said that Pakistan…") rather than pointing back.
const CLAUSE_AFTER = /^(the|a|an|he|she|they|it|we|you|i|there|this|these|those|his|her|their|its|\p{Lu}\S*)$/u;
const EXISTENTIAL_AFTER = new Set(["is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "any", "a", "an"]);
/** "How many were there?", "and how many were there in total?": how many exist, with nothing after "there" that says where. */
const HOW_MANY_THERE = /^\s*(?:(?:and|so|but)\b,?\s*)?how\s+(?:many|much)\s+(?:is|are|was|were)\s+there(?:\s+(?:in\s+total|altogether|in\s+all))?\s*[?.!]*\s*$/i;
const EXPLETIVE_IT = /\b(is|was)\s+it\s+(true|possible|likely|clear|known)\b|\bit\s+(is|was)\s+(said|reported|claimed|unclear|clear|likely|true)\b/i;

/** Whether any word of `text` is one of the pronouns a follow-up points back with ("he", "her", "their", "it" …). */
export function hasPronoun(text: string): boolean {
  return [...text.matchAll(/[\p{L}\p{N}]+/gu)].some((m) => Object.hasOwn(PRONOUNS, m[0].toLowerCase()));
}

/** What in a question leans on earlier turns; empty signals mean the question stands on its own. */
export function followUpSignals(question: string): FollowUpSignals {
  const words = [...question.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)].map((m) => ({ word: m[0], lower: m[0].toLowerCase(), index: m.index ?? 0 }));
  const anaphors: Anaphor[] = [];
  const leaning: string[] = [];
  const ownNames = namePhrases(question).length > 0 || definitePhrases(question).length > 0;

  words.forEach(({ word, lower, index }, i) => {
    const next = words[i + 1];
    const before = words.slice(0, i);
    const pronoun = PRONOUNS[lower];
    if (pronoun) {
      if (lower === "it" && EXPLETIVE_IT.test(question)) return;
      // "her" before a noun is a possessive; "his report" after a name in the same question refers to that name.
      const possessive = pronoun.possessive || (lower === "her" && next !== undefined && !EXISTENTIAL_AFTER.has(next.lower));
      if (possessive && before.length > 0 && antecedentBefore(question.slice(0, index), pronoun.kind)) return;
      anaphors.push({ word, index, kind: pronoun.kind, possessive });
      return;
    }
    if (lower === "that" || lower === "this" || lower === "these" || lower === "those") {
      // A clause ("said that Pakistan…") or a relative ("the demand that…") does not point back.
      // "Was that a record?": after a question's opening verb it is the subject, pointing back.
      const subject = i === 1 && /^(is|was|are|were|did|does|do|has|had|will|would|could)$/.test(before[0]!.lower);
      if (lower === "that" && !subject && next && CLAUSE_AFTER.test(next.word)) return;
      if (lower === "that" && before.length > 0 && /^(the|a|an)$/i.test(before.at(-2)?.lower ?? "")) return;
      if ((lower === "those" || lower === "that") && next?.lower === "who") return;
      leaning.push(word);
      // Standing alone rather than before its noun: "respond to that?", "was that a record?", "will that pay for".
      const alone = (next === undefined || /^(a|an|the)$/.test(next.lower) || AUXILIARY.test(before.at(-1)?.lower ?? "")) && next?.lower !== "so";
      if ((lower === "that" || lower === "this") && alone) anaphors.push({ word, index, kind: "event", possessive: false });
      return;
    }
    // "Is there …", "there were …", and "How many were there?" ("and how many were there in total?"), where nothing
    // but "there" follows the verb, say that something exists, not where.
    const existential = (next && EXISTENTIAL_AFTER.has(next.lower)) || (/^(is|are|was|were)$/.test(before.at(-1)?.lower ?? "") && HOW_MANY_THERE.test(question));
    if (lower === "there" && !existential && i > 0) anaphors.push({ word, index, kind: "place", possessive: false });
    else if (LEANING_WORDS.has(lower)) leaning.push(word);
    // "What happened next?" (not "the next round").
    else if (lower === "next" && next === undefined) leaning.push(word);
    // "which one", "the other ones": one of something named earlier.
    else if ((lower === "one" || lower === "ones") && /^(which|what|the|that|this|other)$/.test(before.at(-1)?.lower ?? "")) leaning.push(word);
  });

  const ellipsis = ELLIPSIS.exec(question);
  const subject = ellipsis?.[1];
  const ellipsisSubject =
    subject !== undefined && subject.split(/\s+/).length <= 6 && !QUESTION_START.test(subject) && !CONDITION.test(subject) && contentTerms(subject).length > 0
      ? subject
      : undefined;
  const bare = !ownNames && contentTerms(question).length === 0;
  const fragment = FRAGMENT.test(question);
  // "And who disagreed?": a question joined to the previous one, with too few words to stand on its own.
  const joined = /^\s*(and|but|so)\s+(.*)$/i.exec(question);
  if (joined && QUESTION_START.test(joined[2]!) && contentTerms(joined[2]!).length < OWN_WORDS_ENOUGH && !ownNames) leaning.push(joined[1]!);
  return { anaphors, leaning, ellipsisSubject, bare, fragment };
}

/**
 * A pronoun the reading of a follow-up still has ("Where does she work?" when no turn named her): it is not known
 * whom or what the follow-up is about, only that it is something of the conversation's.
 */
export function pointsBack(reading: string): boolean {
  return followUpSignals(reading).anaphors.length > 0;
}

/** Whether the question needs earlier turns to be understood. */
export function leansOnHistory(signals: FollowUpSignals): boolean {
  return signals.anaphors.length > 0 || signals.leaning.length > 0 || signals.ellipsisSubject !== undefined || signals.bare || signals.fragment;
}

const FRAGMENT =
  /^\s*(?:(?:and|but)\s+)?(?:on|in|at|between|for|from|with|by|to|against|after|before|under|over|about|of|since|until|among)\s+(?:what|which|whom|whose)(?:\s+[\p{L}-]+)?\s*\?*\s*$/iu;

/** "And if they don't?": a condition on what the previous turn said, not a subject for its question. */
export const CONDITION = /^\s*(?:(?:and|but|so)\s+)?(?:if|unless)\b/i;
const AUXILIARY = /^(is|was|are|were|did|does|do|has|have|had|will|would|can|could|should|might|must)$/;
const QUESTION_START = /^\s*(what|who|whom|whose|how|why|when|where|which|did|does|do|is|was|were|are|has|have|had|will|would|can|could)\b/i;

/** "how long", "how come": question words, whatever else the question says. */
const HOW_PHRASE = new RegExp(String.raw`\bhow\s+(?:${MEASURE_AFTER_HOW}|come)\b`, "gi");

/** Words of a question other than question words ("how long") and leaning words. */
export function contentTerms(text: string) {
  const rest = text.replace(HOW_PHRASE, " ");
  return extractTerms(rest).filter((t) => !LEANING_WORDS.has(t.surface.toLowerCase()));
}

function antecedentBefore(text: string, kind: Anaphor["kind"]): boolean {
  const names = namePhrases(text);
  if (kind === "person") return names.some((n) => n.person);
  return names.length > 0 || definitePhrases(text).length > 0;
}
