import type { DossierEmbeddings } from "../embeddings/embeddings-contract.js";

interface Terminal {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

// Batches are a multiple of the local embedder's own batch size (16), so the vectors are the same as unbatched.
const BATCH = 64;
// Below this, the work is over before a progress line would help.
const SHOW_AFTER_MS = 1_000;
const REDRAW_MS = 250;

/**
 * One self-rewriting status line on a terminal while ingest embeds: which report (by number), sentences embedded of
 * that report, the rate, and the time left for it. A single line needs no progress-bar library; it is cleared before
 * any ordinary output line so the per-report lines stay clean. Not on a terminal, it writes nothing.
 */
export class IngestProgress {
  private reportsDone = 0;
  private done = 0;
  private total = 0;
  private embedded = 0;
  private started: number | undefined;
  private embeddingMs = 0;
  private lastDraw = 0;
  private shown = false;

  constructor(
    private readonly terminal: Terminal,
    private readonly now: () => number = () => performance.now(),
  ) {}

  get active(): boolean {
    return this.terminal.isTTY === true;
  }

  /** Embeddings that report each batch to this progress line. */
  wrap(embeddings: DossierEmbeddings): DossierEmbeddings {
    const embedDocuments = async (texts: string[]): Promise<number[][]> => {
      this.started ??= this.now();
      this.done = 0;
      this.total = texts.length;
      const out: number[][] = [];
      for (let i = 0; i < texts.length; i += BATCH) {
        const t0 = this.now();
        out.push(...(await embeddings.embedDocuments(texts.slice(i, i + BATCH))));
        this.embeddingMs += this.now() - t0;
        const n = Math.min(BATCH, texts.length - i);
        this.done += n;
        this.embedded += n;
        this.draw();
      }
      return out;
    };
    return new Proxy(embeddings, {
      get: (target, prop, receiver) => (prop === "embedDocuments" ? embedDocuments : Reflect.get(target, prop, receiver)),
    });
  }

  reportFinished(): void {
    this.reportsDone += 1;
  }

  /** The status line as it stands (exposed for tests). */
  line(): string {
    const rate = this.embeddingMs > 0 ? (this.embedded / this.embeddingMs) * 1000 : 0;
    const left = rate > 0 ? (this.total - this.done) / rate : undefined;
    const parts = [
      `report ${this.reportsDone + 1}`,
      `${this.done.toLocaleString("en")}/${this.total.toLocaleString("en")} sentences embedded`,
      `${rate.toFixed(0)} sentences/s`,
      left === undefined ? "" : `about ${formatSeconds(left)} left`,
    ];
    return parts.filter(Boolean).join(" · ");
  }

  /** Writes an ordinary output line, clearing the status line first so the two never mix. */
  clear(): void {
    if (this.shown) this.terminal.write("\r\x1b[2K");
    this.shown = false;
  }

  private draw(): void {
    if (!this.active) return;
    const now = this.now();
    if (now - (this.started ?? now) < SHOW_AFTER_MS || now - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = now;
    const width = Math.max(20, (this.terminal.columns || 80) - 1);
    this.terminal.write(`\r\x1b[2K${this.line().slice(0, width)}`);
    this.shown = true;
  }
}

function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}
