interface Job {
  run: () => void;
}

/**
 * Caps how many answers are computed at once. Work beyond the cap waits, and waiting work is served round-robin
 * across keys (users), so one person's burst cannot push everyone else to the back; nothing is ever dropped.
 */
export class InFlightQueue {
  private active = 0;
  /** Insertion order of this map is the rotation order; a key moves to the back each time it is served. */
  private readonly waiting = new Map<string, Job[]>();

  constructor(private readonly maxInFlight: number) {
    if (maxInFlight < 1) throw new RangeError("maxInFlight must be at least 1");
  }

  get queued(): number {
    let n = 0;
    for (const jobs of this.waiting.values()) n += jobs.length;
    return n;
  }

  /** Runs `task` now if a slot is free, otherwise calls `onQueued` with how many tasks are waiting and runs it in turn. */
  run<T>(key: string, task: () => Promise<T>, onQueued?: (waiting: number) => void): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const job: Job = {
        run: () => {
          this.active++;
          Promise.resolve()
            .then(task)
            .then(resolve, reject)
            .finally(() => {
              this.active--;
              this.next();
            });
        },
      };
      if (this.active < this.maxInFlight && this.waiting.size === 0) {
        job.run();
        return;
      }
      const jobs = this.waiting.get(key);
      if (jobs) jobs.push(job);
      else this.waiting.set(key, [job]);
      onQueued?.(this.queued);
    });
  }

  private next(): void {
    const first = this.waiting.entries().next();
    if (first.done) return;
    const [key, jobs] = first.value;
    const job = jobs.shift();
    this.waiting.delete(key);
    if (jobs.length > 0) this.waiting.set(key, jobs);
    job?.run();
  }
}
