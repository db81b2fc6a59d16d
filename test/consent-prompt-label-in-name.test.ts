/**
 * A person who works by voice says what they see: "click Vaccinations (17)". In the share dialog,
 * each kind's checkbox (shown as "Vaccinations (17)") is named with those same words, so saying them
 * reaches it (WCAG 2.5.3 label in name), in English and Spanish; the name still says what it does.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { waitUntil } from './wait.js';
import { fixture as dataFixture, person } from './helpers.js';
import { $$, dialogOf, text, typeRecipient } from './element-helpers.js';

const fold = (t: string) => t.replace(/[\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();

for (const { lang, open, verb } of [
  { lang: 'en', open: 'Share records…', verb: /^share all /i },
  { lang: 'es', open: 'Compartir historiales…', verb: /^compartir todo: /i },
]) {
  it(`each kind's checkbox in the share dialog is named by the words shown beside it (${lang})`, async function () {
    this.timeout(60000);
    const [patient, clinician] = [await person(), await person()];
    const bundle = (await dataFixture('synthea-patient.json')) as FhirBundle;
    const record = await openRecord(await createRecord({ bundle, author: patient.signer, participants: [] }), patient.signer);
    const wrapper = await fixture<HTMLDivElement>(html`<div lang=${lang}>
      <nip82-consent-prompt mode="share" .records=${[record]} .signer=${patient.signer} relays="ws://127.0.0.1:1"></nip82-consent-prompt>
    </div>`);
    const el = wrapper.querySelector<Nip82ConsentPrompt>('nip82-consent-prompt')!;
    await el.updateComplete;
    await waitUntil(() => $$(el, 'button').some((b) => text(b) === open), 'the way to share');
    $$(el, 'button').find((b) => text(b) === open)!.click();
    await waitUntil(() => dialogOf(el).open, 'the share dialog');
    await typeRecipient(el, clinician.pubkey);
    await waitUntil(() => $$(el, '.group-head input').length > 3, 'the kinds to share');

    const boxes = $$<HTMLInputElement>(el, '.group-head input');
    const named = boxes.map((box) => ({ shown: fold([...box.labels!].map((l) => l.innerText).join(' ')), name: fold(box.getAttribute('aria-label') ?? '') }));
    expect(named.map((n) => n.shown)).to.include(lang === 'en' ? 'vaccinations (17)' : 'vacunas (17)');
    for (const { shown, name } of named) {
      expect(name, `the checkbox shown as "${shown}"`).to.contain(shown);
      expect(name, `the checkbox shown as "${shown}" says what it does`).to.match(verb);
    }
  });
}
