/**
 * What a host hands an element for the person signed in (records it opened, a Bundle, a request to
 * answer) is that person's: when they leave (a sign-out, another account, another signer), what the
 * element took while they were in goes with them, as the session's own records do. A value handed in
 * after they left (at the sign-out itself, for whoever comes next) is not theirs, and stays.
 */
import type { RecordStore } from '../core/store/record-store.js';
import type { Signer } from '../core/signers/signer.js';

/** Whose a value was when the element took it: the store and signer in effect then. */
interface Taken {
  value: unknown;
  /** Undefined when no store was in effect, or only one closed by a sign-out not yet heard. */
  store?: RecordStore;
  signer?: Signer;
}

export class HandedIn<H extends object> {
  private readonly taken = new Map<keyof H, Taken>();

  constructor(
    private readonly host: H,
    private readonly keys: () => readonly (keyof H)[],
  ) {}

  /** Takes note of the values newly in place, and whose they are (once per update). */
  took(store: RecordStore | undefined, signer: Signer | undefined): void {
    for (const key of this.keys()) {
      const value = this.host[key];
      if (this.taken.get(key)?.value === value) continue;
      this.taken.set(key, { value, store: store && !store.isClosed ? store : undefined, signer });
    }
  }

  /** The person of `store` left it (it was cleared): what was handed in while it was theirs goes. */
  storeCleared(store: RecordStore | undefined): void {
    if (store) this.dropWhere((t) => t.store === store);
  }

  /** Another store (or none) is in effect: what was handed in under an earlier one goes. */
  storeReplaced(current: RecordStore | undefined): void {
    this.dropWhere((t) => t.store !== undefined && t.store !== current);
  }

  /** The element's own signer now answers for someone else, or was replaced: what was handed in under it goes. */
  signerLeft(signer: Signer): void {
    this.dropWhere((t) => t.signer === signer);
  }

  private dropWhere(gone: (taken: Taken) => boolean): void {
    for (const [key, taken] of this.taken) {
      if (!gone(taken)) continue;
      this.taken.delete(key);
      if (taken.value !== undefined && this.host[key] === taken.value) (this.host as Record<keyof H, unknown>)[key] = undefined;
    }
  }
}
