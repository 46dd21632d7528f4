/**
 * Errors a user can act on. `message` is one friendly line fit to show anyone, a Discord user included, so it never
 * names a path on the server; `forOperator` is the same line for whoever runs Dossier (its terminal and log), which
 * may name them; `cause` keeps the details for logs.
 */
export type DossierErrorCode =
  | "EMPTY_QUESTION"
  | "QUESTION_TOO_LONG"
  | "UNKNOWN_REPORT"
  | "INDEX_MISSING"
  | "INDEX_CORRUPT"
  | "INDEX_UNWRITABLE"
  | "INDEX_UNREADABLE"
  | "EMBEDDER_MISMATCH"
  | "BAD_REPORT"
  | "NO_REPORTS"
  | "INGEST_FAILED"
  | "REMOVE_FAILED"
  | "MODEL_UNAVAILABLE"
  | "BUSY"
  | "STORE_UNAVAILABLE"
  | "URL_REFUSED"
  | "FETCH_FAILED"
  | "USAGE";

export class DossierError extends Error {
  override name = "DossierError";
  constructor(
    readonly code: DossierErrorCode,
    message: string,
    options?: { cause?: unknown; detail?: string; forOperator?: string },
  ) {
    super(message, options);
    this.detail = options?.detail;
    this.forOperator = options?.forOperator ?? message;
  }

  /** `message` as the person running Dossier reads it: the server's folders named where they help them act. */
  readonly forOperator: string;

  /** The bare reason inside `message` (e.g. which file is damaged), for callers that word their own line around it. */
  readonly detail: string | undefined;
}

/** The one line to show a user for any error: ours verbatim, anything else generic (details belong in the log). */
export function userMessage(error: unknown): string {
  if (error instanceof DossierError) return error.message;
  return GENERIC;
}

/** The one line for the terminal of whoever runs Dossier (the REPL, `ask`): as userMessage, the server's folders named. */
export function operatorMessage(error: unknown): string {
  if (error instanceof DossierError) return error.forOperator;
  return GENERIC;
}

const GENERIC = "Something went wrong while answering; the details are in the log.";
