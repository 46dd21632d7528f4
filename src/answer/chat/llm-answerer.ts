import type { ChatOpenAI } from "@langchain/openai";
import type { Logger } from "pino";
import type { Config } from "../../config.js";
import { silentLogger } from "../../logger.js";
import { createChatModel } from "../../openai/chat-model.js";
import { retryPolicy } from "../../openai/client-fields.js";
import { callModel } from "../../openai/model-call.js";
import { describeModelFailure, EmptyReplyError, NotAChatCompletionError, type ModelFailure } from "../../openai/model-failure.js";
import type { RetryPolicy } from "../../openai/retry.js";
import type { AnswerDraft, Answerer, AnswerRequest, RankedSentence } from "../answerer.js";
import { buildMessages, numberSources } from "./llm-prompt.js";
import { fromStructuredReply, modelAnswerJsonSchema, type ModelAnswer } from "./model-answer.js";
import { parseModelAnswer } from "./parse-model-answer.js";
import { verifyModelAnswer } from "./verify-model-answer.js";

export interface LlmAnswererOptions {
  config: Pick<Config, "openai">;
  /** Answers in the chat model's place whenever it fails; its draft is returned as `extractive-fallback`. */
  fallback: Answerer;
  logger?: Logger;
  /** The first wait before a retry (default a second); tests shorten it. */
  firstRetryDelayMs?: number;
}

/**
 * Answers with a chat model writing from numbered source sentences, then verifies every citation in our code.
 *
 * Reply format: with `onToken` the model writes text with `[S#]` markers, which streams token by token; without
 * it the model is asked for structured JSON (ids constrained to an enum), and a server that rejects structured
 * output is asked for text from then on. Both formats are read into the same claims and verified the same way,
 * so structured output only makes well-formed replies likelier; it is never trusted more.
 *
 * Every model call runs under deadlines of our own (see `callModel`): the client's timeout only covers the wait
 * for a reply's headers, so without them a server that starts a reply and stalls would hold `answer()` forever.
 */
export class LlmAnswerer implements Answerer {
  readonly name: string;
  readonly judgesAnswerability = true;
  private readonly model: ChatOpenAI;
  private readonly openai: Config["openai"];
  private readonly fallback: Answerer;
  private readonly logger: Logger;
  private readonly retry: RetryPolicy;
  private structuredOutput = true;
  /** Set by a failure no retry can fix (bad key, unknown model): later questions skip the model. */
  private blockedBy: ModelFailure | undefined;

  /** Throws a MODEL_UNAVAILABLE DossierError when neither a key nor a base URL is configured. */
  constructor({ config, fallback, logger, firstRetryDelayMs }: LlmAnswererOptions) {
    this.openai = config.openai;
    this.retry = retryPolicy(config.openai, firstRetryDelayMs);
    this.fallback = fallback;
    this.logger = logger ?? silentLogger;
    // CHAT_MAX_TOKENS: a runaway reply ends at the server, not only where the front ends stop showing it.
    this.model = createChatModel(config.openai, { maxTokens: config.openai.maxTokens });
    this.name = `llm:${config.openai.chatModel}`;
  }

  async answer(request: AnswerRequest): Promise<AnswerDraft> {
    if (this.blockedBy) return this.fallBack(request, this.blockedBy.message);
    const sources = numberSources(request.context ?? request.candidates);
    if (sources.size === 0) return this.fallback.answer(request);

    let reply: ModelAnswer;
    try {
      reply = request.onToken
        ? await this.streamText(request.question, sources, request.onToken, request.signal)
        : await this.complete(request.question, sources, request.signal);
    } catch (error) {
      if (request.signal?.aborted) throw error;
      return this.fallBack(request, this.noteFailure(error).message);
    }

    const verified = verifyModelAnswer(reply, sources);
    if (verified.unknownIds.length > 0) {
      this.logger.warn({ unknownIds: verified.unknownIds }, "chat model cited ids it was not given; dropped them");
    }
    if (verified.droppedClaims.length > 0) {
      this.logger.warn({ dropped: verified.droppedClaims }, "removed answer sentences that failed verification");
    }
    if (reply.found && verified.draft.abstained) {
      this.logger.warn("chat model answered without a single valid citation; abstaining");
    }
    return verified.draft;
  }

  private async streamText(
    question: string,
    sources: ReadonlyMap<string, RankedSentence>,
    onToken: (textSoFar: string) => void,
    signal: AbortSignal | undefined,
  ): Promise<ModelAnswer> {
    let chunks = 0;
    // Once tokens have been shown a retry would start the draft over, so only a reply that never began is retried.
    const text = await this.call(signal, async (bounded, alive) => {
      let soFar = "";
      for await (const chunk of await this.model.stream(buildMessages(question, sources, "text"), { signal: bounded })) {
        // Any chunk, even an empty one, shows the server is still writing.
        alive();
        chunks++;
        if (chunk.text === "") continue;
        soFar += chunk.text;
        onToken(soFar);
      }
      // A real server's stream always has events (at least the role and the finish); none means the body was not
      // server-sent events at all, e.g. an HTML page, which the client reads as an empty stream.
      if (chunks === 0) throw new NotAChatCompletionError("the streamed reply held no chat completion chunks");
      return withText(soFar, "the streamed reply");
    }, () => chunks === 0);
    return parseModelAnswer(text);
  }

  private async complete(
    question: string,
    sources: ReadonlyMap<string, RankedSentence>,
    signal: AbortSignal | undefined,
  ): Promise<ModelAnswer> {
    if (this.structuredOutput) {
      try {
        // With the raw reply, an empty one is told apart from one the parser failed on: it says nothing about the
        // server's structured output, so it must not switch this answerer to text for the rest of the process.
        const structured = this.model.withStructuredOutput(modelAnswerJsonSchema([...sources.keys()]), {
          method: "jsonSchema",
          name: "cited_answer",
          strict: true,
          includeRaw: true,
        });
        const { raw, parsed } = await this.call(signal, (bounded) =>
          structured.invoke(buildMessages(question, sources, "json"), { signal: bounded }),
        );
        withText(raw.text, "the reply");
        const answer = fromStructuredReply(parsed);
        if (answer) return answer;
        this.logger.warn("chat model's JSON reply did not match the schema; treating it as citing nothing");
        return { found: true, claims: [] };
      } catch (error) {
        if (!this.structuredOutputUnsupported(error)) throw error;
        this.structuredOutput = false;
        this.logger.info("chat model server does not do structured output; using the text format from now on");
      }
    }
    // If this reply cannot be parsed either, the server is not speaking the chat completions API at all: the
    // SyntaxError reaches noteFailure, which names it "not an OpenAI chat completion".
    const reply = await this.call(signal, (bounded) =>
      this.model.invoke(buildMessages(question, sources, "text"), { signal: bounded }),
    );
    // Read as text, nothing at all would be a claim-less answer, and so "I couldn't find that in the reports".
    return parseModelAnswer(withText(reply.text, "the reply"));
  }

  private call<T>(
    signal: AbortSignal | undefined,
    attempt: (signal: AbortSignal, alive: () => void) => Promise<T>,
    mayRetry?: () => boolean,
  ): Promise<T> {
    return callModel({ openai: this.openai, retry: this.retry, signal, mayRetry }, attempt);
  }

  /**
   * A 400 means the server refuses `response_format`; a SyntaxError means it ignored it and the model wrote
   * prose, which the openai client then failed to parse as JSON. Either way that server will not do it next time.
   */
  private structuredOutputUnsupported(error: unknown): boolean {
    return error instanceof SyntaxError || describeModelFailure(error, this.openai).kind === "rejected";
  }

  private async fallBack(request: AnswerRequest, note: string): Promise<AnswerDraft> {
    // The fallback's text replaces whatever was streamed; it is not streamed itself.
    const draft = await this.fallback.answer({ ...request, onToken: undefined });
    return { ...draft, mode: "extractive-fallback", note };
  }

  private noteFailure(error: unknown): ModelFailure {
    const failure = describeModelFailure(error, this.openai);
    if (failure.permanent) {
      this.blockedBy = failure;
      this.logger.error(
        { kind: failure.kind, status: failure.status },
        `${failure.message}; extractive answers until restart`,
      );
    } else {
      this.logger.warn({ kind: failure.kind, status: failure.status }, `${failure.message}; answering extractively`);
      // The error itself (a stack trace, maybe the server's text) only helps someone debugging an unexpected failure.
      if (failure.kind === "other" || failure.kind === "not-openai") {
        this.logger.debug({ err: error }, "chat model failure in detail");
      }
    }
    return failure;
  }
}

/**
 * A reply's text, or `EmptyReplyError` when it holds none: a model that wrote nothing (tokens spent on reasoning, a
 * filtered reply) gave no answer, which is not the same as saying the reports lack one.
 */
function withText(text: string, reply: string): string {
  if (text.trim() === "") throw new EmptyReplyError(`${reply} held no text`);
  return text;
}
