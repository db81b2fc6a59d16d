/**
 * A part of the viewer fetched the first time it is needed rather than with the element, so that a
 * page showing a record downloads only what the record's first view uses. One fetch serves every
 * viewer of the page; a failed one (a lost connection) is tried again at the next need.
 */
export class OnDemand<T> {
  /** The part, once it arrived. */
  value?: T;
  private loading?: Promise<T>;

  /** `fetch` is written `() => import('./x.js').then((m) => m.name)`: the single file then holds the part itself. */
  constructor(private readonly fetch: () => Promise<T>) {}

  load(): Promise<T> {
    return (this.loading ??= this.fetch().then(
      (value) => (this.value = value),
      (error: unknown) => {
        this.loading = undefined;
        throw error;
      },
    ));
  }

  /** The part for a render: once here; until then undefined, and `arrived` (a render again) runs when it is. */
  now(arrived: () => void): T | undefined {
    if (!this.value) this.load().then(arrived, () => undefined);
    return this.value;
  }

  /** While it is on its way: settles (never rejects) once it arrived or failed to. */
  get arriving(): Promise<unknown> | undefined {
    return this.value ? undefined : this.loading?.catch(() => undefined);
  }
}
