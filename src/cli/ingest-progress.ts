import type { EmbedProgress } from "../engine/embedding-progress.js";

interface Terminal {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

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
  private lastDraw = 0;
  private shown = false;

  constructor(
    private readonly terminal: Terminal,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** For `ingestReports`' onEmbedProgress. */
  update(progress: EmbedProgress): void {
    this.started ??= this.now();
    if (progress.done > this.done) this.embedded += progress.done - this.done;
    this.done = progress.done;
    this.total = progress.total;
    this.draw();
  }

  reportFinished(): void {
    this.reportsDone += 1;
    this.done = 0;
  }

  /** The status line as it stands. */
  line(): string {
    const seconds = this.started === undefined ? 0 : (this.now() - this.started) / 1000;
    const rate = seconds > 0 ? this.embedded / seconds : 0;
    const left = rate > 0 ? (this.total - this.done) / rate : undefined;
    const parts = [
      `report ${this.reportsDone + 1}`,
      `${this.done.toLocaleString("en")}/${this.total.toLocaleString("en")} sentences embedded`,
      `${rate.toFixed(0)} sentences/s`,
      left === undefined ? "" : `about ${formatSeconds(left)} left`,
    ];
    return parts.filter(Boolean).join(" · ");
  }

  /** Clears the status line, so an ordinary output line can follow. */
  clear(): void {
    if (this.shown) this.terminal.write("\r\x1b[2K");
    this.shown = false;
  }

  private draw(): void {
    if (this.terminal.isTTY !== true) return;
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
