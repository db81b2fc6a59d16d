/**
 * What the access list leaves for later must stay within reach: reading again (history, records)
 * reads what the last read left.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import { sendKeys } from '@web/test-runner-commands';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/access-list/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord } from '../components/core/nip82/record.js';
import { createAccessRequest } from '../components/core/nip82/requests.js';
import { RelayClient } from '../components/core/relay/client.js';
import type { NostrEvent } from '../components/core/events.js';
import { MAX_WRAPS_PER_READ } from '../components/core/store/record-store.js';
import { person, relayUrl, sampleBundle, type Person } from './helpers.js';
import { $, $$, buttonByText, text } from './element-helpers.js';

describe('<nip82-access-list>: finishing what was left', function () {
  this.timeout(60000);
  let url: string;
  let client: RelayClient;
  let patient: Person;
  let clinician: Person;
  let family: Person;

  before(async () => {
    url = await relayUrl('main');
    client = new RelayClient({ relays: [url] });
  });
  after(() => client.close());
  beforeEach(async () => {
    [patient, clinician, family] = [await person(), await person(), await person()];
  });

  const row = (el: Element, pubkey: string) => $(el, `[part=person][data-pubkey="${pubkey}"]`);

  it('"Show consent history" pressed again reads the messages the last read left', async () => {
    const total = MAX_WRAPS_PER_READ + 2;
    const wraps: NostrEvent[] = [];
    for (let i = 0; i < total; i++) {
      const { events } = await createAccessRequest({ signer: clinician.signer, patient: patient.pubkey, resourceTypes: ['AllergyIntolerance'], purpose: `Visit ${i}` });
      wraps.push(...events);
    }
    await client.publishAll(wraps);
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .records=${[]} .signer=${patient.signer} relays=${url}></nip82-access-list>`);
    buttonByText(el, 'Show consent history')!.click();
    await waitUntil(() => el.status === 'done', 'first read', { timeout: 20000 });
    await el.updateComplete;
    expect(text($(el, '[role=status]'))).to.contain('2 more messages were not read yet');
    buttonByText(el, 'Show consent history')!.click();
    await waitUntil(() => el.status === 'done' && !text($(el, '[role=status]')).includes('more messages'), 'second read reads the rest', { timeout: 20000 });
  });

  it('"Show who has access" becomes "Load your records again", which reads the records anew', async () => {
    const first = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [{ pubkey: clinician.pubkey, role: 'viewer' }] });
    await client.publishAll(first);
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .signer=${patient.signer} relays=${url}></nip82-access-list>`);
    buttonByText(el, 'Show who has access')!.click();
    await waitUntil(() => el.status === 'done' && row(el, clinician.pubkey), 'loaded', { timeout: 20000 });
    await el.updateComplete;
    expect(!!buttonByText(el, 'Show who has access')).to.equal(false);
    const again = buttonByText(el, 'Load your records again');
    expect(!!again, 'a way to load again').to.equal(true);
    const second = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [{ pubkey: family.pubkey, role: 'viewer' }] });
    await client.publishAll(second);
    again!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.status === 'done' && row(el, family.pubkey), 'the new record is read', { timeout: 20000 });
    expect($$(el, '[part=record]')).to.have.length(2);
    await expect(el).to.be.accessible();
  });
});
