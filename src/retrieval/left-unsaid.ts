import { asksWhatWasSaid } from "../text/reported-speech.js";
import { asksYesOrNo } from "../text/yes-or-no.js";
import { normalizeWord } from "../text/terms.js";

/**
 * A report often says what it does not know: "he declined to say for how much", "the WCU has not yet named the host
 * city", "She would not say how long that might take". Such a sentence holds the question's words and often the kind of
 * fact asked for ("2028", "30 days" of something else), and a near-miss written from it ("How much were the
 * satellites insured for?") is the most tempting of all: it asks exactly what the report says is unsaid.
 */
const NOT = String.raw`(?:\b(?:declined|refused|yet|not|never)|n['’]t)`;
const TELL =
  "say|said|name|named|disclose|disclosed|reveal|revealed|confirm|confirmed|announce|announced|decide|decided|set|" +
  "specify|specified|give|given|identify|identified|explain|explained|release|released|publish|published|" +
  "determine|determined|establish|established|know|known|comment";
// "has not yet been named", "declined to say", "would not say", "is yet to decide", "did not disclose".
const UNSAID = new RegExp(String.raw`${NOT}\s+(?:yet\s+)?(?:to\s+)?(?:be\s+|been\s+)?(?:${TELL})\b|\b(?:unclear|unknown|not\s+(?:known|clear))\b`, "giu");

// What a question asks for, and the words a sentence uses when it says that is unsaid.
const ASKS: ReadonlyArray<[RegExp, RegExp]> = [
  [/\bhow much\b/i, /\bhow much\b/i],
  [/\bhow many\b/i, /\bhow many\b/i],
  [/\bhow long\b/i, /\bhow long\b|\bwhen\b/i],
  [/\bhow old\b/i, /\bhow old\b|\bage\b/i],
  [/\bwhen\b|\bwhat (?:time|date|day|year|month)\b/i, /\bwhen\b|\bhow long\b|\bwhat (?:time|date|day)\b/i],
  [/\bwhy\b/i, /\bwhy\b/i],
  [/^\W*(?:\w+\s+)?(?:who|whom|whose)\b/i, /\bwho(?:m|se)?\b|\bwhich\b/i],
  [/\bwhere\b/i, /\bwhere\b/i],
  [/\bwhich\b/i, /\bwhich\b|\bwho(?:m|se)?\b|\bwhere\b/i],
];

// "We will be asking Vantora why it took more than a week", "residents want to know when the road will reopen": the
// report records the question, not its answer. "Asked why the plant closed, she said …" (and "When asked", and "The
// mayor, asked why …, said") opens a reply, which may answer it.
const ASKING = /\b(?:ask|asks|asked|asking|wonder|wonders|wondered|wondering|questioned|questioning|wants?\s+to\s+know|wanted\s+to\s+know)\b/giu;
const OPENS_A_REPLY = /(?:^\W*|,\s*)(?:when\s+)?asked$/iu;
// After those asked, "who" or "which" says who they are ("Detectives questioned two men who were arrested on Friday");
// only right after the asking does it open the question ("asked who would pay").
const RELATIVE = /^(?:who|whom|whose|which)$/iu;
// "Residents were asked to leave when the dam cracked", "asked for calm": a request, whose "when" is no question.
const REQUEST = /^(?:to|for)$/iu;

const AFTER_WORDS = 6;
// "a farm in the Wyle valley that it has not named": what is unsaid stands before, joined by "that" or "which".
const UNSAID_OF_BEFORE = /\b(?:that|which|whom)\s+(?:[\p{L}'’-]+\s+){0,2}$/iu;
const BEFORE_WORDS = 6;

/** What the check reads of the question besides its text. */
export interface AskedParts {
  /** Stems of what the question asks about and of its main verb (fact-attachment's `askedAboutWords`, the predicate's). */
  askedStems: ReadonlySet<string>;
  /** Stems of every word of the question other than names. */
  questionStems: ReadonlySet<string>;
  /**
   * Whether a text, the sentence without the phrase of not saying and its clause, still states what is asked (the
   * kind of fact asked for, with the question's verb, or beside what is asked about when it has none).
   */
  statesAsked: (text: string) => boolean;
}

/**
 * Whether a sentence says that what the question asks is not known or not told: a phrase of not saying ("declined to say",
 * "has not yet named", "it is unclear") followed by the question's own kind of question ("… for how much") or, close
 * after, what the question asks about or its main verb ("… named the host city", "the names were not released" for
 * "When will the names be released?"), or before it, what a "that" or "which" clause says is unsaid ("a farm … that
 * it has not named"). The question's subject alone does not count, since the sentence names it anyway ("declined to
 * say whether the bank would cut again at its next meeting, on February 4" answers "When is the bank's next
 * meeting?"), nor does a phrase whose unsaid is something else while the rest of the sentence states what is asked
 * ("The bridge closed on Monday, and it is not known when it will reopen" answers "When did the bridge close?"), nor
 * "did not announce the winner until Friday", which says when. The same kind of question about the question's own
 * words ("it is not known when it will reopen" for "When will the bridge reopen?") is unsaid whatever else the
 * sentence states. A yes-or-no question is answered by such a sentence ("Did the company say whether it would
 * appeal?"), and so are one that asks what someone said ("… declined to say" is what they said) and one that asks
 * about a refusal itself.
 */
export function leftUnsaidCheck(question: string, parts: AskedParts): (sentence: string) => boolean {
  if (asksYesOrNo(question) || asksWhatWasSaid(question) || ASKS_ABOUT_UNSAID.test(question)) return () => false;
  // What the question asks is read once; the check then runs on every candidate sentence.
  const asked = ASKS.filter(([q]) => q.test(question)).map(([, s]) => s);
  const askedAtStart = asked.map((s) => new RegExp(`^(?:${s.source})`, "iu"));
  return (sentence) => saysUnsaid(sentence, asked, parts) || asksItToo(sentence, askedAtStart, parts.questionStems);
}

const ASKS_ABOUT_UNSAID = new RegExp(String.raw`${NOT}\b|\b(?:unclear|unknown)\b`, "iu");

/** Someone in the report asks the question itself: its kind of question right after the asking, then its words. */
function asksItToo(sentence: string, askedAtStart: readonly RegExp[], questionStems: ReadonlySet<string>): boolean {
  for (const m of sentence.matchAll(ASKING)) {
    if (OPENS_A_REPLY.test(sentence.slice(0, m.index + m[0].length))) continue;
    const afterWords = sentence.slice(m.index + m[0].length).split(/[.;:!?]/)[0]!.match(/[\p{L}\p{N}'’-]+/gu)?.slice(0, AFTER_WORDS) ?? [];
    const wh = [0, 1, 2].find(
      (i) =>
        !afterWords.slice(0, i).some((w) => REQUEST.test(w)) &&
        (i === 0 || !RELATIVE.test(afterWords[i] ?? "")) &&
        askedAtStart.some((s) => s.test(afterWords.slice(i).join(" "))),
    );
    if (wh !== undefined && afterWords.slice(wh + 1).some((w) => questionStems.has(normalizeWord(w)))) return true;
  }
  return false;
}

function saysUnsaid(sentence: string, asked: readonly RegExp[], { askedStems, questionStems, statesAsked }: AskedParts): boolean {
  for (const m of sentence.matchAll(UNSAID)) {
    const end = m.index + m[0].length;
    const after = sentence.slice(end).split(/[.;:!?]/)[0]!;
    const afterWords = after.match(/[\p{L}\p{N}'’-]+/gu)?.slice(0, AFTER_WORDS) ?? [];
    const unsaid = [m[0].match(/[\p{L}'’]+$/u)![0], ...afterWords].map(normalizeWord);
    const sameQuestion = asked.some((s) => s.test(afterWords.slice(0, 3).join(" ")));
    if (sameQuestion && unsaid.some((w) => questionStems.has(w))) return true;
    if (/^[^,]*\buntil\b/iu.test(after)) continue;
    const clauseEnd = sentence.slice(end).search(/[,.;:!?]/);
    if (statesAsked(sentence.slice(0, m.index) + sentence.slice(clauseEnd < 0 ? sentence.length : end + clauseEnd))) continue;
    if (sameQuestion || unsaid.some((w) => askedStems.has(w))) return true;
    const before = sentence.slice(0, m.index);
    const clause = UNSAID_OF_BEFORE.exec(before);
    if (clause) {
      const beforeWords = before.slice(0, clause.index).match(/[\p{L}\p{N}'’-]+/gu)?.slice(-BEFORE_WORDS) ?? [];
      if (beforeWords.some((w) => askedStems.has(normalizeWord(w)))) return true;
    }
  }
  return false;
}
