/**
 * A pet owner shares Rex's record with a vet who may share it on, hiding his rabies shot; the vet
 * shares it on to a second clinic. The second clinic's viewer still says the owner withheld an
 * item (as much as the first flag said, no more), not a record that looks whole.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/record-viewer/define.js';
import '../components/consent-prompt/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { openRecord, type OpenedRecord } from '../components/core/nip82/record.js';
import { createShare } from '../components/core/nip82/share.js';
import { person, relayUrl, type Person } from './helpers.js';
import { rexAtVet } from './pets.js';
import { $, $$, buttonByText, dialogOf, shareAndOpen, text, typeRecipient } from './element-helpers.js';

async function flagWords(record: OpenedRecord, reader: Person): Promise<string> {
  const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer .records=${[record]} .signer=${reader.signer}></nip82-record-viewer>`);
  await waitUntil(() => $$(el, '[part=item]').length > 0, 'the record shown');
  const flag = el.shadowRoot!.querySelector('nip82-hidden-flag');
  if (!flag) return '';
  await waitUntil(() => flag.shadowRoot && text(flag.shadowRoot), 'the flag says something');
  return text(flag.shadowRoot);
}

describe('<nip82-record-viewer>: a pet\'s withheld items, passed on by the vet', function () {
  this.timeout(60000);

  it('the second clinic is told the owner withheld 1 item (an immunization), after the vet shared Rex\'s record on through the consent prompt', async () => {
    const url = await relayUrl('main');
    const { vet, record } = await rexAtVet('count-and-kind');
    expect(await flagWords(record, vet)).to.match(/^The owner withheld 1 item from this record/);
    const second = await person();
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="share" .records=${[record]} .signer=${vet.signer} relays=${url}></nip82-consent-prompt>`);
    $<HTMLButtonElement>(el, 'button[data-trigger]')!.click();
    await waitUntil(() => dialogOf(el).open && $$(el, 'li.item').length > 0, 'the items to choose');
    await typeRecipient(el, second.pubkey);
    await el.updateComplete;
    buttonByText(el, 'Review')!.click();
    await waitUntil(() => $(el, '.preview'), 'the preview');
    const passed = await shareAndOpen(el, url, second.signer);
    const words = await flagWords(passed, second);
    expect(words, 'the second clinic\'s flag').to.match(/^The owner withheld 1 item from this record/);
    expect(words).to.contain('1 immunization');
  });

  it('says no more than the owner\'s flag did: only that something was withheld', async () => {
    const { vet, record } = await rexAtVet('flag');
    const second = await person();
    const events = await createShare({ from: [record], author: vet.signer, participants: [{ pubkey: second.pubkey, role: 'viewer' }] });
    expect(await flagWords(await openRecord(events, second.signer), second)).to.match(/^Some items were withheld by the owner/);
  });
});
