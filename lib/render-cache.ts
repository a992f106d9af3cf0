/**
 * A small least-recently-used cache of rendered HTML, keyed by everything the
 * render reads. Rendering is a pure function of its inputs (an issued version
 * never changes), so a key that names every input can never serve a stale
 * page: when the clinic's name or phone changes, or the day turns, or the
 * patient ticks something, the key changes and the old entry simply ages out.
 */
export class RenderCache {
  private readonly entries = new Map<string, string>();
  hits = 0;
  misses = 0;

  constructor(private readonly maxEntries: number) {}

  /** The cached HTML for `key`, or `render()`'s answer, kept for next time. */
  get(key: string, render: () => string): string {
    return this.recall(key) ?? this.keep(key, render());
  }

  /**
   * The same for a render that has to wait for something first (a QR code to
   * draw): on a hit, `render` is not called at all. Two requests missing the
   * same key at once both render; the second answer simply replaces the first.
   */
  async getAsync(key: string, render: () => Promise<string>): Promise<string> {
    return this.recall(key) ?? this.keep(key, await render());
  }

  get size() {
    return this.entries.size;
  }

  private recall(key: string): string | undefined {
    const cached = this.entries.get(key);
    if (cached === undefined) {
      this.misses++;
      return undefined;
    }
    // Move to the newest end, so the oldest unused entry is the one dropped.
    this.entries.delete(key);
    this.entries.set(key, cached);
    this.hits++;
    return cached;
  }

  private keep(key: string, html: string): string {
    this.entries.delete(key);
    this.entries.set(key, html);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return html;
  }
}
