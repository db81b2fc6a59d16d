/**
 * A browser extension that is locked answers every question with an error of its own ("Vault is
 * locked", or a plain object with that message rather than an Error, as extensions that pass their
 * answers between scripts do). The patient is told in plain words that the extension is locked and
 * what to do, in English and Spanish, and a host can reword it; not that it "could not finish",
 * nor that they said no.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/session/define.js';
import '../components/record-viewer/define.js';
import type { Nip82Session } from '../components/session/session.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { nip07Signer, type Nip07Provider } from '../components/core/signers/nip07.js';
import { createRecord } from '../components/core/nip82/record.js';
import { RelayClient } from '../components/core/relay/client.js';
import { person, relayUrl, sampleBundle } from './helpers.js';
import { $, buttonByText, errorCodes, root, text } from './element-helpers.js';

const LOCKED_EN = 'Your browser extension is locked. Unlock it, then try again.';
const LOCKED_ES = 'Su extensión del navegador está bloqueada. Desbloquéela y vuelva a intentarlo.';

/** A locked extension: every question is rejected with `answer()`; `pubkey` set: it still says who the user is. */
function locked(answer: () => unknown, pubkey?: string): Nip07Provider {
  const no = () => Promise.reject(answer());
  return { getPublicKey: () => (pubkey ? Promise.resolve(pubkey) : no()), signEvent: no, nip44: { encrypt: no, decrypt: no } };
}
const vaultLocked = () => new Error('Vault is locked');
const lockedObject = () => ({ message: 'Extension is locked. Please unlock it first.' });

describe('a locked signer extension', function () {
  this.timeout(60000);
  let url: string;
  before(async () => {
    url = await relayUrl('main');
  });
  afterEach(() => {
    delete (window as { nostr?: unknown }).nostr;
  });

  async function signInWith(extension: Nip07Provider, lang: string, strings?: Record<string, unknown>) {
    (window as { nostr?: Nip07Provider }).nostr = extension;
    const el = await fixture<Nip82Session>(html`<nip82-session lang=${lang} relays=${url} .strings=${strings ?? {}}></nip82-session>`);
    const codes = errorCodes(el);
    const use = () => [...el.shadowRoot!.querySelectorAll('button')].find((b) => /extension|extensión/i.test(b.textContent ?? ''));
    await waitUntil(() => use() && !use()!.disabled, 'the extension is never offered', { timeout: 10000 });
    use()!.click();
    await waitUntil(() => !['idle', 'waiting-signer', 'working'].includes(el.status), 'the sign-in never ended', { timeout: 10000 });
    await el.updateComplete;
    return { el, codes };
  }

  it('<nip82-session>: says the extension is locked and to unlock it (English and Spanish)', async () => {
    const en = await signInWith(locked(vaultLocked), 'en');
    expect(text($(en.el, '[part=status]'))).to.equal(LOCKED_EN);
    expect(en.el.getAttribute('status')).to.equal('no-signer');
    expect(en.codes).to.deep.equal(['locked']);
    expect(text(root(en.el))).not.to.match(/could not finish|said no|no key/i);

    const es = await signInWith(locked(vaultLocked), 'es');
    await waitUntil(() => text($(es.el, '[part=status]')) === LOCKED_ES, `never said it in Spanish: ${text($(es.el, '[part=status]'))}`);
  });

  it('<nip82-session>: an extension that rejects with a plain object, not an Error, is read the same', async () => {
    const { el } = await signInWith(locked(lockedObject), 'en');
    expect(text($(el, '[part=status]'))).to.equal(LOCKED_EN);
    expect(el.status).to.equal('no-signer');
  });

  it('<nip82-session>: an extension refusing because it is locked ("Permission denied: vault locked") is locked, not a no', async () => {
    for (const answer of ['Permission denied: vault locked', 'Request denied: extension locked']) {
      const { el, codes } = await signInWith(locked(() => new Error(answer)), 'en');
      expect(text($(el, '[part=status]')), answer).to.equal(LOCKED_EN);
      expect(codes, answer).to.deep.equal(['locked']);
    }
    // A user who said no is still told so.
    const { el, codes } = await signInWith(locked(() => new Error('User rejected the request')), 'en');
    expect(codes).to.deep.equal(['refused']);
    expect(text($(el, '[part=status]'))).not.to.equal(LOCKED_EN);
  });

  it('<nip82-session>: a host can reword it', async () => {
    const errorDetail = (code: string) => (code === 'locked' ? 'Open your key keeper and unlock it.' : 'Other.');
    const { el } = await signInWith(locked(vaultLocked), 'en', { errorDetail });
    expect(text($(el, '[part=status]'))).to.equal('Open your key keeper and unlock it.');
  });

  async function viewerLocked(lang: string, strings?: Record<string, unknown>) {
    const patient = await person();
    const client = new RelayClient({ relays: [url] });
    try {
      await client.publishAll(await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [] }));
    } finally {
      client.close();
    }
    const signer = nip07Signer({ provider: () => locked(vaultLocked, patient.pubkey), waitMs: 0 });
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer lang=${lang} relays=${url} .signer=${signer} .strings=${strings ?? {}}></nip82-record-viewer>`);
    const codes = errorCodes(el);
    const unlock = () => buttonByText(el, lang === 'es' ? 'Desbloquear mis historiales' : 'Unlock my records');
    await waitUntil(() => unlock(), 'the unlock button never showed', { timeout: 10000 });
    unlock()!.click();
    await waitUntil(() => el.status === 'no-signer', `never stopped: ${el.status}`, { timeout: 15000 });
    await el.updateComplete;
    return { el, codes };
  }

  it('<nip82-record-viewer>: locked after sign-in, the unlock says so and that nothing was opened (English and Spanish)', async () => {
    const en = await viewerLocked('en');
    expect(text($(en.el, '[part=status]'))).to.equal(`${LOCKED_EN} Nothing was opened.`);
    expect(en.codes).to.deep.equal(['locked']);
    const es = await viewerLocked('es');
    await waitUntil(() => text($(es.el, '[part=status]')) === `${LOCKED_ES} No se abrió nada.`, `never said it in Spanish: ${text($(es.el, '[part=status]'))}`);
  });

  it('<nip82-record-viewer>: a host can reword the lock, or the whole sentence', async () => {
    const errorDetail = (code: string) => (code === 'locked' ? 'Open your key keeper and unlock it.' : 'Other.');
    const reworded = await viewerLocked('en', { errorDetail });
    expect(text($(reworded.el, '[part=status]'))).to.equal('Open your key keeper and unlock it. Nothing was opened.');
    const whole = await viewerLocked('en', { locked: (detail: string) => `[${detail}]` });
    expect(text($(whole.el, '[part=status]'))).to.equal(`[${LOCKED_EN}]`);
  });
});
