/**
 * Kind-0 profile names, best effort: a name helps a patient recognise who asks, but it is
 * self-chosen and not unique, so it is cleaned and always shown beside the short npub.
 */
import { keyBatches, type RelayClient } from '../core/relay/client.js';
import { MAX_PROFILE_CHARS } from '../core/relay/read-budget.js';
import { hasValidSignature, type NostrEvent } from '../core/events.js';
import { cleanName, hadInvisibleCharacters } from './identity.js';

export interface ProfileName {
  name: string;
  /** The raw name carried bidi or zero-width characters (worth a warning). */
  suspicious: boolean;
}

/**
 * The name in each key's newest profile (kind 0) among `events`, cleaned: its display name, else
 * its name. A relay's answer is not taken on trust: only a validly signed profile counts, under
 * the key that signed it, so no one's profile names another.
 */
export function namesFromProfiles(events: readonly NostrEvent[]): Map<string, ProfileName> {
  const newest = new Map<string, NostrEvent>();
  for (const e of events) {
    if (e.kind !== 0 || !hasValidSignature(e)) continue;
    const seen = newest.get(e.pubkey);
    if (!seen || e.created_at > seen.created_at || (e.created_at === seen.created_at && e.id < seen.id)) newest.set(e.pubkey, e);
  }
  const out = new Map<string, ProfileName>();
  for (const [pubkey, event] of newest) {
    let meta: unknown;
    try {
      meta = JSON.parse(event.content);
    } catch {
      continue; // a profile that is not JSON has no name to show
    }
    if (!meta || typeof meta !== 'object' || Array.isArray(meta)) continue;
    const { display_name: display, name: plain } = meta as Record<string, unknown>;
    const shown = cleanName(display);
    const name = shown || cleanName(plain);
    if (name) out.set(pubkey, { name, suspicious: hadInvisibleCharacters(display) || (!shown && hadInvisibleCharacters(plain)) });
  }
  return out;
}

/**
 * At most this many names are looked up at a time: a record holds keys for at most 256 people,
 * and what a record lists beyond them (a `p` tag costs nothing) must not decide how much the page
 * asks of relays. Callers put the keys that matter most first.
 */
export const MAX_NAMES_LOOKED_UP = 256;

/**
 * The profile names of `pubkeys` (the first MAX_NAMES_LOOKED_UP) on `client`'s relays, waiting at
 * most `timeoutMs`. The keys every relay answered for to the end go into `answered`: those it has
 * no name for have none there, as far as the relays say.
 */
export async function profileNames(client: RelayClient, pubkeys: readonly string[], timeoutMs = 3000, answered?: Set<string>): Promise<Map<string, ProfileName>> {
  const keys = [...new Set(pubkeys)].slice(0, MAX_NAMES_LOOKED_UP);
  // Each batch on its own: a relay refusing one leaves the others' names.
  const batches = keyBatches(keys);
  const answers = await Promise.allSettled(batches.map((authors) =>
    client.query({ kinds: [0], authors, limit: authors.length }, { timeoutMs, maxChars: MAX_PROFILE_CHARS * authors.length, maxEventChars: MAX_PROFILE_CHARS })));
  answers.forEach((a, i) => {
    if (a.status === 'fulfilled' && a.value.reports.every((r) => r.status === 'complete')) for (const key of batches[i]!) answered?.add(key);
  });
  return namesFromProfiles(answers.flatMap((a) => (a.status === 'fulfilled' ? a.value.events : [])));
}

/**
 * `known` plus the names of `pubkeys` not in it yet, those found also put in `kept` (see
 * {@link namesLookedUp}). Keys in `asked` were looked up before, and every relay answered with no
 * name: they are not asked about again (someone with no profile would be at every lookup), and
 * the keys answered so now join them. Only those among `pubkeys` stay in it: it holds no more than
 * the people looked up now, however many came and went. A name is a courtesy: when relays are
 * absent or fail, `known` comes back unchanged and the short npub is shown.
 */
export async function withProfileNames(client: RelayClient | undefined, known: Map<string, ProfileName>, pubkeys: readonly string[], kept?: Map<string, ProfileName>, asked?: Set<string>): Promise<Map<string, ProfileName>> {
  if (!client) return known;
  try {
    const answered = new Set<string>();
    const found = await profileNames(client, pubkeys.filter((p) => !known.has(p) && !asked?.has(p)), undefined, answered);
    if (asked) {
      const now = new Set(pubkeys);
      for (const key of asked) if (!now.has(key)) asked.delete(key);
    }
    // Those named are known by their names from now on (a caller may yet drop them: they are asked again then).
    for (const key of answered) if (!found.has(key)) asked?.add(key);
    found.forEach((name, pubkey) => kept?.set(pubkey, name));
    return found.size ? new Map([...known, ...found]) : known;
  } catch {
    return known;
  }
}

/**
 * Whom some relays were asked about and had no name for (see {@link withProfileNames}), for
 * those relays alone: one added may have a name.
 */
export class AskedOfRelays {
  private relays?: string;
  private keys = new Set<string>();

  /** Those `client`'s relays had no name for; none yet when they are other relays than before. */
  of(client: RelayClient | undefined): Set<string> {
    const relays = client?.relays.join(' ');
    if (relays !== this.relays) [this.relays, this.keys] = [relays, new Set()];
    return this.keys;
  }

  /** Everyone asked again: a name may have been published since (the user loads the list again), or the user is gone. */
  forget(): void {
    this.keys = new Set();
  }
}

/** The names looked up for each store's reader, and whom relays were asked about (see {@link namesLookedUp}). */
const lookedUp = new WeakMap<object, { reader?: string; names: Map<string, ProfileName>; asked: AskedOfRelays }>();

type NamesStore = { readonly reader?: string; subscribe(listener: (change: string) => void): () => void };

/**
 * The profile names already looked up for the people in `store`'s records, for its reader now:
 * an element put on the page again (a single-page app's route shown once more) shows them at
 * once rather than ask the servers again. Another reader starts afresh (what a lookup begun for
 * the last one finds goes into their map, no longer anyone's), and the names go with the store.
 */
export function namesLookedUp(store: NamesStore): Map<string, ProfileName> {
  return heldFor(store).names;
}

/**
 * The keys relays were asked about for `store`'s reader now and had no name for (see
 * {@link withProfileNames}): after a revocation, or another list built on the same records,
 * someone with no profile is not asked about again. Kept and forgotten with the names.
 */
export function namesAsked(store: NamesStore): AskedOfRelays {
  return heldFor(store).asked;
}

function heldFor(store: NamesStore): { reader?: string; names: Map<string, ProfileName>; asked: AskedOfRelays } {
  let held = lookedUp.get(store);
  if (!held) {
    // Forgotten at the sign-out itself: a store kept by an element off the page keeps no names.
    store.subscribe((change) => {
      if (change !== 'cleared') return;
      lookedUp.get(store)?.names.clear();
      lookedUp.get(store)?.asked.forget();
    });
  }
  if (held?.reader !== store.reader) lookedUp.set(store, (held = { reader: store.reader, names: new Map(), asked: new AskedOfRelays() }));
  return held!;
}
