/**
 * A browser's page translation rewrites the page's text, and a person's name or a drug's name must
 * stay as written ("Rose Baker" is not "Rosa Panadera", "Warfarin" is nobody's translation): the
 * text that names a person or a medicine says so (translate="no"); the words around it stay
 * translatable.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { Nip82Session } from '../components/session/session.js';
import type { Nip82NpubPicker } from '../components/npub-picker/npub-picker.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import type { Nip07Provider } from '../components/core/signers/nip07.js';
import { person, relayUrl } from './helpers.js';
import { fakeExtension } from './fake-extension.js';
import { render } from 'lit';
import { withBdi } from '../components/shared/bdi.js';
import { isolate } from '../components/shared/identity.js';
import { $, $$, buttonByText, text } from './element-helpers.js';
import { waitUntil } from './wait.js';

const bundle = {
  resourceType: 'Bundle', type: 'collection',
  entry: [
    { fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000001', resource: {
        resourceType: 'Patient', id: 'p1', name: [{ given: ['Rose'], family: 'Baker' }],
        telecom: [{ system: 'phone', value: '555-0142' }, { system: 'email', value: 'rose.baker@example.org' }],
        address: [{ line: ['12 Mill Lane'], city: 'Springfield' }],
      } },
    { fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000002', resource: { resourceType: 'Practitioner', id: 'dr', name: [{ given: ['Hope'], family: 'Miller' }] } },
    {
      fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000003',
      resource: {
        resourceType: 'MedicationRequest', id: 'm1', status: 'active', intent: 'order', subject: { reference: 'Patient/p1' },
        medicationCodeableConcept: { text: 'Warfarin 5 mg tablet' }, requester: { reference: 'Practitioner/dr' }, authoredOn: '2024-02-01',
      },
    },
    {
      fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000004',
      resource: {
        resourceType: 'Condition', id: 'c1', subject: { reference: 'Patient/p1' }, code: { text: 'Heart rhythm problem' },
        recordedDate: '2024-01-05', recorder: { reference: 'Practitioner/dr' },
      },
    },
    {
      fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000005',
      resource: {
        resourceType: 'Procedure', id: 'pr1', status: 'completed', subject: { reference: 'Patient/p1' }, code: { text: 'Heart scan' },
        performedDateTime: '2024-01-06', performer: [{ actor: { reference: 'Practitioner/dr' } }],
      },
    },
  ],
} as unknown as FhirBundle;

/** Every element of `roots` (and the shadow roots inside) whose own text is `words`. */
function holding(root: ShadowRoot, words: string): HTMLElement[] {
  const found: HTMLElement[] = [];
  for (const el of root.querySelectorAll<HTMLElement>('*')) {
    if (el.shadowRoot) found.push(...holding(el.shadowRoot, words));
    if ([...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').includes(words))) found.push(el);
  }
  return found;
}

/** Whether a page translator leaves `el` as written: it or an element around it, in its tree, says translate="no". */
const keptAsWritten = (el: HTMLElement) => !el.translate;

describe('page translation: names stay as written', () => {
  it('the record viewer marks a person\'s and a medicine\'s names, not the words around them', async () => {
    const viewer = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer .bundle=${bundle}></nip82-record-viewer>`);
    await waitUntil(() => $$(viewer, '[part=item]').length >= 4, 'the items never showed');
    await viewer.updateComplete;
    // The patient card's phone, email and address are as written too ("Mill Lane" is not "Calle del Molino").
    for (const words of ['Rose Baker', 'Warfarin 5 mg tablet', 'Hope Miller', '555-0142', 'rose.baker@example.org', '12 Mill Lane']) {
      const shown = holding(viewer.shadowRoot!, words);
      expect(shown.length, `${words} shown`).to.be.above(0);
      for (const el of shown) expect(keptAsWritten(el), `${words} in <${el.localName} class="${el.className}"> left to the translator`).to.equal(true);
    }
    // The words of the record that are not names stay translatable, and so do the kit's own.
    for (const words of ['Heart rhythm problem', 'Heart scan']) {
      for (const el of holding(viewer.shadowRoot!, words)) expect(keptAsWritten(el), `${words} kept from the translator`).to.equal(false);
    }
  });

  it('the session bar marks the signed-in person\'s name', async () => {
    const rose = await person();
    const ext = fakeExtension(rose.signer);
    (window as { nostr?: Nip07Provider }).nostr = ext.provider;
    const wrap = await fixture<HTMLElement>(html`<div><nip82-session relays=${await relayUrl()} .knownNames=${{ [rose.pubkey]: 'Rose Baker' }}></nip82-session></div>`);
    const session = wrap.querySelector('nip82-session') as Nip82Session;
    await waitUntil(() => { const b = buttonByText(session, /browser extension/); return !!b && !b.disabled; }, 'the extension offered');
    buttonByText(session, /browser extension/)!.click();
    await waitUntil(() => session.pubkey === rose.pubkey, 'signed in');
    await session.updateComplete;
    expect(text($(session, '[part=bar] .name'))).to.equal('Rose Baker');
    expect(keptAsWritten($(session, '[part=bar] .name')!), 'the name left to the translator').to.equal(true);
    expect(keptAsWritten($(session, '[part=bar] .who')!), 'the sentence around the name').to.equal(false);
    delete (window as { nostr?: Nip07Provider }).nostr;
  });

  it('the recipient picker marks the chosen person\'s name, not its own "No name"', async () => {
    const hope = await person();
    const picker = await fixture<Nip82NpubPicker>(html`<nip82-npub-picker .knownNames=${{ [hope.pubkey]: 'Hope Miller' }} .value=${hope.pubkey}></nip82-npub-picker>`);
    await waitUntil(() => text($(picker, '[part~=name]')) === 'Hope Miller', 'the name shown');
    expect(keptAsWritten($(picker, '[part~=name]')!), 'the name left to the translator').to.equal(true);
    expect(keptAsWritten($(picker, '[part~=profile]')!), 'the words around it').to.equal(false);
  });

  it('a sentence with a name set apart (a dialog\'s heading, a button) keeps the name and translates the rest', () => {
    const shown = document.createElement('p');
    render(withBdi(`Share with ${isolate('Hope Miller')}`), shown);
    expect(text(shown)).to.equal('Share with Hope Miller');
    expect(keptAsWritten(shown.querySelector('bdi')!), 'the name left to the translator').to.equal(true);
    expect(keptAsWritten(shown), 'the sentence').to.equal(false);
  });
});
