/**
 * When the page's server cannot give the sending code, the reading of messages or a part the
 * signer needs, the fetch fails for real here (scripts/wtr-lost-module-plugin.mjs): the prompt says
 * nothing was sent (or that the requests were not checked, or the records not unlocked) and that
 * pressing the same button again is enough, as it is: once the connection is back, the same button
 * shares, checks for requests, or unlocks. No reload needed.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import type { Nip82Event } from '../components/shared/events.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { loadPart } from '../components/core/errors.js';
import type { Signer } from '../components/core/signers/signer.js';
import { waitUntil } from './wait.js';
import { person, relayUrl, sampleBundle } from './helpers.js';
import { buttonByText, dialogOf, text, typeRecipient } from './element-helpers.js';

const PUBLISH_MODULE = '/components/core/relay/publish';
const MAIL_MODULE = '/components/core/store/mail-read';
const SIGNER_PART = '/test/signer-part';

/** `signer`, whose key needs a part of the page fetched first. */
const needingPart = (signer: Signer): Signer => ({
  getPublicKey: () => loadPart(() => import('./signer-part.js')).then(() => signer.getPublicKey()),
  signEvent: (event) => signer.signEvent(event),
  nip44Encrypt: (pubkey, text) => signer.nip44Encrypt(pubkey, text),
  nip44Decrypt: (pubkey, text) => signer.nip44Decrypt(pubkey, text),
});
const said = (el: Element) => text(el.shadowRoot!.querySelector('.state'));

describe('<nip82-consent-prompt> when its sending code, its reading of messages or a part its signer needs could not be fetched', function () {
  this.timeout(30000);
  before(async () => {
    await executeServerCommand('lose-module', { path: PUBLISH_MODULE });
    await executeServerCommand('lose-module', { path: MAIL_MODULE });
  });

  it('a share says nothing was sent and to try again; once the connection is back, the same button shares', async () => {
    const url = await relayUrl('main');
    const [patient, clinician] = [await person(), await person()];
    const record = await openRecord(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [] }), patient.signer);
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="share" .records=${[record]} .signer=${patient.signer} relays=${url}></nip82-consent-prompt>`);
    const codes: string[] = [];
    el.addEventListener('nip82-error', (e) => codes.push((e as Nip82Event<'nip82-error'>).detail.code));
    buttonByText(el, 'Share records…')!.click();
    await waitUntil(() => dialogOf(el).open, 'the dialog never opened');
    await el.updateComplete;
    await typeRecipient(el, clinician.pubkey);
    buttonByText(el, 'Review')!.click();
    await waitUntil(() => buttonByText(el, /^Share with npub1/), 'the preview never showed');
    buttonByText(el, /^Share with npub1/)!.click();
    await waitUntil(() => el.status === 'relay-error', `status ${el.status}`, { timeout: 15000 });
    await el.updateComplete;
    expect(codes).to.deep.equal(['part-unavailable']);
    expect(text(dialogOf(el))).to.include('Part of this page could not be loaded, so nothing was sent. Check your internet connection, then try again.');
    expect(text(el.shadowRoot!)).not.to.match(/reload/i);

    el.lang = 'es';
    await waitUntil(() => text(dialogOf(el)).includes('No se pudo cargar una parte de esta página, así que no se envió nada. Compruebe su conexión a internet y vuelva a intentarlo.'), `in Spanish: ${text(dialogOf(el))}`);
    el.lang = 'en';

    await executeServerCommand('find-module', { path: PUBLISH_MODULE });
    await waitUntil(() => buttonByText(el, /^Share with npub1/), 'the button to share went');
    buttonByText(el, /^Share with npub1/)!.click();
    await waitUntil(() => el.status === 'done', `status ${el.status}: ${text(el.shadowRoot!)}`, { timeout: 15000 });
  });

  it('checking for requests says they were not checked and to check again; once the connection is back, the same button checks', async () => {
    const url = await relayUrl('main');
    const patient = await person();
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="answer" .signer=${patient.signer} relays=${url}></nip82-consent-prompt>`);
    buttonByText(el, 'Check for requests')!.click();
    await waitUntil(() => el.status === 'relay-error', `status ${el.status}`, { timeout: 15000 });
    await el.updateComplete;
    expect(said(el)).to.equal('Part of this page could not be loaded, so your requests were not checked. Check your internet connection, then check for requests again.');

    el.lang = 'es';
    await waitUntil(() => said(el) === 'No se pudo cargar una parte de esta página, así que no se vieron sus solicitudes. Compruebe su conexión a internet y vuelva a ver las solicitudes.', `in Spanish: ${said(el)}`);
    el.lang = 'en';

    await executeServerCommand('find-module', { path: MAIL_MODULE });
    await waitUntil(() => buttonByText(el, 'Check for requests'), 'the button went');
    buttonByText(el, 'Check for requests')!.click();
    await waitUntil(() => el.status === 'done', `status ${el.status}: ${said(el)}`, { timeout: 15000 });
  });

  it('unlocking says the records were not unlocked and to try again, in Spanish too; once the connection is back, the same button unlocks', async () => {
    await executeServerCommand('lose-module', { path: SIGNER_PART });
    const url = await relayUrl('main');
    const patient = await person();
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="share" .signer=${needingPart(patient.signer)} relays=${url}></nip82-consent-prompt>`);
    buttonByText(el, 'Unlock my records')!.click();
    await waitUntil(() => el.status === 'relay-error', `status ${el.status}`, { timeout: 15000 });
    await el.updateComplete;
    expect(said(el)).to.equal('Part of this page could not be loaded, so your records were not unlocked. Check your internet connection, then try again.');

    el.lang = 'es';
    await waitUntil(() => said(el) === 'No se pudo cargar una parte de esta página, así que sus historiales no se desbloquearon. Compruebe su conexión a internet y vuelva a intentarlo.', `in Spanish: ${said(el)}`);
    el.lang = 'en';

    await executeServerCommand('find-module', { path: SIGNER_PART });
    await waitUntil(() => buttonByText(el, 'Unlock my records'), 'the button went');
    buttonByText(el, 'Unlock my records')!.click();
    await waitUntil(() => el.status === 'done', `status ${el.status}: ${said(el)}`, { timeout: 15000 });
  });
});
