/**
 * Per-session memory of record keys, by sign public key, so that one signer call unlocks every
 * part of a record and a second look at the same record needs none. Keys are bytes only, never
 * strings, and are wiped on demand (sign-out, disconnect).
 */
export class RecordKeyCache {
  private readonly keys = new Map<string, Uint8Array>();

  /** The cached key for a record (its sign or view secret key), if any. The bytes stay owned by the cache. */
  get(signPubkey: string): Uint8Array | undefined {
    return this.keys.get(signPubkey);
  }

  /** Remembers a copy of `key` for the record signed by `signPubkey`. */
  set(signPubkey: string, key: Uint8Array): void {
    this.delete(signPubkey);
    this.keys.set(signPubkey, Uint8Array.from(key));
  }

  /** Forgets (and wipes) one record's key. */
  delete(signPubkey: string): void {
    this.keys.get(signPubkey)?.fill(0);
    this.keys.delete(signPubkey);
  }

  /** How many records' keys are held. */
  get size(): number {
    return this.keys.size;
  }

  /** Wipes and forgets every key. */
  wipe(): void {
    for (const k of this.keys.values()) k.fill(0);
    this.keys.clear();
  }
}
