/**
 * A clinician a patient let view and share a record until today opens "Share records…", and the
 * share to them ends while the dialog is open: pressing Share must not send on what is no longer
 * theirs to pass on, nor send a share quietly missing the items the preview listed. The dialog
 * says why, and the signer is asked nothing.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { createShare } from '../components/core/nip82/share.js';
import { consentSource, grantConsent } from '../components/core/nip82/grant-create.js';
import { RECORD_KIND } from '../components/core/nip82/constants.js';
import { RelayClient } from '../components/core/relay/client.js';
import { counting, person, recordAbout, relayUrl, skewClock } from './helpers.js';
import { $, buttonByText, dialogOf, isoDay, text, typeRecipient } from './element-helpers.js';
import { waitUntil } from './wait.js';

describe('the consent prompt: a share to the user that ends while its dialog is open', function () {
  this.timeout(60000);

  it('is not passed on: the dialog says the share ended, and nothing is signed or sent', async () => {
    const url = await relayUrl('main');
    const [clinician, patient, other] = await Promise.all([person(), person(), person()]);
    const record = await openRecord(await createRecord({ bundle: recordAbout('Rosa Diaz', 'Hepatitis C', patient), author: patient.signer, participants: [] }), patient.signer);
    const { source, fullUrl } = consentSource(record, grantConsent({ patient: patient.pubkey, recipient: clinician.pubkey, role: 'editor', until: isoDay(0) }));
    const events = await createShare({
      from: [record, source], include: [...record.bundle.entry!.map((e) => e.fullUrl!), fullUrl], author: patient.signer,
      participants: [{ pubkey: clinician.pubkey, role: 'editor' }],
    });
    const theirs = await openRecord(events, clinician.signer);
    const signer = counting(clinician.signer);

    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="share" relays=${url} .signer=${signer} .records=${[theirs]}></nip82-consent-prompt>`);
    buttonByText(el, /^Share records/)!.click();
    await waitUntil(() => dialogOf(el).open, 'the share dialog opens');
    await typeRecipient(el, other.pubkey);
    buttonByText(el, 'Review')!.click();
    await waitUntil(() => buttonByText(el, /^Share with npub1/), 'the preview');

    // Two days on, the dialog still open: the share to the clinician ended at the patient's midnight.
    const restore = skewClock(2 * 24 * 3600 * 1000);
    try {
      buttonByText(el, /^Share with npub1/)!.click();
      await waitUntil(() => $(el, '#problems'), 'the dialog says why', { timeout: 20000 });
      await el.updateComplete;
      expect(text($(el, '#problems'))).to.match(/^The share of “Conditions · from npub1\S+ · [^”]+” with you ended while this was open, so their items can no longer be passed on and were taken off\. Look at what is left before you share\.$/);
      // Nothing of it is left to share: the choice afresh, the patient's items no longer offered.
      expect(text($(el, 'dialog')), 'the patient\'s items').not.to.match(/Hepatitis C/);
      expect(buttonByText(el, /^Share with npub1/), 'no share to confirm').to.equal(undefined);
    } finally {
      restore();
    }
    expect(signer.calls.signEvent ?? 0, 'nothing signed').to.equal(0);
    const client = new RelayClient({ relays: [url] });
    try {
      expect((await client.query({ kinds: [RECORD_KIND], '#p': [other.pubkey] })).events, 'nothing sent').to.deep.equal([]);
    } finally {
      client.close();
    }
  });

  it('beside the user\'s own records: the rest is shown again, and what goes out is what the preview then shows', async () => {
    const url = await relayUrl('main');
    const [clinician, patient, other] = await Promise.all([person(), person(), person()]);
    const mine = await openRecord(await createRecord({ bundle: recordAbout('Rosa Diaz', 'Migraine', patient), author: clinician.signer, participants: [] }), clinician.signer);
    const record = await openRecord(await createRecord({ bundle: recordAbout('Rosa Diaz', 'Hepatitis C', patient), author: patient.signer, participants: [] }), patient.signer);
    const { source, fullUrl } = consentSource(record, grantConsent({ patient: patient.pubkey, recipient: clinician.pubkey, role: 'editor', until: isoDay(0) }));
    const theirs = await openRecord(await createShare({
      from: [record, source], include: [...record.bundle.entry!.map((e) => e.fullUrl!), fullUrl], author: patient.signer,
      participants: [{ pubkey: clinician.pubkey, role: 'editor' }],
    }), clinician.signer);
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="share" relays=${url} .signer=${clinician.signer} .records=${[mine, theirs]}></nip82-consent-prompt>`);
    buttonByText(el, /^Share records/)!.click();
    await waitUntil(() => dialogOf(el).open, 'the share dialog opens');
    await typeRecipient(el, other.pubkey);
    buttonByText(el, 'Review')!.click();
    await waitUntil(() => buttonByText(el, /^Share with npub1/), 'the preview');
    expect(text($(el, 'dialog'))).to.match(/Hepatitis C/);

    const restore = skewClock(2 * 24 * 3600 * 1000);
    try {
      buttonByText(el, /^Share with npub1/)!.click();
      await waitUntil(() => $(el, '#problems'), 'the dialog says why', { timeout: 20000 });
      await el.updateComplete;
      expect(text($(el, 'dialog')), 'the preview shows what is left').not.to.match(/Hepatitis C/);
      expect(text($(el, 'dialog'))).to.match(/Migraine/);
      buttonByText(el, /^Share with npub1/)!.click();
      await waitUntil(() => el.status === 'done', 'shared what is left', { timeout: 20000 });
      // Read while this device's clock is still two days on: the share is dated then.
      const client = new RelayClient({ relays: [url] });
      try {
        const shared = await openRecord((await client.query({ kinds: [RECORD_KIND], '#p': [other.pubkey] })).events, other.signer);
        const said = JSON.stringify(shared.bundle);
        expect(said).to.include('Migraine');
        expect(said).not.to.include('Hepatitis C');
      } finally {
        client.close();
      }
    } finally {
      restore();
    }
  });
});
