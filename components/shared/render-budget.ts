/**
 * How many new items one render may create. Building an item's DOM is what costs (the filter
 * itself is a scan of short strings), so a render that would create hundreds at once (the first
 * render, a cleared search, a section shown again) creates a bounded number, in reading order,
 * and the element renders again for the rest: no task grows with the size of the record, nor with
 * the thousands of records of a clinic's access list. Items already on screen cost next to nothing
 * to keep, so they never wait.
 *
 * The bound follows the machine: each render that created items sizes the next one to take about
 * `targetMs`, so a slow phone gets smaller renders and a fast desktop fewer of them. The first
 * render creates `first` items, about a screenful, so that the first of them show as soon as they can.
 */
export class RenderBudget {
  private shown = new Set<string>();
  private next = new Set<string>();
  private left = 0;
  private skipped = 0;
  private created = 0;
  private started = 0;
  private perRender: number;

  constructor(
    first: number,
    private readonly targetMs: number,
    private readonly most: number,
  ) {
    this.perRender = first;
  }

  /**
   * Starts a render that creates at least `atLeast` new items (when that many are due): more than
   * the machine's pace for a printout the reader waits for, every one for a print started from the
   * browser's menu, which is laid out as soon as its event returns.
   */
  begin(atLeast = 0): void {
    this.next = new Set();
    this.left = Math.max(this.perRender, atLeast);
    this.skipped = 0;
    this.created = 0;
    this.started = performance.now();
  }

  /**
   * The items of `list` this render shows, in order: those already shown, and new ones while there
   * is room; and any item `due` names whatever the room (one the keyboard's focus is to land on).
   */
  take<T>(list: readonly T[], key: (item: T) => string, due?: (item: T) => boolean): T[] {
    const out: T[] = [];
    for (const item of list) {
      const k = key(item);
      const old = this.shown.has(k);
      if (old || this.left > 0 || due?.(item)) {
        if (!old) {
          this.left = Math.max(this.left - 1, 0);
          this.created++;
        }
        out.push(item);
        this.next.add(k);
      } else {
        this.skipped++;
      }
    }
    return out;
  }

  /** How many items the render so far left for a later one (a printout says how many it leaves out). */
  get missed(): number {
    return this.skipped;
  }

  /** Ends the render; true when items were left for the next one. */
  end(): boolean {
    this.shown = this.next;
    if (this.created > 0) {
      // What the render cost per new item, its fixed part included: the next one errs on the small side.
      const perItem = Math.max(performance.now() - this.started, 1) / this.created;
      const fits = Math.floor(this.targetMs / perItem);
      this.perRender = Math.max(MIN_PER_RENDER, Math.min(fits, this.perRender * 2, this.most));
    }
    return this.skipped > 0;
  }
}

/** However slow the last render, the next one still makes progress. */
const MIN_PER_RENDER = 4;
