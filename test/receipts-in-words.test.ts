/**
 * What a send saved, on a patient's screen, in a person's words: each storage server's line says how
 * many parts it saved ("1 of 1 part saved"), labelled by its place in the list; its address is
 * behind a disclosure for whoever needs it, never the line's only label.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../components/access-list/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { $, $$, dialogOf, receiptWords, root, text } from './element-helpers.js';
import { waitUntil } from './wait.js';
import { person, publishTo, relayUrl, sampleBundle } from './helpers.js';

describe('receipts say what was saved where, in words', function () {
  this.timeout(60000);
  after(() => setViewport({ width: 800, height: 600 }));

  it('a revocation sent to two storage servers: "Storage server 1: 1 of 1 part saved", each address behind "Address"', async () => {
    const [main, second] = await Promise.all([relayUrl('main'), relayUrl('second')]);
    const [patient, clinic] = await Promise.all([person(), person()]);
    const events = await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [{ pubkey: clinic.pubkey, role: 'viewer' }] });
    await Promise.all([publishTo(main, events), publishTo(second, events)]);
    const record = await openRecord(events, patient.signer);
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .records=${[record]} .signer=${patient.signer} relays=${`${main} ${second}`} .knownNames=${{ [clinic.pubkey]: 'Lakeside Clinic' }}></nip82-access-list>`);
    await waitUntil(() => text(root(el)).includes('(you)'), 'the list shown');
    $(el, `[data-pubkey="${clinic.pubkey}"] button.revoke`)!.click();
    await waitUntil(() => dialogOf(el).open, 'the dialog opens');
    dialogOf(el).querySelector<HTMLButtonElement>('button.danger')!.click();
    await waitUntil(() => el.status === 'done' && $(el, '[part=receipts]'), 'revoked', { timeout: 30000 });
    await el.updateComplete;

    const lines = $$(el, '[part=receipts] li');
    expect(lines.map(receiptWords), 'each line labelled, what it saved in words, no address').to.deep.equal(['Storage server 1: 1 of 1 part saved', 'Storage server 2: 1 of 1 part saved']);
    const details = lines.map((li) => li.querySelector('details'));
    expect(details.map((d) => d && text(d.querySelector('summary'))), 'the address behind a disclosure').to.deep.equal(['Address', 'Address']);
    expect(details.map((d) => d?.open), 'closed until asked for').to.deep.equal([false, false]);
    expect(details.map((d) => text(d?.querySelector('code'))).sort()).to.deep.equal([main, second].sort());
    await expect(el).to.be.accessible();

    // On a phone, an address shown is one long word: it wraps inside the dialog, and "Address" is a finger's size.
    await setViewport({ width: 320, height: 640 });
    for (const d of details) d!.open = true;
    await waitUntil(() => details.every((d) => d!.querySelector('code')!.getBoundingClientRect().width > 0), 'the addresses shown');
    const box = dialogOf(el).getBoundingClientRect();
    for (const d of details) {
      expect(d!.querySelector('code')!.getBoundingClientRect().right, 'the address inside the dialog').to.be.at.most(box.right);
      expect(d!.querySelector('summary')!.getBoundingClientRect().height, 'a finger finds "Address"').to.be.at.least(44);
    }
    expect(document.documentElement.scrollWidth, 'no sideways scrolling at 320 px').to.be.at.most(document.documentElement.clientWidth);
  });
});
