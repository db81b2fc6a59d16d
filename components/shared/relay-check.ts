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
 * Checks the relay lists a host is given. The list is read on every update, so the last one is
 * remembered: the developer hears of a bad entry when the list changes, not at each read.
 */
export class RelayListCheck {
  private last?: { key: string; checked: CheckedRelays };

  constructor(private readonly host: HTMLElement) {}

  check(list: readonly string[]): CheckedRelays {
    const key = JSON.stringify(list);
    if (this.last?.key === key) return this.last.checked;
    const checked = sortRelays(list);
    this.last = { key, checked };
    if (checked.rejected.length) {
      const message = dropped(checked.rejected);
      console.warn(`<${this.host.localName}> relays: ${message}`);
      emit(this.host, 'nip82-error', { code: 'invalid-url', message });
    }
    return checked;
  }
}
