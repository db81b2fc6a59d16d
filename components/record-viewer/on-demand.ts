/**
 * A part of the viewer fetched the first time it is needed rather than with the element, so that a
 * page showing a record downloads only what the record's first view uses. One fetch serves every
 * viewer of the page. A failed one (a lost connection) is `failed`, which the viewer tells the
 * reader; it is tried again only when the reader next needs the part, never by a render on its own.
 */
import { loadPart } from '../core/errors.js';

export class OnDemand<T> {
  /** The part, once it arrived. */
  value?: T;
  /** Whether its last fetch failed (until one succeeds). */
  failed = false;
  private loading?: Promise<T>;

  /** `fetch` is written `() => import('./x.js').then((m) => m.name)`: the single file then holds the part itself. */
  constructor(private readonly fetch: () => Promise<T>) {}

  /** The part, fetched if need be; a failed fetch rejects with a PartUnavailableError. */
  load(): Promise<T> {
    return (this.loading ??= loadPart(this.fetch).then(
      (value) => {
        this.failed = false;
        return (this.value = value);
      },
      (error: unknown) => {
        this.loading = undefined;
        this.failed = true;
        throw error;
      },
    ));
  }

  /**
   * The part for a render: once here; until then undefined, and `settled` (a render again) runs
   * when it arrives or fails. After a failure a render does not fetch it again: each would fail
   * and render again, without end.
   */
  now(settled: () => void): T | undefined {
    if (!this.value && !this.failed) this.load().then(settled, settled);
    return this.value;
  }

  /** While it is on its way: settles (never rejects) once it arrived or failed to. */
  get arriving(): Promise<unknown> | undefined {
    return this.value ? undefined : this.loading?.catch(() => undefined);
  }
}
