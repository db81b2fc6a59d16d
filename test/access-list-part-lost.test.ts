/**
 * When the page's server cannot give the sending code, the fetch fails for real here
 * (scripts/wtr-lost-module-plugin.mjs): a revocation says nothing was sent and to try again, as
 * the dialog's "Try again" is enough: once the connection is back, it revokes. No reload needed.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/access-list/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import type { Nip82Event } from '../components/shared/events.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { waitUntil } from './wait.js';
import { person, relayUrl, sampleBundle } from './helpers.js';
import { $, buttonByText, dialogOf, text } from './element-helpers.js';

const PUBLISH_MODULE = '/components/core/relay/publish';

describe('<nip82-access-list> when its sending code could not be fetched', function () {
  this.timeout(30000);

  it('a revocation says nothing was sent and to try again, in Spanish too; once the connection is back, "Try again" revokes', async () => {
    await executeServerCommand('lose-module', { path: PUBLISH_MODULE });
    const url = await relayUrl('main');
    const [patient, clinician] = [await person(), await person()];
    const record = await openRecord(await createRecord({
      bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer,
      participants: [{ pubkey: clinician.pubkey, role: 'viewer' }],
    }), patient.signer);
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .records=${[record]} .signer=${patient.signer} relays=${url}></nip82-access-list>`);
    const codes: string[] = [];
    el.addEventListener('nip82-error', (e) => codes.push((e as Nip82Event<'nip82-error'>).detail.code));
    await waitUntil(() => $(el, `[part=person][data-pubkey="${clinician.pubkey}"] button.revoke`), 'the people never listed');
    $<HTMLButtonElement>(el, `[part=person][data-pubkey="${clinician.pubkey}"] button.revoke`)!.click();
    await waitUntil(() => dialogOf(el).open, 'the dialog never opened');
    await el.updateComplete;
    buttonByText(el, /^Revoke access for npub1/)!.click();
    await waitUntil(() => el.status === 'relay-error', `status ${el.status}`, { timeout: 15000 });
    await el.updateComplete;
    expect(codes).to.deep.equal(['part-unavailable']);
    expect(text(el.shadowRoot!)).to.include('Part of this page could not be loaded, so nothing was sent. Check your internet connection, then try again.');
    expect(text(el.shadowRoot!)).not.to.match(/reload/i);

    el.lang = 'es';
    await waitUntil(() => text(el.shadowRoot!).includes('No se pudo cargar una parte de esta página, así que no se envió nada. Compruebe su conexión a internet y vuelva a intentarlo.'), `in Spanish: ${text(el.shadowRoot!)}`);
    el.lang = 'en';

    await executeServerCommand('find-module', { path: PUBLISH_MODULE });
    // The dialog's revoke button is now "Try again", as the words say.
    buttonByText(el, 'Try again')!.click();
    await waitUntil(() => el.status === 'done', `status ${el.status}: ${text(el.shadowRoot!)}`, { timeout: 15000 });
  });
});
