/**
 * Consent history that finds no message looks once past this device's clock for one dated later;
 * that look asks only the storage servers that answered the read: a server that hangs is waited
 * for once, not twice, before the patient hears what was found.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/access-list/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { buttonByText, text } from './element-helpers.js';
import { person, relayRequests, relayUrl } from './helpers.js';

describe('<nip82-access-list>: consent history with a server that hangs', function () {
  this.timeout(60000);

  it('asks the server that never answered no second time', async () => {
    const [relay, silent] = [await relayUrl('main'), await relayUrl('silent')];
    const patient = await person();
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list relays=${`${relay} ${silent}`} .signer=${patient.signer}></nip82-access-list>`);
    await el.updateComplete;
    buttonByText(el, 'Show consent history')!.click();
    await waitUntil(() => /could not be reached|did not answer/i.test(text(el.shadowRoot)), 'the hung server named', { timeout: 40000 });
    const asked = await relayRequests('silent', patient.pubkey);
    const now = Math.floor(Date.now() / 1000);
    expect(asked.filter((filters) => filters.some((f) => typeof f.since === 'number' && f.since > now)), 'a second read of the server that hung').to.deep.equal([]);
  });
});
