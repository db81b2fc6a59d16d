/**
 * A share the patient composed (who, an item hidden) was signed, and no storage server
 * took it. They close the dialog and press "Share records…" again: what they chose is still there
 * (the item still hidden), "Try again" is offered, and it sends the same
 * signed share (nothing signed again), not a new form that would share the item they hid.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { counting, person, relayAcceptsOnly, relayUrl, sampleBundle, decliningSignatures } from './helpers.js';
import { $, buttonByText, dialogOf, previewHidingOne, text } from './element-helpers.js';
import { waitUntil } from './wait.js';

describe('the consent prompt: a share no storage server took, reopened', function () {
  this.timeout(60000);
  afterEach(() => relayAcceptsOnly('picky', null));

  it('keeps what the patient chose, offers "Try again", and sends the same signed share', async () => {
    const picky = await relayUrl('picky');
    const [patient, clinic] = [await person(), await person()];
    const bundle = sampleBundle();
    bundle.entry.push({
      fullUrl: 'urn:uuid:6a1f0bb2-6f0e-4c3a-9a43-0000000000f1',
      resource: { resourceType: 'Patient', id: '6a1f0bb2-6f0e-4c3a-9a43-0000000000f1', name: [{ family: 'Rivera', given: ['Luis'] }] },
    } as (typeof bundle.entry)[number]);
    const record = await openRecord(await createRecord({ bundle, author: patient.signer, participants: [] }), patient.signer);
    const signer = counting(patient.signer);
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="share" .records=${[record]} .signer=${signer} relays=${picky}></nip82-consent-prompt>`);
    const shared: number[] = [];
    el.addEventListener('nip82-share', (e) => shared.push(e.detail.hidden));
    await previewHidingOne(el, clinic.pubkey, 'Luis Rivera');
    await relayAcceptsOnly('picky', 0);
    buttonByText(el, /^Share with npub1/)!.click();
    await waitUntil(() => el.status === 'relay-error', 'no server took it');
    await el.updateComplete;
    expect(text($(el, 'dialog [role=status]'))).to.contain('Nothing was shared or sent');
    const signed = signer.calls.signEvent ?? 0;
    const closed = oneEvent(dialogOf(el), 'close');
    dialogOf(el).close();
    await closed;
    await el.updateComplete;

    // Reopened: what they chose is there, with the way to send it.
    $<HTMLButtonElement>(el, 'button[data-trigger]')!.click();
    await waitUntil(() => dialogOf(el).open, 'dialog opens again');
    await el.updateComplete;
    expect(text($(el, '#hidden-count')), 'the item hidden is still hidden').to.match(/\b1\b/);
    const again = buttonByText(el, 'Try again');
    expect(!!again, '"Try again" offered').to.equal(true);

    await relayAcceptsOnly('picky', null);
    again!.click();
    await waitUntil(() => el.status === 'done', 'sent');
    expect(signer.calls.signEvent ?? 0, 'nothing signed again').to.equal(signed);
    expect(shared, 'the share sent hides the item').to.deep.equal([1]);
  });

  it('a share the signer declined: reopened after Close, the preview is as the patient left it, and Share asks again', async () => {
    const [patient, clinic] = [await person(), await person()];
    const bundle = sampleBundle();
    bundle.entry.push({
      fullUrl: 'urn:uuid:6a1f0bb2-6f0e-4c3a-9a43-0000000000f2',
      resource: { resourceType: 'Patient', id: '6a1f0bb2-6f0e-4c3a-9a43-0000000000f2', name: [{ family: 'Rivera', given: ['Luis'] }] },
    } as (typeof bundle.entry)[number]);
    const record = await openRecord(await createRecord({ bundle, author: patient.signer, participants: [] }), patient.signer);
    const { signer, signs } = decliningSignatures(patient.signer);
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="share" .records=${[record]} .signer=${signer} relays=${await relayUrl('main')}></nip82-consent-prompt>`);
    const shared: number[] = [];
    el.addEventListener('nip82-share', (e) => shared.push(e.detail.hidden));
    await previewHidingOne(el, clinic.pubkey, 'Luis Rivera');
    buttonByText(el, /^Share with npub1/)!.click();
    await waitUntil(() => el.status === 'refused', 'declined');
    const closed = oneEvent(dialogOf(el), 'close');
    dialogOf(el).close();
    await closed;
    await el.updateComplete;

    $<HTMLButtonElement>(el, 'button[data-trigger]')!.click();
    await waitUntil(() => dialogOf(el).open, 'dialog opens again');
    await el.updateComplete;
    expect(text($(el, '#hidden-count')), 'the item hidden is still hidden').to.match(/\b1\b/);
    signs();
    buttonByText(el, /^Share with npub1/)!.click();
    await waitUntil(() => el.status === 'done', 'shared');
    expect(shared, 'the share sent hides the item').to.deep.equal([1]);
  });
});
