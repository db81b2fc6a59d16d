/**
 * A patient shared with a clinic twice on one day (once more after a change of mind, or after a
 * refusal at the signer, often within the minute). Listed by day alone, the shares read the same and
 * their Revoke buttons sound the same, so the patient cannot tell which one they revoke. Shares alike
 * on one day say the time as well, and those alike to the minute which of them each is; a share alone
 * on its day keeps the day.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/access-list/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { createShare } from '../components/core/nip82/share.js';
import { consentSource, grantConsent } from '../components/core/nip82/grant-create.js';
import { $$, accessibleName, text } from './element-helpers.js';
import { waitUntil } from './wait.js';
import { person, sampleBundle } from './helpers.js';

describe('<nip82-access-list>: two shares to one person on the same day', function () {
  this.timeout(60000);

  it('each says its time (and which of those made in one minute), and their Revoke buttons sound different; a share alone on its day says the day only', async () => {
    const [patient, clinic, dentist] = await Promise.all([person(), person(), person()]);
    const t = Math.floor(Date.now() / 1000) - 86400;
    const record = await openRecord(await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [], createdAt: t }), patient.signer);
    const items = record.bundle.entry!.filter((e) => !['Patient', 'Provenance'].includes(e.resource.resourceType)).map((e) => e.fullUrl!);
    // Two hours apart, on the day before today (noon there, so both fall on that day anywhere the test runs).
    const noon = new Date(Date.now() - 86400_000);
    noon.setHours(11, 0, 0, 0);
    const at = (hours: number) => Math.floor(noon.getTime() / 1000) + hours * 3600;
    const shareTo = async (who: string, when: number) => {
      // Made at that hour: the share's start is its Consent's, as a share made then would write it.
      const consent = grantConsent({ patient: patient.pubkey, recipient: who, role: 'viewer', until: '2099-01-31' });
      const iso = new Date(when * 1000).toISOString();
      (consent.provision as { period: { start: string } }).period.start = iso;
      consent.dateTime = iso;
      const { source, fullUrl } = consentSource(record, consent);
      return openRecord(await createShare({ from: [record, source], include: [...items, fullUrl], createdAt: when, author: patient.signer, participants: [{ pubkey: who, role: 'viewer' }] }), patient.signer);
    };
    // The third to the clinic in the same minute as the second: shared again at once after a refusal.
    const shares = [await shareTo(clinic.pubkey, at(0)), await shareTo(clinic.pubkey, at(2)), await shareTo(clinic.pubkey, at(2) + 20), await shareTo(dentist.pubkey, at(1))];
    const names = { [clinic.pubkey]: 'Lakeside Clinic', [dentist.pubkey]: 'Dr Sato' };
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .records=${[record, ...shares]} .signer=${patient.signer} .knownNames=${names}></nip82-access-list>`);
    await waitUntil(() => $$(el, '[part=share]').length === 4 && text(el.shadowRoot).includes('(you)'), 'the shares are listed');

    const clinics = $$(el, `[part=share][data-pubkey="${clinic.pubkey}"]`);
    const lines = clinics.map((li) => text(li.querySelector('p:not(.who)')));
    expect(new Set(lines).size, `every line differs: ${lines.join(' | ')}`).to.equal(3);
    const buttons = clinics.map((li) => accessibleName(li.querySelector('button.revoke')!));
    expect(new Set(buttons).size, `every Revoke button sounds different: ${buttons.join(' | ')}`).to.equal(3);
    // The dentist's share is alone on its day: the day, as before, with no time.
    const dentistLine = text($$(el, `[part=share][data-pubkey="${dentist.pubkey}"]`)[0]!.querySelector('p:not(.who)'));
    expect(dentistLine).to.match(/^Shared on [A-Z][a-z]{2} \d{1,2}, \d{4}: \d+ items\.$/);
  });
});
