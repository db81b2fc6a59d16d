/**
 * A user holds a parent's record beside their own, and a clinic asks for what only the parent's
 * holds (a condition): the answer starts on the parent's records, so it can be approved, and the
 * "Whose records" choice stays on screen when the one chosen holds nothing asked for. Typing a
 * reply does not work the share out again (the plan is kept across renders).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import { waitUntil } from './wait.js';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { createAccessRequest, readConsentMessages } from '../components/core/nip82/requests.js';
import { RelayClient } from '../components/core/relay/client.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { person, relayUrl } from './helpers.js';
import { $, $$, buttonByText, dialogOf, text } from './element-helpers.js';

const uuid = () => crypto.randomUUID();

/** A person's own record: them (with their key), and one item of `kind` named `label`. */
function personBundle(name: string, pubkey: string, kind: 'AllergyIntolerance' | 'Condition', label: string): FhirBundle {
  const [me, item] = [uuid(), uuid()];
  const status = kind === 'Condition' ? 'condition-clinical' : 'allergyintolerance-clinical';
  return {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [
      { fullUrl: `urn:uuid:${me}`, resource: { resourceType: 'Patient', id: me, name: [{ text: name }], identifier: [{ system: 'urn:ietf:rfc:3986', value: `nostr:${npubEncode(pubkey)}` }] } },
      {
        fullUrl: `urn:uuid:${item}`,
        resource: {
          resourceType: kind, id: item, code: { text: label },
          ...(kind === 'Condition' ? { subject: { reference: `urn:uuid:${me}` } } : { patient: { reference: `urn:uuid:${me}` } }),
          clinicalStatus: { coding: [{ system: `http://terminology.hl7.org/CodeSystem/${status}`, code: 'active' }] },
        },
      },
    ],
  } as FhirBundle;
}

describe('the consent prompt: answering a request only a parent\'s records can meet', function () {
  this.timeout(60000);

  async function openAnswer() {
    const url = await relayUrl('main');
    const [me, parent, clinic] = await Promise.all([person(), person(), person()]);
    const mine = await openRecord(await createRecord({ bundle: personBundle('Ana Rivera', me.pubkey, 'AllergyIntolerance', 'Penicillin'), author: me.signer, participants: [] }), me.signer);
    const theirs = await openRecord(
      await createRecord({ bundle: personBundle('Rosa Diaz', parent.pubkey, 'Condition', 'Asthma'), author: parent.signer, participants: [{ pubkey: me.pubkey, role: 'editor' }] }), me.signer);
    const client = new RelayClient({ relays: [url] });
    let request;
    try {
      const { events, request: sent } = await createAccessRequest({ signer: clinic.signer, patient: me.pubkey, resourceTypes: ['Condition'], purpose: 'Follow-up' });
      await client.publishAll(events);
      request = (await readConsentMessages((await client.wrapsFor(me.pubkey)).events, me.signer)).find((m) => m.id === sent.id)!;
    } finally {
      client.close();
    }
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="answer" .request=${request} .records=${[mine, theirs]} .signer=${me.signer} relays=${url}></nip82-consent-prompt>`);
    $<HTMLButtonElement>(el, 'li.request button')!.click();
    await waitUntil(() => dialogOf(el).open && $(el, '#records-from'), 'the answer form with the records');
    await el.updateComplete;
    return el;
  }

  const rows = (el: Nip82ConsentPrompt) => $$(el, 'li.item').map((li) => text(li.querySelector('label')));
  const choices = (el: Nip82ConsentPrompt) => $$<HTMLInputElement>(el, 'fieldset.about input[type=radio]');

  it('starts on the parent\'s records, which hold what was asked, and offers an approval', async () => {
    const el = await openAnswer();
    expect(rows(el).some((r) => r.includes('Asthma')), `the parent's condition offered: ${JSON.stringify(rows(el))}`).to.equal(true);
    expect($(el, '.nothing-asked') === null, 'no "nothing to share" note').to.equal(true);
    expect(buttonByText(el, /^Review: approve/) !== undefined, 'an approval offered').to.equal(true);
    expect(choices(el).map((c) => `${text(c.closest('label'))}:${c.checked}`)).to.deep.equal(['Yours:false', 'Rosa Diaz:true']);
  });

  it('keeps "Whose records" on screen above the note when the one chosen holds nothing asked for', async () => {
    const el = await openAnswer();
    choices(el)[0]!.click();
    await waitUntil(() => $(el, '.nothing-asked'), 'the nothing-asked note for the user\'s own records');
    const about = $(el, 'fieldset.about');
    expect(about !== null, 'the chooser shown').to.equal(true);
    expect(!!(about!.compareDocumentPosition($(el, '.nothing-asked')!) & Node.DOCUMENT_POSITION_FOLLOWING), 'the chooser above the note').to.equal(true);
    choices(el)[1]!.click();
    await waitUntil(() => rows(el).some((r) => r.includes('Asthma')), 'back on the parent\'s condition');
    expect(buttonByText(el, /^Review: approve/) !== undefined).to.equal(true);
  });

  it('keeps the worked-out share while the patient types a reply', async () => {
    const el = await openAnswer();
    const plan = (el as unknown as { plan: { plan(): unknown } }).plan;
    const before = plan.plan();
    const reply = $<HTMLTextAreaElement>(el, '#reply')!;
    for (const value of ['T', 'Th', 'Thanks']) {
      reply.value = value;
      reply.dispatchEvent(new Event('input'));
      await el.updateComplete;
    }
    expect(plan.plan() === before, 'the same plan after three renders').to.equal(true);
  });

  it('keeps it too when the records come as a new list of the same records at each ask (as a session\'s store gives them)', async () => {
    const el = await openAnswer();
    const records = [...(el.records ?? [])];
    // A store's `held` is a new array at every ask, of the same records while none changed.
    Object.defineProperty(el, 'available', { configurable: true, get: () => [...records] });
    const plan = (el as unknown as { plan: { plan(): unknown } }).plan;
    const reply = $<HTMLTextAreaElement>(el, '#reply')!;
    reply.value = 'T';
    reply.dispatchEvent(new Event('input'));
    await el.updateComplete;
    const before = plan.plan();
    for (const value of ['Th', 'Thanks']) {
      reply.value = value;
      reply.dispatchEvent(new Event('input'));
      await el.updateComplete;
    }
    expect(plan.plan() === before, 'the same plan after two more renders').to.equal(true);
  });

  it('forgets the records it worked a share out of when another person signs in', async () => {
    const el = await openAnswer();
    const kept = () => (el as unknown as { planKept?: { records: unknown[] } }).planKept;
    expect(kept()?.records.length, 'the parent\'s records worked out').to.equal(1);
    el.signer = (await person()).signer;
    await waitUntil(() => !dialogOf(el).open, 'the dialog closes for the next person');
    expect(kept(), 'nothing of the last user\'s records kept').to.equal(undefined);
  });
});
