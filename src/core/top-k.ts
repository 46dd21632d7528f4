/** The k best by `score`, ties broken by the smaller `key`, kept sorted as items arrive. */
export class TopK<T> {
  readonly items: T[] = [];

  constructor(
    private readonly k: number,
    private readonly score: (x: T) => number,
    private readonly key: (x: T) => number,
  ) {}

  /** Whether an item with this score could enter (an equal score may, on its key). */
  admits(score: number): boolean {
    return this.items.length < this.k || (this.k > 0 && score >= this.score(this.items[this.k - 1]!));
  }

  add(item: T): void {
    const { items, k } = this;
    if (items.length === k && !this.better(item, items[k - 1]!)) return;
    let i = Math.min(items.length, k - 1);
    if (items.length < k) items.push(item);
    while (i > 0 && this.better(item, items[i - 1]!)) {
      items[i] = items[i - 1]!;
      i--;
    }
    items[i] = item;
  }

  private better(a: T, b: T): boolean {
    const sa = this.score(a);
    const sb = this.score(b);
    return sa > sb || (sa === sb && this.key(a) < this.key(b));
  }
}
