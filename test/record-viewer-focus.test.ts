/**
 * The viewer's unlock button as a keyboard and screen reader user meets it: it keeps the focus while
 * it works, and once the records it opened take its place the focus is on the first record's
 * heading, never on the page's body. And whose records these are: the patient's own, or, on a
 * clinic's screen (`audience="clinician"`), the ones patients shared with the reader.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { createRecord } from '../components/core/nip82/record.js';
import { $, buttonByText, root, text } from './element-helpers.js';
import { person, sampleBundle, type Person, heldDecrypt } from './helpers.js';
import { sharedRelayClient } from './relay-client.js';
import { waitUntil } from './wait.js';


/** The focused element, named: a failing assertion on a node itself stalls the test runner. */
const named = (node: Element | null | undefined) => (node ? `${node.localName}${node.className ? `.${String(node.className).replace(/ /g, '.')}` : ''} "${text(node).slice(0, 40)}"` : 'nothing');
const focusedIn = (el: Element) => named(root(el).activeElement);
const notOnBody = (step: string) => expect(named(document.activeElement), `focus dropped to the page ${step}`).not.to.match(/^body/);

describe('<nip82-record-viewer>: the unlock button and the keyboard', function () {
  this.timeout(60000);
  let patient: Person;

  const relay = sharedRelayClient();
  before(async () => {
    patient = await person();
  });

  async function sharedWith(reader: Person) {
    await relay.client.publishAll(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [{ pubkey: reader.pubkey, role: 'viewer' }] }));
  }

  for (const lang of ['en', 'es'] as const) {
    it(`${lang}: pressed with Enter, the busy button keeps the focus, which then lands on the first record's heading`, async () => {
      const reader = await person();
      await sharedWith(reader);
      const held = heldDecrypt(reader.signer);
      const page = await fixture<HTMLDivElement>(html`<div lang=${lang}><nip82-record-viewer relays=${relay.url} .signer=${held.signer}></nip82-record-viewer></div>`);
      const el = page.querySelector<Nip82RecordViewer>('nip82-record-viewer')!;
      // A Spanish page renders once its language pack is in.
      await waitUntil(() => buttonByText(el, lang === 'es' ? 'Desbloquear mis historiales' : 'Unlock my records'), 'no unlock button in the page\'s language');
      const unlock = $<HTMLButtonElement>(el, 'button.unlock')!;
      unlock.focus();
      await sendKeys({ press: 'Enter' });

      // Waiting for the signer: the button is busy but keeps the focus, and a second press does nothing.
      await waitUntil(held.asked, 'the signer was never asked to unlock');
      await el.updateComplete;
      expect(focusedIn(el)).to.equal(named(unlock));
      expect(unlock.getAttribute('aria-disabled')).to.equal('true');
      notOnBody('while unlocking');
      const requests: Event[] = [];
      el.addEventListener('nip82-signer-request', (e) => requests.push(e));
      await sendKeys({ press: 'Enter' });
      expect(requests).to.deep.equal([]);

      held.release();
      await waitUntil(() => el.status === 'done' && $(el, 'article[part=record]'), 'never unlocked', { timeout: 15000 });
      await el.updateComplete;
      const heading = $(el, 'article[part=record] h2')!;
      await waitUntil(() => root(el).activeElement === heading, 'focus did not reach the first record\'s heading');
      notOnBody('once the records are shown');
      expect(document.activeElement === el).to.equal(true);
      expect(heading.getAttribute('tabindex')).to.equal('-1');
      expect(text($(el, '[role=status]'))).to.equal(lang === 'es' ? '1 historial desbloqueado.' : '1 record unlocked.');
      // The focus is in the record: Tab goes on to its controls.
      await sendKeys({ press: 'Tab' });
      expect(focusedIn(el)).to.equal(named($(el, 'article[part=record] button.export')));
    });
  }

  it('with nothing found, the focus stays on the button, which now says "Try again"', async () => {
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer relays=${relay.url} .signer=${(await person()).signer}></nip82-record-viewer>`);
    const unlock = $<HTMLButtonElement>(el, 'button.unlock')!;
    unlock.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.status === 'done', 'never finished', { timeout: 15000 });
    await el.updateComplete;
    expect(focusedIn(el)).to.equal(named(unlock));
    expect(text(unlock)).to.equal('Try again');
    expect(unlock.getAttribute('aria-disabled')).to.equal('false');
    notOnBody('after nothing was found');
  });

  it('on a clinic\'s screen, speaks of the records shared with the reader, in English and Spanish', async () => {
    const page = await fixture<HTMLDivElement>(html`<div>
      <nip82-record-viewer audience="clinician" relays=${relay.url}></nip82-record-viewer>
      <div lang="es"><nip82-record-viewer audience="clinician" relays=${relay.url}></nip82-record-viewer></div>
      <nip82-record-viewer relays=${relay.url}></nip82-record-viewer>
    </div>`);
    const [en, es, own] = [...page.querySelectorAll<Nip82RecordViewer>('nip82-record-viewer')];
    await waitUntil(() => buttonByText(es!, 'Desbloquear los historiales compartidos con usted'), 'no Spanish unlock button');
    expect(!!buttonByText(en!, 'Unlock the records shared with you')).to.equal(true);
    expect(text($(en!, '.gate p'))).to.equal('The records shared with you are encrypted. Unlock them to read them here; your signer will be asked once per record.');
    expect(text($(es!, '.gate p'))).to.contain('Los historiales compartidos con usted están cifrados.');
    expect(text(root(en!))).not.to.match(/\bmy records\b|Your records/);
    expect(text(root(es!))).not.to.match(/mis historiales|Sus historiales/);
    // A patient's portal keeps the patient's words; a host still rewords either.
    expect(!!buttonByText(own!, 'Unlock my records')).to.equal(true);
    en!.strings = { unlockMine: 'Open what patients sent us' };
    await en!.updateComplete;
    expect(!!buttonByText(en!, 'Open what patients sent us')).to.equal(true);
    await expect(en).to.be.accessible();
  });

  it('on a clinic\'s screen, says while it searches that it looks for the records shared with the reader', async () => {
    const reader = await person();
    const held = heldDecrypt(reader.signer);
    await sharedWith(reader);
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer audience="clinician" relays=${relay.url} .signer=${held.signer}></nip82-record-viewer>`);
    const said: string[] = [];
    const watch = new MutationObserver(() => said.push(text($(el, '[role=status]'))));
    watch.observe(root(el), { subtree: true, childList: true, characterData: true });
    buttonByText(el, 'Unlock the records shared with you')!.click();
    await waitUntil(held.asked, 'the signer was never asked to unlock');
    held.release();
    await waitUntil(() => el.status === 'done', 'never unlocked', { timeout: 15000 });
    watch.disconnect();
    expect(said).to.include('Looking for the records shared with you on your storage servers…');
  });
});
