/**
 * A relay list as a page gives it: the relay addresses in it are used, and any entry that is none
 * (an https:// address, a bare host name) is dropped rather than costing every other address. The
 * developer is told what was dropped, once per list given: a `nip82-error` with code `invalid-url`
 * and a console warning. With no address left, a user's action fails with that code, not with
 * `no-relays`: the page did configure relays, wrongly.
 */
import { sortRelays } from '../core/relay/client.js';
import { RelayError } from '../core/errors.js';
import { emit } from './events.js';

/** A relay list sorted into the addresses used and the entries dropped. */
export interface CheckedRelays {
  relays: string[];
  rejected: string[];
}

const dropped = (rejected: readonly string[]) =>
  `Not a relay address, so not used: ${rejected.map((r) => r.slice(0, 80)).join(', ')}. Relay addresses start with ws:// or wss://.`;

/** Why a user's action cannot reach any relay: every address given was dropped. */
export function noRelayLeft(rejected: readonly string[]): RelayError {
  return new RelayError('invalid-url', `${dropped(rejected)} No relay address is left to use.`);
}

/**
 * A handler may answer a report by setting yet another bad list; each is reported in the same
 * update, up to this many, so a handler that keeps inventing lists cannot hold the update forever.
 */
const REPORTS_PER_UPDATE = 3;

/**
 * Checks the relay lists a host is given. `check` has no side effect, so render() and the getters
 * it uses may call it at will; `report` tells the developer, and belongs in `willUpdate`.
 */
export class RelayListCheck {
  /** The list is read on every update: sorted again only when it changed. */
  private last?: { key: string; checked: CheckedRelays };
  /** Every list reported, so that a page switching between two lists hears of each once. */
  private readonly reported = new Set<string>();

  constructor(private readonly host: HTMLElement) {}

  check(list: readonly string[]): CheckedRelays {
    const key = JSON.stringify(list);
    if (this.last?.key !== key) this.last = { key, checked: sortRelays(list) };
    return this.last.checked;
  }

  /**
   * Tells the developer of the entries dropped from the list in effect (`current`), once per list.
   * Called from `willUpdate`, a handler that sets the relays in answer changes them within this
   * update: rendered now, and no second update (which Lit warns of as change-in-update).
   */
  report(current: () => readonly string[]): void {
    for (let i = 0; i < REPORTS_PER_UPDATE; i++) {
      const list = current();
      const key = JSON.stringify(list);
      const { rejected } = this.check(list);
      if (!rejected.length || this.reported.has(key)) return;
      this.reported.add(key);
      const message = dropped(rejected);
      console.warn(`<${this.host.localName}> relays: ${message}`);
      emit(this.host, 'nip82-error', { code: 'invalid-url', message });
    }
  }
}
