import type { ReportRecord, SentenceRecord } from "../index/records.js";
import { endsAsAQuestion } from "../text/question-sentence.js";
import { reportsSpeech, asksWhatWasSaid } from "../text/reported-speech.js";
import { stems } from "../text/terms.js";
import { holdsAnswerType } from "./answer-type.js";
import { askedAboutWords, countsSomethingElse, factAttached } from "./fact-attachment.js";
import { dot, type PoolSentence } from "./candidate-pool.js";
import type { ReportNames } from "./report-names.js";
import type { AnalysedQuestion, QuestionTerm } from "./question-analysis.js";
import type { IndexedSentence, SearchIndex } from "./search-index.js";
import { missesQualifier, qualifiersOf } from "./qualifiers.js";
import { isSpellingVariant } from "./spelling.js";
import { nameConflictCheck } from "./name-conflict.js";
import { leftUnsaidCheck } from "./left-unsaid.js";
import { stemsAsNamed } from "../text/name-stems.js";

/**
 * What the answerability model sees of one (question, sentence) pair. Every value is in [-1, 1]; "gap" features
 * compare the sentence with the best of the retrieved sentences, "rank" ones are 1 / (1 + rank).
 */
export const FEATURE_NAMES = [
  "similarity",
  "similarityGap",
  "similarityRank",
  "coverage",
  "coverageGap",
  "contextCoverage",
  "focusSentence",
  "focusContext",
  "focusGap",
  "keyWordMissing",
  "wordsMissing",
  "phrases",
  "shortSentence",
  "typeAsked",
  "typeInSentence",
  "typeInContext",
  "hasNames",
  "onlyNames",
  "namesInReport",
  "namesInContext",
  "chunkRank",
  "response",
  "neighbourSimilarity",
  "relatedFocus",
  "predicateMissing",
  "isQuestion",
  "anchoredCoverage",
  "factAttached",
  "qualifierMissing",
  "countsSomethingElse",
  "namesAnother",
  "leftUnsaid",
] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];
/**
 * What the sentence model ranks by: all but the question's main verb missing, its year or ordinal missing, a count of
 * something else and the sentence being a question, which decide whether a sentence may answer but must not push down
 * the passage a reworded question paraphrases (its verb is often another word, "in 2022" may be "two years ago", "450
 * pupils" may answer "how many children"), nor an interviewer's question that leads to the reply; nor what only the
 * answer model reads.
 */
const ANSWER_ONLY = new Set<FeatureName>(["predicateMissing", "isQuestion", "anchoredCoverage", "factAttached", "qualifierMissing", "countsSomethingElse", "namesAnother", "leftUnsaid"]);
export const RANKING_FEATURE_NAMES = FEATURE_NAMES.filter((f) => !ANSWER_ONLY.has(f));
export type Features = Record<FeatureName, number>;

/** The sentence holds the kind of fact the question asks for ("four days" for "how long"), or it asks for none. */
export const holdsAskedFact = (f: Features): boolean => f.typeAsked === 0 || f.typeInSentence === 1;
/** The sentence or one beside it holds the kind of fact asked for, or it asks for none. */
export const besideAskedFact = (f: Features): boolean => f.typeAsked === 0 || f.typeInContext === 1;

export interface FeaturedSentence {
  sentence: SentenceRecord;
  report: ReportRecord;
  features: Features;
  /** Every name and number of the question is found in this sentence's own report (aliases and spellings forgiven). */
  namesInOwnReport: boolean;
}

// A synonym is weaker evidence than the question's own word: WordNet senses are not disambiguated.
const SYNONYM_CREDIT = 0.6;
const RELATED_CREDIT = 0.3;
// Names and numbers pin a question to its facts more than ordinary words do.
const SALIENT_WEIGHT = 2;

/** Features of every sentence of the candidate pool, in pool order. */
export function sentenceFeatures(index: SearchIndex, question: AnalysedQuestion, queryVector: ArrayLike<number>, pool: PoolSentence[]): FeaturedSentence[] {
  const weight = new Map(question.terms.map((t) => [t.stem, index.idf(t.stem) * (t.salient ? SALIENT_WEIGHT : 1)]));
  const focusTerms = question.terms.filter((t) => !t.salient);
  const names = question.terms.filter((t) => t.salient);
  // Words of one name ("Ines Calloway", "Harrowmark Energy Board"): names next to each other in the question as
  // written; "Calloway and Vellucci" are two people, though "and" is no term.
  const nameOf = new Map<QuestionTerm, QuestionTerm[]>();
  let from = 0;
  let previous: { term: QuestionTerm; end: number } | undefined;
  for (const t of question.terms) {
    const at = question.text.indexOf(t.surface, from);
    const end = at < 0 ? from : at + t.surface.length;
    if (t.salient) {
      const joined = previous !== undefined && at >= 0 && /^[\s-]*$/.test(question.text.slice(previous.end, at));
      const group = joined ? nameOf.get(previous!.term)! : [];
      group.push(t);
      nameOf.set(t, group);
    }
    previous = t.salient ? { term: t, end } : undefined;
    from = end;
  }
  const namesAnother = nameConflictCheck(
    [...new Set(nameOf.values())].filter((g) => g.length >= 2 && g.every((t) => !/\p{N}/u.test(t.surface))).map((g) => g.map(({ stem, surface }) => ({ stem, surface }))),
  );
  /**
   * Share of the terms' weight found in any of the stem sets (or counted found by `alsoFound`); a synonym earns part
   * of its term's weight, and so, when `relatedCredit` is given, does a word one WordNet relation away.
   */
  const coverageOf = (
    stemSets: Array<Set<string>>,
    terms: QuestionTerm[],
    whenNoTerms: number,
    { relatedCredit = 0, alsoFound }: { relatedCredit?: number; alsoFound?: (t: QuestionTerm) => boolean } = {},
  ) => {
    let found = 0;
    let total = 0;
    const has = (stems: string[]) => stems.some((x) => stemSets.some((s) => s.has(x)));
    for (const t of terms) {
      const w = weight.get(t.stem)!;
      total += w;
      if (has([t.stem]) || alsoFound?.(t)) found += w;
      else if (has(t.synonyms)) found += SYNONYM_CREDIT * w;
      else if (relatedCredit > 0 && has(t.related)) found += relatedCredit * w;
    }
    return total > 0 ? found / total : whenNoTerms;
  };
  // The rarest of the question's own words: a question that names what a report is about but asks what it never
  // says usually misses just this one.
  const keyWord = [...focusTerms].sort((a, b) => weight.get(b.stem)! - weight.get(a.stem)!)[0];
  const foundIn = (t: QuestionTerm, stemSets: Array<Set<string>>, orRelated = false) =>
    stemSets.some((s) => [t.stem, ...t.synonyms, ...(orRelated ? [...t.forms, ...t.related] : [])].some((x) => s.has(x)));
  const namesInReport = new Map<string, number>();
  const shareOfNamesInReport = (reportId: string) => {
    let share = namesInReport.get(reportId);
    if (share === undefined) {
      const reportNames = index.names(reportId);
      const found = names.filter((t) => reportNames.has(t) || isSpellingVariant(t.stem, index.vocabulary([reportId]))).length;
      share = names.length > 0 ? found / names.length : 1;
      namesInReport.set(reportId, share);
    }
    return share;
  };

  /**
   * `coverage` where what the report has established counts as said: a word or a name of its headline ("grid" under
   * "Why the northern grid went dark", "Millbrook" under "Millbrook flood: the first night"), a name the sentence
   * gives in part ("the Energy Board" for "Harrowmark Energy Board"), and an irregular form of the word ("spent").
   */
  const anchoredCoverage = (sentence: Set<string>, title: Set<string>, reportNames: ReportNames) =>
    coverageOf([sentence], question.terms, 0, {
      alsoFound: (t) =>
        t.forms.some((f) => sentence.has(f)) ||
        (t.salient
          ? reportNames.foundIn(t, [sentence, title]) || (reportNames.has(t) && nameOf.get(t)!.some((n) => n !== t && reportNames.foundIn(n, [sentence])))
          : title.has(t.stem)),
    });

  const askedAbout = askedAboutWords(question);
  const askedStems = new Set([...askedAbout, ...(question.predicate ? [question.predicate.stem, ...question.predicate.forms] : [])]);
  const leftUnsaid = leftUnsaidCheck(question.text, {
    askedStems,
    questionStems: new Set(focusTerms.map((t) => t.stem)),
    statesAsked: (text: string) =>
      question.answerType !== undefined &&
      holdsAnswerType(question.answerType, text, question.askedWords, question.askedThing) &&
      (question.predicate !== undefined ? foundIn(question.predicate, [new Set(stems(text))], true) : factAttached(question, askedAbout, text)),
  });
  // Each term's stems as a name may be written (an alias's), read once per question for every sentence's phrases.
  const termStems = question.terms.map(stemsAsNamed);
  const qualifiers = qualifiersOf(question.text);
  const asksForWords = asksWhatWasSaid(question.text) !== undefined;
  const out: FeaturedSentence[] = [];
  for (const { sentence: s, chunkRank } of pool) {
    const { report } = s;
    const i = s.sentence.index;
    const sentences = index.sentencesOf(report.id);
    // An interviewer's question is context for its reply, after it, not for the sentence before it: "The ships were
    // meant to arrive this year. What went wrong?" must not answer "What went wrong with the ships?".
    const next = sentences[i + 1];
    const around = [sentences[i - 1], s, next && !endsAsAQuestion(next.sentence.text) ? next : undefined].filter((x): x is IndexedSentence => x !== undefined);
    const aroundStems = around.map((n) => n.stems);
    // A name in the headline holds for the whole report: later sentences say "the mayor", not "Millbrook's mayor".
    const withTitle = [...aroundStems, titleStems(report)];
    const inReport = shareOfNamesInReport(report.id);
    const reportNames = index.names(report.id);
    const typeAsked = question.answerType !== undefined;
    out.push({
      sentence: s.sentence,
      report: s.report,
      namesInOwnReport: inReport === 1,
      features: {
        similarity: dot(queryVector, s.vector),
        similarityGap: 0,
        similarityRank: 0,
        coverage: coverageOf([s.stems], question.terms, 0),
        coverageGap: 0,
        contextCoverage: coverageOf(aroundStems, question.terms, 0),
        // A question of names only ("Who is Omar Samad?") has no other words to miss.
        focusSentence: coverageOf([s.stems], focusTerms, 1),
        focusContext: coverageOf(aroundStems, focusTerms, 1),
        focusGap: 0,
        keyWordMissing: keyWord && !foundIn(keyWord, aroundStems) ? 1 : 0,
        wordsMissing: Math.min(3, focusTerms.filter((t) => !foundIn(t, aroundStems)).length) / 3,
        phrases: phraseOverlap(question.terms, termStems, s.sentence),
        shortSentence: s.stems.size <= 4 ? 1 : 0,
        typeAsked: typeAsked ? 1 : 0,
        typeInSentence: typeAsked && holdsAnswerType(question.answerType, s.sentence.text, question.askedWords, question.askedThing) ? 1 : 0,
        typeInContext: typeAsked && around.some((n) => holdsAnswerType(question.answerType, n.sentence.text, question.askedWords, question.askedThing)) ? 1 : 0,
        hasNames: names.length > 0 ? 1 : 0,
        onlyNames: focusTerms.length === 0 ? 1 : 0,
        namesInReport: inReport,
        // A name is found beside the sentence when any of its words is ("Calloway said" for "Ines Calloway") and
        // the report has the rest: reports give the full name once, then the surname.
        namesInContext:
          names.length > 0 ? names.filter((t) => reportNames.foundIn(t, withTitle) || (reportNames.has(t) && nameOf.get(t)!.some((w) => reportNames.foundIn(w, withTitle)))).length / names.length : 1,
        chunkRank: chunkRank === undefined ? 0 : 1 / (1 + chunkRank),
        neighbourSimilarity: Math.max(...around.filter((n) => n !== s).map((n) => dot(queryVector, n.vector)), 0),
        relatedFocus: coverageOf([s.stems], focusTerms, 1, { relatedCredit: RELATED_CREDIT }),
        // A derivation counts for the verb ("respond" is answered "In response"), and so does an irregular form
        // ("who is leading" is answered "led by").
        predicateMissing: (question.predicate && !foundIn(question.predicate, aroundStems, true)) || (asksForWords && !givesWords(s, sentences[i - 1])) ? 1 : 0,
        isQuestion: endsAsAQuestion(s.sentence.text) ? 1 : 0,
        anchoredCoverage: anchoredCoverage(s.stems, titleStems(report), reportNames),
        factAttached: factAttached(question, askedAbout, s.sentence.text) ? 1 : 0,
        qualifierMissing: missesQualifier(qualifiers, around.map((n) => n.sentence.text)) ? 1 : 0,
        countsSomethingElse: countsSomethingElse(question, askedAbout, s.sentence.text) ? 1 : 0,
        namesAnother: namesAnother(s.sentence.text) ? 1 : 0,
        leftUnsaid: leftUnsaid(s.sentence.text) ? 1 : 0,
        response: question.asksForResponse && /^(in response|in reply|responding|reacting)\b/i.test(s.sentence.text) ? 1 : 0,
      },
    });
  }
  relativeToBest(out, "similarity", "similarityGap", "similarityRank");
  relativeToBest(out, "coverage", "coverageGap");
  relativeToBest(out, "focusContext", "focusGap");
  return out;
}

const titles = new WeakMap<ReportRecord, Set<string>>();
const titleStems = (report: ReportRecord) => {
  let set = titles.get(report);
  if (!set) titles.set(report, (set = new Set(stems(report.title))));
  return set;
};

/**
 * "What did the Taliban say?" is answered by someone's words: a sentence that only names the speaker ("Pakistan pressed
 * Kabul to classify Tehrik-i-Taliban Pakistan as a terrorist organisation") was cited with confidence, its words all
 * the question's. "Say" is too common a word to be the question's verb, so the saying is looked for here: in the
 * sentence itself, or in the one before when it leads into it ("… said:").
 */
function givesWords(s: IndexedSentence, before: IndexedSentence | undefined): boolean {
  return reportsSpeech(s.sentence.text) || (before !== undefined && /:\s*$/.test(before.sentence.text) && reportsSpeech(before.sentence.text));
}

// A sentence's pairs of consecutive stems (and of stems one word apart) are the same for every question: made once
// while its report is in memory (stemming each candidate again for each question was a quarter of retrieval and text
// analysis CPU on the bank).
const stemPairs = new WeakMap<SentenceRecord, { next: Set<string>; skipOne: Set<string> }>();

/**
 * Share of the question's pairs of consecutive content words that the sentence also has side by side (two names, that
 * is two salient words: capitalised, acronyms or figures, also one word apart): reused wording.
 */
function phraseOverlap(terms: QuestionTerm[], termStems: readonly string[][], sentence: SentenceRecord): number {
  if (terms.length < 2) return 0;
  let pairs = stemPairs.get(sentence);
  if (!pairs) {
    const list = stems(sentence.text);
    stemPairs.set(sentence, (pairs = { next: new Set(list.slice(1).map((stem, i) => `${list[i]} ${stem}`)), skipOne: new Set(list.slice(2).map((stem, i) => `${list[i]} ${stem}`)) }));
  }
  let found = 0;
  for (let i = 1; i < terms.length; i++) {
    const [a, b] = [terms[i - 1]!, terms[i]!];
    const together = termStems[i - 1]!.flatMap((x) => termStems[i]!.map((y) => `${x} ${y}`));
    // A name asked without its middle name or initial ("Khawaja Asif" for "Khawaja Muhammad Asif") is the same phrase.
    if (together.some((pair) => pairs.next.has(pair) || (a.salient && b.salient && pairs.skipOne.has(pair)))) found++;
  }
  return found / (terms.length - 1);
}

function relativeToBest(sentences: FeaturedSentence[], of: FeatureName, gap: FeatureName, rank?: FeatureName): void {
  const best = Math.max(...sentences.map((s) => s.features[of]));
  for (const s of sentences) s.features[gap] = s.features[of] - best;
  if (rank) {
    [...sentences].sort((a, b) => b.features[of] - a.features[of]).forEach((s, i) => (s.features[rank] = 1 / (1 + i)));
  }
}

