import type { Logger } from "pino";
import { ABSTAIN_FOREIGN_TEXT, ABSTAIN_TEXT, type Answer, type AnswerDraft, RELATED_TEXT } from "../answer/answer.js";
import { readsAsForeign } from "../text/foreign-question.js";
import type { Answerer } from "../answer/answerer.js";
import { wideContext } from "../answer/chat/wide-context.js";
import { combineParts } from "../answer/combine-parts.js";
import { distinctTexts, toCitations } from "../answer/resolve-citations.js";
import { coreOf, type FollowUpReading, type FollowUpRewriter } from "../conversation/follow-up-reading.js";
import { answeredAfterNothingFound, changesSubject, confirmRewrittenAnswer, conversationReports, factOfOldSubject, figureOfAnotherClause, namedReports, repeatsConversation, saysEllipsisSubject, subjectUnsaid, unsupportedWhatWasSaid, withinConversation, yesOrNoByWordsAlone } from "./check-follow-up-answer.js";
import { continuingPreviousAnswer } from "./continue-previous-answer.js";
import { INTRODUCES_THEM } from "../retrieval/introduction.js";
import { STATES_AUTHOR } from "../retrieval/byline-answer.js";
import { settledByConversation } from "./settle-close-call.js";
import { settledInPreviousAnswer } from "./settle-in-previous-answer.js";
import { settledInPreviousReport } from "./settle-in-previous-report.js";
import { settledByFollowUpModel, type WeighedFollowUp } from "./settle-by-follow-up-model.js";
import { type FollowUpModel, shippedFollowUpModel } from "./follow-up-model.js";
import { answeredFrom } from "../conversation/turn.js";
import { pointsBack } from "../conversation/follow-up-signals.js";
import { scopedToConversation } from "../conversation/rewrite-offline.js";
import { namesSomething } from "../conversation/name-phrases.js";
import type { AskOptions } from "../engine-types.js";
import { draftStream } from "./draft-stream.js";
import { stripControl } from "../display/safe-text.js";
import { DossierError } from "../errors.js";
import { splitQuestion } from "../retrieval/question-analysis.js";
import { CONFIDENT } from "../retrieval/answerability.js";
import type { Retrieval, Retrieve } from "../retrieval/retrieve.js";
import type { SearchIndex } from "../retrieval/search-index.js";
import { dropInvisible } from "../text/invisible.js";
import { asKnownIds } from "./typed-report-ids.js";
import { unknownReportError } from "./unknown-report.js";

export interface AskDeps {
  index: () => SearchIndex;
  retrieve: Retrieve;
  answerer: Answerer;
  /** Reads a follow-up as a standalone question when `history` is given. */
  rewriter: FollowUpRewriter;
  /** Stands in when the answerer cites text that is not in the index. */
  extractive: Answerer;
  maxQuestionChars: number;
  logger: Logger;
  /** Why every answer would be "not found" while the index holds no report (a NO_REPORTS error). */
  noReports: () => DossierError;
  /** What an answerer that judges answerability (the chat model) reads: sentences, and chunks retrieved to find them. */
  wideContext: { sentences: number; chunks: number };
  /**
   * Default: the model shipped in src/engine/model; null weighs nothing (the engine without it, which its fit is
   * measured against).
   */
  followUpModel?: FollowUpModel | null;
  /** Hears the evidence the follow-up model weighed for a follow-up: what `npm run calibrate:followups` fits on. */
  onFollowUpEvidence?: (weighed: WeighedFollowUp["weighed"]) => void;
}

// How many ranked sentences the answerer may choose from.
const CANDIDATES = 8;
// Passages shown when Dossier is not sure enough to answer.
const RELATED = 3;

/** The `ask` use case: validate, retrieve, answer (or abstain with the closest passages), check every citation. */
export function createAsk(deps: AskDeps): (question: string, options?: AskOptions) => Promise<Answer> {
  const followUpModel = deps.followUpModel === undefined ? shippedFollowUpModel() : deps.followUpModel;
  return async (question, opts = {}) => {
    const started = performance.now();
    const text = validateQuestion(question, deps.maxQuestionChars);
    const index = deps.index();
    if (index.reports.length === 0) throw deps.noReports();
    const reportIds = opts.reportIds?.length ? asKnownIds(opts.reportIds, index.reports.map((r) => r.id)) : undefined;
    const unknown = reportIds?.filter((id) => !index.hasReport(id)) ?? [];
    if (unknown.length > 0) throw unknownReportError(unknown, index.reports.map((r) => r.id));

    // A question in another language is not a follow-up, whatever came before: the conversation's reports and words
    // would be shown in place of the hint that the reports are searched in English (ABSTAIN_FOREIGN_TEXT), and its
    // words, none of them the reports', say nothing of which turn it leans on.
    const foreign = readsAsForeign(text);
    const history = foreign ? undefined : opts.history;
    // The chat model decides for itself from a wide context; our judgement only stands when nothing was found.
    const modelDecides = deps.answerer.judgesAnswerability === true;

    /** Abstains (with the closest passages when they are near), or answers and checks every citation. */
    const draftFrom = async ({ judgement, candidates, around }: Retrieval, question: string): Promise<AnswerDraft> => {
      if (modelDecides ? candidates.length === 0 : !judgement.answerable) {
        // Decided by retrieval before any model is asked, so it is labelled as our own (extractive) answer.
        const related = judgement.related ? toCitations(distinctTexts(candidates).slice(0, RELATED)) : [];
        const nothing = foreign ? ABSTAIN_FOREIGN_TEXT : ABSTAIN_TEXT;
        return { text: related.length > 0 ? RELATED_TEXT : nothing, abstained: true, citations: [], related, mode: "extractive" };
      }
      // Only a sentence whose report holds every name the question uses may answer offline; an offline fallback of
      // the chat model still follows the offline judgement.
      // A close call the conversation settled checked its best passage only, and an introduction is the one sentence
      // asked for (the passages around it scored as low, being as far from a bare name): only that one may be cited, or
      // one introduction for each report that says otherwise what is asked (retrieval/introduction.ts). A byline is the
      // one sentence that says who wrote the report (retrieval/byline-answer.ts).
      const introduced = judgement.reason === INTRODUCES_THEM || judgement.reason === STATES_AUTHOR ? (judgement.introductions ?? 1) : 0;
      const onePassage = settledByConversation(judgement) || introduced > 0;
      const offered = !judgement.answerable ? [] : onePassage ? candidates.slice(0, Math.max(1, introduced)) : candidates.filter((c) => c.namesInOwnReport).slice(0, CANDIDATES);
      const context = modelDecides ? wideContext(candidates, around, deps.wideContext.sentences) : undefined;
      // Reports that spell an acronym out as different bodies, or name different holders of an office, are each quoted,
      // one line each: the answerer, choosing by score, would quote the best report's alone.
      const draft =
        introduced > 1 && !modelDecides
          ? combineParts(await Promise.all(offered.map(async (c) => ({ text: question, draft: await deps.answerer.answer({ question, candidates: [c], signal: opts.signal }) }))))
          : await deps.answerer.answer({ question, candidates: offered, context, onToken: draftStream(opts.onDraft), signal: opts.signal });
      if (citationsAreVerbatim(draft, index)) return draft;
      deps.logger.error({ question, answerer: deps.answerer.name }, "answer cited text that is not in the index; using the extractive answer");
      return { ...(await deps.extractive.answer({ question, candidates: offered })), mode: "extractive-fallback", note: "citation check failed" };
    };

    let aboutReports: Set<string> | undefined;
    let namedAbout: Set<string> | undefined;
    const named = () => (namedAbout ??= namedReports(history ?? [], index));
    const conversationAbout = () => (aboutReports ??= conversationReports(history ?? [], index, named()));
    /**
     * The report a conversation is about: the one the previous answer came from, or when it cited nothing, the one
     * report the conversation has been about, if there is one (the closest passage a turn showed, or every name a
     * question used). Its sentences rank a little higher for a reading in the conversation's light, and for a question
     * that names nothing ("What happened in May?"), which `withinConversation` already holds to the conversation,
     * unless its words say it left the conversation (`leavesConversation`).
     */
    const conversationReport = () => {
      if (!history?.length) return undefined;
      return answeredFrom(history) ?? (conversationAbout().size === 1 ? [...conversationAbout()][0] : undefined);
    };
    let leaves: boolean | undefined;
    /** A question naming nothing whose words the conversation's reports mostly lack (`changesSubject`), judged once. */
    const leavesConversation = () => (leaves ??= changesSubject(text, conversationAbout(), index));
    /**
     * The report the conversation's questions named: the only one holding every name one of them used. Typed by the
     * person, not found by retrieval, it tells what the conversation is about even when the previous turn cited
     * nothing ("and growth?" after "What is the Central Bank of Aldermark's inflation forecast?" was not sure).
     */
    const namedReport = () => (named().size === 1 ? [...named()][0] : undefined);
    /**
     * The reports a follow-up's own words are retrieved among: those the question may use; for a reading scoped to the
     * conversation (a question that names nothing, `scopedToConversation`), the conversation's reports, as its words
     * alone would find any report's.
     */
    const reportsForOwnWords = (scopedReading: boolean) => (scopedReading && reportIds === undefined && conversationAbout().size > 0 ? [...conversationAbout()] : reportIds);
    /**
     * Retrieves each part of a reading of the question, with the conversation's checks on what it finds; `within` one
     * report when given. A reading `scoped` to the conversation (`scopedToConversation`) is not settled by it: the
     * words it carries are the previous answer's, so they rank that answer's neighbours and report high by themselves,
     * and being beside or in them is no evidence ("how many people stayed at the evacuation centres", read with a
     * farmer's words, took the sentence on where he slept, beside his).
     */
    const retrieveReading = async (reading: FollowUpReading, { within, scoped = false }: { within?: string; scoped?: boolean } = {}) => {
      const asked = reading.question;
      const core = coreOf(asked);
      const retrieveOptions = {
        reportIds: within !== undefined ? [within] : reportIds,
        preferReportId: reading.preferredReportId ?? (reading.rewritten || (!namesSomething(text) && !leavesConversation()) ? conversationReport() : undefined),
        carriedContext: asked.slice(core.length).trim() || undefined,
        ...(modelDecides ? { topK: deps.wideContext.chunks } : {}),
      };
      // The offline answerer answers a two-part question part by part; a chat model reads the whole question.
      const parts = modelDecides ? [{ text: asked, query: core }] : splitQuestion(core);
      const retrievals = [];
      for (const part of parts) {
        let retrieval = await deps.retrieve(part.query, retrieveOptions);
        if (history?.length) {
          if (!scoped) retrieval = settledInPreviousAnswer(continuingPreviousAnswer(retrieval, history.at(-1), reading.rewritten), history.at(-1), text);
          retrieval = withinConversation(retrieval, text, conversationAbout, leavesConversation);
        }
        // The follow-up read with its own words only confirms a rewrite's answer or settles a close call. The chat
        // model decides for itself: the offline judgement answers for it only when it finds nothing, and then there is
        // nothing to confirm or settle. Its own words are retrieved among all the reports the question may use, also
        // in the retry within one report: among one report's sentences they rank nearly anything in the first three.
        // But those of a question that names nothing, read as about the conversation (`scopedToConversation`: "how
        // many customers" after "Why did Ridgeline Power cut electricity?"), find any report's customers among all, so
        // they are checked among the conversation's reports. A rewritten follow-up's stay checked among all: within its
        // one report "when was it found?" ranks "the week between discovery and notice" among the first three.
        if (history?.length && !modelDecides) {
          const ownWords = async (carriedContext?: string) => (reading.rewritten ? deps.retrieve(text, { ...retrieveOptions, reportIds: reportsForOwnWords(scoped), carriedContext }) : retrieval);
          if (retrieval.judgement.answerable) {
            if (reading.rewritten && !saysEllipsisSubject(retrieval, reading)) retrieval = confirmRewrittenAnswer(retrieval, await ownWords(asked));
            if (reading.rewritten) retrieval = answeredAfterNothingFound(yesOrNoByWordsAlone(retrieval, text), history.at(-1), text);
          } else if (retrieval.judgement.related && within === undefined && !scoped && !pointsBack(core)) {
            // Among one report's sentences the model is surer than among all: the settling was measured on the latter.
            // A reading with a pronoun that found nobody is not known to be about the previous turn's subject. The
            // typed words alone, without the reading, must find the passage.
            retrieval = settledInPreviousReport(retrieval, await ownWords(), text, answeredFrom(history) ?? namedReport(), reading.ellipsisSubject);
          }
        }
        // Last: whatever answered it, a cited sentence's figure must be the one asked for.
        if (history?.length) retrieval = factOfOldSubject(figureOfAnotherClause(retrieval, history.at(-1), text), history.at(-1), text);
        retrievals.push(retrieval);
      }
      return { reading, parts, retrievals };
    };

    let { reading, parts, retrievals } = await retrieveReading(
      history?.length ? await deps.rewriter.read(text, history, opts.signal) : { question: text, rewritten: false },
    );
    // "How many homes were hit?" stands on its own as written, but when it finds no answer so, it is read as meant:
    // about what the conversation is about. That reading answers only when it finds one.
    const scoped = history?.length && !reading.rewritten && !modelDecides && !retrievals.some((r) => r.judgement.answerable) ? scopedToConversation(text, history) : undefined;
    if (scoped) {
      const second = await retrieveReading(scoped, { scoped: true });
      if (second.retrievals.some((r) => r.judgement.answerable)) ({ reading, parts, retrievals } = second);
    }
    // A follow-up read in the conversation's light that finds no answer among all the reports is asked again within the
    // report the previous turn was about (`conversationReport`), as the reading says it is about that turn's subject:
    // another report's sentences no longer crowd out its passage or the follow-up's own words' ("what will that pay
    // for?"). So is the reading of a question that names nothing ("how many customers" after "Why did Ridgeline Power
    // cut electricity?"). When the previous turn cited nothing, the report is the one the conversation has been about:
    // "how long does the review take?" after "when will ostrander apply for approval" was not sure and showed the drug
    // trial's passages.
    // A question that names something and was answered as asked is not retried, nor one whose reading still has a
    // pronoun that found nobody ("Where does she work?"): who she is, the conversation has not said. Only the model's
    // own confidence answers there: among one report's sentences the rule that answers when every word of the question
    // is in a sentence finds one nearly always ("Who voted for the vote?" found the only vote against).
    const previousReport = conversationReport();
    // What is asked again: the rewrite, or for a question answered as asked, its reading scoped to the conversation.
    const retry = reading.rewritten ? { reading, scoped: false } : scoped ? { reading: scoped, scoped: true } : undefined;
    if (retry && !pointsBack(coreOf(retry.reading.question)) && previousReport !== undefined && !reportIds && !modelDecides && !retrievals.some((r) => r.judgement.answerable)) {
      const within = await retrieveReading(retry.reading, { within: previousReport, scoped: retry.scoped });
      if (within.retrievals.some((r) => r.judgement.answerable) && within.retrievals.every((r) => !r.judgement.answerable || r.judgement.reason === CONFIDENT)) {
        ({ reading, parts, retrievals } = within);
      }
    }
    // What the single-question judgement was not sure of, the conversation's evidence may settle. A two-part question is
    // left to its parts' judgements: the model was fitted on whole follow-ups.
    if (followUpModel && history?.length && !modelDecides && retrievals.length === 1) {
      const { retrieval, weighed } = settledByFollowUpModel(retrievals[0]!, history, text, followUpModel, reading.rewritten || !namesSomething(text));
      deps.onFollowUpEvidence?.(weighed);
      if (weighed.length > 0) deps.logger.debug({ question: text, weighed: weighed.map((w) => ({ id: w.candidate.sentence.id, text: w.candidate.sentence.text, probability: w.probability, features: w.features })) }, "follow-up evidence");
      retrievals = [retrieval];
    }
    // Last, whatever answered it: who spoke is what a question asking what someone said turns on, and what an elliptic
    // one asks about is what a settled answer must say.
    if (history?.length && !modelDecides) retrievals = retrievals.map((r) => subjectUnsaid(unsupportedWhatWasSaid(r, reading.question), text));
    const asked = reading.question;
    const t2 = performance.now();
    for (const r of retrievals) {
      deps.logger.debug(
        { question: r.question.text, answerType: r.question.answerType, judgement: r.judgement, top: r.candidates.slice(0, CANDIDATES).map((c) => ({ id: c.sentence.id, text: c.sentence.text, score: c.score, ...c.features })) },
        "retrieval",
      );
    }

    let draft = await draftFrom(retrievals[0]!, parts[0]!.text);
    if (parts.length > 1) {
      const drafts = [draft];
      for (let i = 1; i < parts.length; i++) drafts.push(await draftFrom(retrievals[i]!, parts[i]!.text));
      if (drafts.some((d) => !d.abstained)) draft = combineParts(parts.map((p, i) => ({ text: p.text, draft: drafts[i]! })));
    }
    // The offline judgement's checks; a chat model reading the wide context decides for itself.
    if (!modelDecides && history?.length && repeatsConversation(draft, text, history)) {
      draft = { text: RELATED_TEXT, abstained: true, citations: [], related: draft.citations.slice(0, RELATED), mode: draft.mode };
    }
    const t3 = performance.now();
    return {
      question: text,
      ...(reading.rewritten ? { standaloneQuestion: asked } : {}),
      ...draft,
      related: draft.related ?? [],
      timings: {
        embedMs: retrievals.reduce((sum, r) => sum + r.timings.embedMs, 0),
        retrieveMs: retrievals.reduce((sum, r) => sum + r.timings.retrieveMs, 0),
        answerMs: t3 - t2,
        totalMs: t3 - started,
      },
    };
  };
}

/**
 * The question as the engine reads it and every front end echoes it (a Discord answer's title, `--json`, the
 * conversation a follow-up reads): whitespace of any kind is one space, and terminal escape sequences and other
 * control characters are dropped, since no question means them (a stray arrow key's escape, a paste's C1 junk) and
 * echoed they could act on a terminal. Dropping rather than refusing keeps the words of such a paste answerable.
 */
function validateQuestion(question: string, maxChars: number): string {
  // Invisible characters that a phrase copied from a web page or a word processor carries (soft hyphens, zero-width
  // spaces and joiners) go first: the terms read past them, but the echo and the question's embedding would keep
  // them. Then ordinary whitespace: \r, \v and \f are controls to stripControl, but they separate words.
  const text = stripControl(dropInvisible(question).replace(/\s+/g, " ")).replace(/\s+/g, " ").trim();
  if (text === "") throw new DossierError("EMPTY_QUESTION", "Please ask a question: the text was empty.");
  // Punctuation or emoji alone ("?", "...", "🤔") asks nothing: read as a follow-up it became "read as: ?!?!...
  // (context: …)", a search on the last turn's words that the user never typed.
  if (!/[\p{L}\p{N}]/u.test(text)) throw new DossierError("EMPTY_QUESTION", "Please ask a question in words: that was only punctuation or symbols.");
  if (text.length > maxChars) {
    throw new DossierError("QUESTION_TOO_LONG", `That question is ${text.length} characters; the limit is ${maxChars}. Please shorten it.`);
  }
  return text;
}

/** Every citation must be a sentence of the live index, with text equal to its slice of the report. */
function citationsAreVerbatim(draft: AnswerDraft, index: SearchIndex): boolean {
  return draft.citations.every((c) => {
    const found = index.sentence(c.sentenceId);
    const text = found && index.reportText(found.report.id);
    return found !== undefined && text !== undefined && c.text === found.sentence.text && text.slice(c.start, c.end) === c.text;
  });
}
