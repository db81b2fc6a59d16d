/**
 * A storage server that lets nobody read without signing in (NIP-42): the viewer tells the truth
 * about it. The server did answer: when the user says no at their signer (or the sign-in does not
 * go through), the viewer says that nothing there was looked at and why, in words that do not read
 * as a question still waiting, and tells the host with a code of its own (`auth-required`), never
 * "could not be reached" nor `relay-unavailable`. While the signer asks the user to sign in (it may
 * wait two minutes), the viewer says so and offers "Stop waiting", which passes the server over.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { waitUntil } from './wait.js';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { SignerError } from '../components/core/errors.js';
import type { Signer } from '../components/core/signers/signer.js';
import type { Nip82Event } from '../components/shared/events.js';
import { $, $$, focused, text } from './element-helpers.js';
import { decliningSignIn, person, recordFor, relayUrl, silentAt, type Person } from './helpers.js';

const liveText = (el: Nip82RecordViewer) => text($(el, '[part="status"]'));
const relayLines = (el: Nip82RecordViewer) => $$(el, '.relays li').map((li) => text(li));
const stopWaiting = (el: Nip82RecordViewer) => $$<HTMLButtonElement>(el, 'button').find((b) => /^(Stop waiting|Dejar de esperar)$/.test(text(b)));

/** Every `nip82-error` the viewer fires: code and message. */
function errors(el: Element): { code: string; message: string }[] {
  const seen: { code: string; message: string }[] = [];
  el.addEventListener('nip82-error', (e) => seen.push({ ...(e as Nip82Event<'nip82-error'>).detail }));
  return seen;
}

/** The user behind `base`, whose signer cannot be reached for the sign-in (the sign-in does not go through). */
function unreachableForSignIn(base: Signer): Signer {
  return {
    getPublicKey: () => base.getPublicKey(),
    signEvent: async (template) => {
      if (template.kind === 22242) throw new SignerError('connection', 'The remote signer is gone.');
      return base.signEvent(template);
    },
    nip44Encrypt: (peer, plaintext) => base.nip44Encrypt(peer, plaintext),
    nip44Decrypt: (peer, ciphertext) => base.nip44Decrypt(peer, ciphertext),
  };
}

describe('<nip82-record-viewer>: a storage server that asks the user to sign in', function () {
  this.timeout(60000);
  let relay: string;
  let clinic: Person;

  before(async () => {
    relay = await relayUrl('auth');
    clinic = await person();
  });

  /** A record for `reader` on the storage server that serves only readers signed in; its address. */
  const seed = (reader: Person) => recordFor(relay, reader, clinic);

  async function viewer(signer: Signer, lang = 'en', naddr = '', relays = relay): Promise<Nip82RecordViewer> {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang=${lang}><nip82-record-viewer relays=${relays} naddr=${naddr} .signer=${signer}></nip82-record-viewer></div>`);
    const el = wrapper.querySelector('nip82-record-viewer')!;
    await el.updateComplete;
    return el;
  }

  const unlock = (el: Nip82RecordViewer) => $$<HTMLButtonElement>(el, 'button.unlock')[0]!;

  it('the user says no to the sign-in: the viewer says that nothing there was looked at and why, and the host hears `auth-required`', async () => {
    const reader = await person();
    await seed(reader);
    const el = await viewer(decliningSignIn(reader.signer));
    const seen = errors(el);
    unlock(el).click();
    await waitUntil(() => el.status === 'relay-error' && relayLines(el).length > 0, 'the refused sign-in was never said', { timeout: 20000 });
    expect(liveText(el)).to.equal('A storage server asked you to sign in; you did not, so nothing there was looked at.');
    expect(relayLines(el)).to.deep.equal([`${relay}: asked you to sign in; you did not, so nothing there was looked at`]);
    expect(text($(el, '.base'))).not.to.contain('could not be reached');
    expect(seen.map((e) => e.code)).to.deep.equal(['auth-required']);
    expect(text(unlock(el))).to.equal('Try again');
    await expect(el).to.be.accessible();
  });

  it('in Spanish too', async () => {
    const reader = await person();
    const el = await viewer(decliningSignIn(reader.signer), 'es');
    await waitUntil(() => text(unlock(el)) === 'Desbloquear mis historiales', 'the Spanish pack never came');
    unlock(el).click();
    await waitUntil(() => el.status === 'relay-error' && relayLines(el).length > 0, 'the refused sign-in was never said', { timeout: 20000 });
    expect(liveText(el)).to.equal('Un servidor de almacenamiento pidió que usted iniciara sesión; usted no lo hizo, así que no se buscó nada allí.');
    expect(relayLines(el)).to.deep.equal([`${relay}: pidió que usted iniciara sesión; usted no lo hizo, así que no se buscó nada allí`]);
  });

  it('a sign-in that does not go through is told apart from the user saying no', async () => {
    const reader = await person();
    const el = await viewer(unreachableForSignIn(reader.signer));
    const seen = errors(el);
    unlock(el).click();
    await waitUntil(() => el.status === 'relay-error' && relayLines(el).length > 0, 'the failed sign-in was never said', { timeout: 20000 });
    expect(liveText(el)).to.equal('A storage server asked you to sign in; the sign-in did not go through, so nothing there was looked at.');
    expect(relayLines(el)).to.deep.equal([`${relay}: asked you to sign in; the sign-in did not go through, so nothing there was looked at`]);
    expect(seen.map((e) => e.code)).to.deep.equal(['auth-required']);
  });

  it('while the signer asks the user to sign in: the viewer says so and offers "Stop waiting"; pressed from the keyboard, the server is passed over and the focus stays on the unlock button', async () => {
    const reader = await person();
    await seed(reader);
    const quiet = silentAt(reader.signer, { signInsOnly: true });
    quiet.arm(1);
    try {
      const el = await viewer(quiet.signer);
      const seen = errors(el);
      unlock(el).click();
      await waitUntil(() => quiet.asked() && !!stopWaiting(el), 'the sign-in was asked without "Stop waiting"', { timeout: 20000 });
      expect(el.status).to.equal('waiting-signer');
      expect(liveText(el)).to.equal('Waiting for your signer. A storage server asks you to sign in first.');
      stopWaiting(el)!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => el.status === 'relay-error', 'the viewer went on waiting', { timeout: 20000 });
      await el.updateComplete;
      expect(stopWaiting(el)).to.equal(undefined);
      expect(focused(el), 'the focus after "Stop waiting"').to.equal(unlock(el));
      expect(liveText(el)).to.equal('A storage server asked you to sign in; you did not, so nothing there was looked at.');
      expect(seen.map((e) => e.code)).to.deep.equal(['auth-required']);
      await expect(el).to.be.accessible();
    } finally {
      quiet.release();
    }
  });

  it('a sign-in given after a wait: "Stop waiting" goes, and the record shows', async () => {
    const reader = await person();
    await seed(reader);
    const quiet = silentAt(reader.signer, { signInsOnly: true });
    quiet.arm(1);
    try {
      const el = await viewer(quiet.signer);
      unlock(el).click();
      await waitUntil(() => quiet.asked() && !!stopWaiting(el), 'the sign-in was asked without "Stop waiting"', { timeout: 20000 });
      quiet.release();
      await waitUntil(() => el.status === 'done', 'the record was never unlocked', { timeout: 20000 });
      expect(liveText(el)).to.equal('1 record unlocked.');
      expect(stopWaiting(el)).to.equal(undefined);
    } finally {
      quiet.release();
    }
  });

  it('one record by its address: the same words while the sign-in is asked, and "Stop waiting" passes the server over', async () => {
    const reader = await person();
    const naddr = await seed(reader);
    const quiet = silentAt(reader.signer, { signInsOnly: true });
    quiet.arm(1);
    try {
      const el = await viewer(quiet.signer, 'en', naddr);
      const seen = errors(el);
      unlock(el).click();
      await waitUntil(() => quiet.asked() && !!stopWaiting(el), 'the sign-in was asked without "Stop waiting"', { timeout: 20000 });
      expect(liveText(el)).to.equal('Waiting for your signer. A storage server asks you to sign in first.');
      stopWaiting(el)!.click();
      await waitUntil(() => el.status === 'relay-error', 'the viewer went on waiting', { timeout: 20000 });
      expect(liveText(el)).to.equal('A storage server asked you to sign in; you did not, so nothing there was looked at.');
      expect(seen.map((e) => e.code)).to.deep.equal(['auth-required']);
    } finally {
      quiet.release();
    }
  });

  it('beside a server that answered with nothing: not "No records were found", since the other was not searched', async () => {
    const reader = await person();
    const main = await relayUrl('main');
    const el = await viewer(decliningSignIn(reader.signer), 'en', '', `${main} ${relay}`);
    const seen = errors(el);
    unlock(el).click();
    await waitUntil(() => el.status === 'done' && relayLines(el).length > 0, 'the load never ended', { timeout: 20000 });
    expect(liveText(el)).to.equal('A storage server asked you to sign in; you did not, so nothing there was looked at.');
    expect(relayLines(el)).to.deep.equal([`${relay}: asked you to sign in; you did not, so nothing there was looked at`]);
    expect(seen).to.deep.equal([]);
  });
});
