/**
 * How much one read may download. Events are counted as they arrive, valid or not, by the
 * characters of their content and tags: what a relay can make the reader hold in memory. Every
 * relay and every page of one read draws on the same budget, so neither more relays nor more
 * pages let a relay make the reader hold more.
 */

/** Default budget of one read of records or messages: 64 million characters (about 64 MB). */
export const DEFAULT_MAX_CHARS_PER_READ = 64 * 1024 * 1024;

/**
 * Characters one person's profile (kind 0) may take in a read of names: a name and a short text;
 * a picture is a link. A larger profile is skipped (that person's short npub is shown).
 */
export const MAX_PROFILE_CHARS = 64 * 1024;

/** What a budget says of one arriving event. */
export type Admission = 'taken' | 'too-large' | 'spent';

export class ReadBudget {
  private left: number;

  /** `maxEventChars`: an event larger than this is skipped, and the read goes on without it. */
  constructor(readonly maxChars: number, private readonly maxEventChars = Infinity) {
    this.left = Math.max(0, maxChars);
  }

  /**
   * Counts an event as it arrives. `spent` once the budget is (the event is then not kept, and the
   * read stops); `too-large` for one event over the per-event cap, which costs nothing, so one
   * oversized event cannot crowd out the rest (a name the size of a book, say).
   */
  take(event: unknown): Admission {
    if (this.left <= 0) return 'spent';
    const chars = charsOf(event);
    if (chars > this.maxEventChars) return 'too-large';
    this.left -= chars;
    return this.left >= 0 ? 'taken' : 'spent';
  }

  get spent(): boolean {
    return this.left <= 0;
  }

  /** Why a read stopped at this budget, for a query report. */
  get reason(): string {
    const size = this.maxChars >= 1024 * 1024 ? `${Math.round(this.maxChars / (1024 * 1024))} MB` : `${Math.ceil(this.maxChars / 1024)} KB`;
    return `The read stopped at ${size}, the most one read takes; the rest were not read.`;
  }
}

/** Characters of an event's content and tags, whatever their shape (the event is not checked yet). */
function charsOf(event: unknown): number {
  if (typeof event !== 'object' || event === null) return 0;
  const { content, tags } = event as { content?: unknown; tags?: unknown };
  let n = typeof content === 'string' ? content.length : 0;
  if (Array.isArray(tags)) {
    for (const tag of tags) {
      if (!Array.isArray(tag)) continue;
      for (const value of tag) if (typeof value === 'string') n += value.length;
    }
  }
  // The id, key and signature every event carries, so a flood of empty events counts too.
  return n + 256;
}
