/**
 * Per-session memory of record keys, so that one signer call unlocks every part of a record and a
 * second look at the same record needs none. Entries are keyed by reader and record
 * (`<reader pubkey>:<sign pubkey>`), so a key one user unlocked never serves another. Keys are
 * bytes only, never strings, and are wiped on demand (sign-out, disconnect).
 */
export class RecordKeyCache {
  private readonly keys = new Map<string, Uint8Array>();

  /** The cached key for a record (its sign or view secret key), if any. The bytes stay owned by the cache. */
  get(id: string): Uint8Array | undefined {
    return this.keys.get(id);
  }

  /** Remembers a copy of `key` under `id`. */
  set(id: string, key: Uint8Array): void {
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

  /** Wipes and forgets every key. */
  wipe(): void {
    for (const k of this.keys.values()) k.fill(0);
    this.keys.clear();
  }
}
