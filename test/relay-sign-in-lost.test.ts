/**
 * Signing in at a storage server that asks for it (NIP-42) is a part of the relay client fetched
 * the first time a server asks (sign-in.ts): a page that reads from open servers never downloads
 * it. When the page's server cannot give it (a dropped connection), the fetch fails for real here
 * (scripts/wtr-lost-module-plugin.mjs aborts the page's requests for it): the user's signer is
 * never asked, the viewer says the sign-in did not go through (not that the user refused), and
 * "Try again" signs in and shows the record once the connection is back.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { $, $$, text } from './element-helpers.js';
import { counting, person, recordFor, relayUrl } from './helpers.js';
import { waitUntil } from './wait.js';

const SIGN_IN_MODULE = '/components/core/relay/sign-in';
const aborted = async () => (await executeServerCommand<string[], undefined>('lost-module-requests'))!;

describe('<nip82-record-viewer> when the relay sign-in could not be fetched', function () {
  this.timeout(60000);

  before(async () => {
    // Before anything in this page fetched the sign-in.
    await executeServerCommand('lose-module', { path: SIGN_IN_MODULE });
  });

  it('says the sign-in did not go through, asks the signer nothing, and signs in on "Try again" once the part can be fetched', async () => {
    const relay = await relayUrl('auth');
    const reader = await person();
    const signer = counting(reader.signer);
    const wrapper = await fixture<HTMLDivElement>(html`<div><nip82-record-viewer relays=${relay} .signer=${signer}></nip82-record-viewer></div>`);
    const el = wrapper.querySelector<Nip82RecordViewer>('nip82-record-viewer')!;
    await el.updateComplete;
    const unlock = () => $$<HTMLButtonElement>(el, 'button.unlock')[0]!;
    unlock().click();
    await waitUntil(() => el.status === 'relay-error' && $$(el, '.relays li').length > 0, 'the failed sign-in was never said', { timeout: 20000 });
    expect((await aborted()).some((url) => url.includes(SIGN_IN_MODULE)), 'the sign-in was requested, and the request failed').to.equal(true);
    expect(text($(el, '[part="status"]'))).to.equal('A storage server asked you to sign in; the sign-in did not go through, so nothing there was looked at.');
    expect(signer.calls.signEvent ?? 0, 'the signer was asked to sign in without the code to send it').to.equal(0);
    expect(text(unlock())).to.equal('Try again');

    // The connection is back: the next try fetches the sign-in, signs in, and shows the record.
    await executeServerCommand('find-module', { path: SIGN_IN_MODULE });
    // The clinic's record is written there now (its own sign-in needs the part too).
    await recordFor(relay, reader, await person());
    unlock().click();
    await waitUntil(() => el.status === 'done' && $$(el, '[part=item]').length > 0, `the record never showed: ${text($(el, '[part="status"]'))}`, { timeout: 20000 });
    expect(signer.calls.signEvent).to.equal(1);
  });
});
