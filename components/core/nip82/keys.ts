/**
 * Per-session memory of record keys, so that one signer call unlocks every part of a record and a
 * second look at the same record needs none. Entries are keyed by reader and record
 * (`<reader pubkey>:<sign pubkey>`), so a key one user unlocked never serves another. Keys are
 * bytes only, never strings, and are wiped on demand (sign-out, disconnect).
 */
export class RecordKeyCache {
  private readonly keys = new Map<string, Uint8Array>();
  private wipes = 0;

  /**
   * Changes with every {@link wipe}. An opening that began before a wipe (its signer call or its
   * decrypting was still under way at sign-out) passes the value it began with to {@link set},
   * which then keeps nothing: a key must not outlive the sign-out that happened while it was read.
   */
  get generation(): number {
    return this.wipes;
  }

  /** The cached key for a record (its sign or view secret key), if any. The bytes stay owned by the cache. */
  get(id: string): Uint8Array | undefined {
    return this.keys.get(id);
  }

  /** Remembers a copy of `key` under `id`, unless the cache was wiped since `generation` (when given). */
  set(id: string, key: Uint8Array, generation?: number): void {
    if (generation !== undefined && generation !== this.wipes) return;
    this.delete(id);
    this.keys.set(id, Uint8Array.from(key));
  }

  /** Forgets (and wipes) one record's key. */
  delete(id: string): void {
    this.keys.get(id)?.fill(0);
    this.keys.delete(id);
  }

  /** How many records' keys are held. */
  get size(): number {
    return this.keys.size;
  }

  /** Copies every key into `other` (the same reader's next store). */
  copyTo(other: RecordKeyCache): void {
    for (const [id, key] of this.keys) other.set(id, key);
  }

  /** Wipes and forgets every key. */
  wipe(): void {
    this.wipes++;
    for (const k of this.keys.values()) k.fill(0);
    this.keys.clear();
  }
}
