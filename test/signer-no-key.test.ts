/**
 * A browser extension with no key yet answers every question with its own error ("no private key
 * found"). That is not the patient saying no: every element says the signer has no key ready, shows
 * the extension's own words as it gave them, and says truly that nothing went out. A real "no"
 * ("denied") is still a refusal.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import { waitUntil } from './wait.js';
import '../components/session/define.js';
import '../components/record-viewer/define.js';
import '../components/consent-prompt/define.js';
import '../components/access-list/define.js';
import type { Nip82Session } from '../components/session/session.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { nip07Signer, type Nip07Provider } from '../components/core/signers/nip07.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { RECORD_KIND } from '../components/core/nip82/constants.js';
import { shortNpub } from '../components/shared/identity.js';
import { person, sampleBundle, type Person } from './helpers.js';
import { sharedRelayClient } from './relay-client.js';
import { $, buttonByText, dialogOf, errorCodes, root, text } from './element-helpers.js';

const NO_KEY = 'no private key found';

/** An extension that answers every question with `error`; `pubkey` set: it still says who the user is. */
function answering(error: string, pubkey?: string): Nip07Provider {
  const no = () => Promise.reject(new Error(error));
  return { getPublicKey: () => (pubkey ? Promise.resolve(pubkey) : no()), signEvent: no, nip44: { encrypt: no, decrypt: no } };
}

describe('a signer extension with no key', function () {
  this.timeout(60000);
  const relay = sharedRelayClient();
  afterEach(() => {
    delete (window as { nostr?: unknown }).nostr;
  });

  async function signInWith(extension: Nip07Provider, lang: string): Promise<Nip82Session> {
    (window as { nostr?: Nip07Provider }).nostr = extension;
    const el = await fixture<Nip82Session>(html`<nip82-session lang=${lang} relays=${relay.url}></nip82-session>`);
    const use = () => [...el.shadowRoot!.querySelectorAll('button')].find((b) => /extension|extensión/i.test(b.textContent ?? ''));
    await waitUntil(() => use() && !use()!.disabled, 'the extension is never offered', { timeout: 10000 });
    use()!.click();
    await waitUntil(() => !['idle', 'waiting-signer', 'working'].includes(el.status), 'the sign-in never ended', { timeout: 10000 });
    await el.updateComplete;
    return el;
  }

  it('<nip82-session>: says it has no key, in its own words too, and not that the user said no (English and Spanish)', async () => {
    const en = await signInWith(answering(NO_KEY), 'en');
    expect(en.getAttribute('status')).to.equal('no-signer');
    const said = text($(en, '[part=status]'));
    expect(said).to.equal(`Your signer has no key ready, so you are not signed in. Add a key to it or unlock it, then try again. Your signer's message: “${NO_KEY}”`);
    expect(text(root(en))).not.to.match(/said no|declined/i);

    const es = await signInWith(answering(NO_KEY), 'es');
    await waitUntil(() => text($(es, '[part=status]')).includes('clave'), 'never spoke Spanish');
    expect(text($(es, '[part=status]'))).to.equal(
      `Su firmador no tiene ninguna clave lista, así que no ha iniciado sesión. Añádale una clave o desbloquéelo y vuelva a intentarlo. Mensaje de su firmador: «${NO_KEY}»`,
    );
    expect(text(root(es))).not.to.match(/dijo que no|rechaz/i);
  });

  it('<nip82-session>: a long answer is not copied, and a real "no" is still a refusal', async () => {
    const long = await signInWith(answering(`no key found ${'x'.repeat(300)}`), 'en');
    expect(long.status).to.equal('no-signer');
    expect(text($(long, '[part=status]'))).to.equal('Your signer has no key ready, so you are not signed in. Add a key to it or unlock it, then try again.');

    const denied = await signInWith(answering('denied'), 'en');
    expect(denied.status).to.equal('refused');
    expect(text($(denied, '[part=status]'))).to.equal('Your signer said no, so you are not signed in.');
  });

  /** A patient whose extension says who they are but has no key to sign or unlock with. */
  const keyless = (patient: Person) => nip07Signer({ provider: () => answering(NO_KEY, patient.pubkey), waitMs: 0 });

  it('<nip82-record-viewer>: nothing was opened', async () => {
    const patient = await person();
    const events = await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [] });
    await relay.client.publishAll(events);
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer relays=${relay.url} .signer=${keyless(patient)}></nip82-record-viewer>`);
    const codes = errorCodes(el);
    buttonByText(el, 'Unlock my records')!.click();
    await waitUntil(() => el.status === 'no-signer', 'never stopped', { timeout: 15000 });
    await el.updateComplete;
    expect(text($(el, '[part=status]'))).to.equal(`Your signer has no key ready, so nothing was opened. Add a key to it or unlock it, then try again. Your signer's message: “${NO_KEY}”`);
    expect(codes).to.deep.equal(['no-key']);
  });

  it('<nip82-consent-prompt>: nothing was shared or sent', async () => {
    const patient = await person();
    const clinician = await person();
    const record = await openRecord(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [] }), patient.signer);
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt .records=${[record]} .signer=${keyless(patient)} relays=${relay.url} recipient=${clinician.pubkey}></nip82-consent-prompt>`);
    buttonByText(el, 'Share records…')!.click();
    await waitUntil(() => dialogOf(el).open, 'dialog opens');
    await el.updateComplete;
    buttonByText(el, 'Review')!.click();
    await el.updateComplete;
    const codes = errorCodes(el);
    buttonByText(el, /^Share with npub1/)!.click();
    await waitUntil(() => el.status === 'no-signer', 'never stopped', { timeout: 15000 });
    await el.updateComplete;
    expect(text($(el, '[role=status]'))).to.equal(`Your signer has no key ready, so nothing was shared or sent. Add a key to it or unlock it, then try again. Your signer's message: “${NO_KEY}”`);
    expect(text(root(el))).not.to.match(/declined/i);
    expect(codes).to.deep.equal(['no-key']);
    expect((await relay.client.query({ kinds: [RECORD_KIND], '#p': [clinician.pubkey] })).events).to.have.length(0);
  });

  it('<nip82-access-list>: nothing was changed', async () => {
    const patient = await person();
    const clinician = await person();
    const family = await person();
    // An editor revoked moves the record: the notice of the move to whoever stays is the patient's to sign.
    const participants = [{ pubkey: clinician.pubkey, role: 'editor' as const }, { pubkey: family.pubkey, role: 'viewer' as const }];
    const events = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants });
    await relay.client.publishAll(events);
    const record = await openRecord(events, patient.signer);
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list lang="es" .records=${[record]} .signer=${keyless(patient)} relays=${relay.url}></nip82-access-list>`);
    await waitUntil(() => text(root(el)).includes('(usted)'), 'knows who "you" are');
    $<HTMLButtonElement>(el, `[part=person][data-pubkey="${clinician.pubkey}"] button.revoke`)!.click();
    await waitUntil(() => dialogOf(el).open, 'dialog opens');
    await el.updateComplete;
    const codes = errorCodes(el);
    buttonByText(el, `Revocar el acceso de ${shortNpub(clinician.pubkey)}`)!.click();
    await waitUntil(() => el.status === 'no-signer', 'never stopped', { timeout: 15000 });
    await el.updateComplete;
    expect(text($(el, '[role=status]'))).to.equal(
      `Su firmador no tiene ninguna clave lista, así que no se cambió nada. Añádale una clave o desbloquéelo y vuelva a intentarlo. Mensaje de su firmador: «${NO_KEY}»`,
    );
    expect(text(root(el))).not.to.match(/rechaz/i);
    expect(codes).to.deep.equal(['no-key']);
    // Still on the record as it was: the storage server holds no other version.
    const held = (await relay.client.query({ kinds: [RECORD_KIND], authors: [events[0]!.pubkey] })).events;
    expect(held.map((e) => e.id).sort()).to.deep.equal(events.map((e) => e.id).sort());
  });
});
