/**
 * How many new items one render may create. Building an item's DOM is what costs (the filter
 * itself is a scan of short strings), so a render that would create hundreds at once (the first
 * render, a cleared search, a section shown again) creates a bounded number, in reading order,
 * and the element renders again for the rest: no task grows with the size of the record. Items
 * already on screen cost next to nothing to keep, so they never wait.
 */
export class RenderBudget {
  private shown = new Set<string>();
  private next = new Set<string>();
  private left = 0;
  private skipped = false;

  constructor(readonly perRender: number) {}

  /** Starts a render. */
  begin(): void {
    this.next = new Set();
    this.left = this.perRender;
    this.skipped = false;
  }

  /** The items of `list` this render shows, in order: those already shown, and new ones while there is room. */
  take<T>(list: readonly T[], key: (item: T) => string): T[] {
    const out: T[] = [];
    for (const item of list) {
      const k = key(item);
      if (this.shown.has(k) || this.left > 0) {
        if (!this.shown.has(k)) this.left--;
        out.push(item);
        this.next.add(k);
      } else {
        this.skipped = true;
      }
    }
    return out;
  }

  /** Ends the render; true when items were left for the next one. */
  end(): boolean {
    this.shown = this.next;
    return this.skipped;
  }
}
