/**
 * Revoking one of three shares made to one person on one day: the dialog lists the other two, the
 * ones that stay. Listed by day alone they read the same, so the patient cannot tell which stay;
 * the dialog says each as the list of shares does (its time, and which of those made in one minute).
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/access-list/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { createShare } from '../components/core/nip82/share.js';
import { consentSource, grantConsent } from '../components/core/nip82/grant-create.js';
import { $$, dialogOf, text } from './element-helpers.js';
import { waitUntil } from './wait.js';
import { person, sampleBundle } from './helpers.js';

describe('<nip82-access-list>: the revoke dialog over shares to one person on one day', function () {
  this.timeout(60000);

  it('tells the shares that stay apart, in the words the list uses for them', async () => {
    const [patient, clinic] = await Promise.all([person(), person()]);
    const t = Math.floor(Date.now() / 1000) - 86400;
    const record = await openRecord(await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [], createdAt: t }), patient.signer);
    const items = record.bundle.entry!.filter((e) => !['Patient', 'Provenance'].includes(e.resource.resourceType)).map((e) => e.fullUrl!);
    const noon = new Date(Date.now() - 86400_000);
    noon.setHours(11, 0, 0, 0);
    const at = (hours: number) => Math.floor(noon.getTime() / 1000) + hours * 3600;
    const shareTo = async (when: number) => {
      const consent = grantConsent({ patient: patient.pubkey, recipient: clinic.pubkey, role: 'viewer', until: '2099-01-31' });
      const iso = new Date(when * 1000).toISOString();
      (consent.provision as { period: { start: string } }).period.start = iso;
      consent.dateTime = iso;
      const { source, fullUrl } = consentSource(record, consent);
      return openRecord(await createShare({ from: [record, source], include: [...items, fullUrl], createdAt: when, author: patient.signer, participants: [{ pubkey: clinic.pubkey, role: 'viewer' }] }), patient.signer);
    };
    // The last two in one minute: shared again at once after a refusal.
    const shares = [await shareTo(at(0)), await shareTo(at(2)), await shareTo(at(2) + 20)];
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .records=${[record, ...shares]} .signer=${patient.signer} .knownNames=${{ [clinic.pubkey]: 'Lakeside Clinic' }}></nip82-access-list>`);
    await waitUntil(() => $$(el, '[part=share]').length === 3 && text(el.shadowRoot).includes('(you)'), 'the shares are listed');
    const listed = $$(el, '[part=share]').map((li) => text(li.querySelector('p:not(.who)')));

    $$(el, '[part=share] button.revoke')[0]!.click();
    await waitUntil(() => dialogOf(el).open, 'the dialog opens');
    await el.updateComplete;
    const staying = [...dialogOf(el).querySelectorAll('.elsewhere li')].map((li) => text(li));
    expect(staying.length, 'the two other shares are listed').to.equal(2);
    expect(new Set(staying).size, `the shares that stay read differently: ${staying.join(' | ')}`).to.equal(2);
    for (const line of staying) expect(listed, `"${line}" reads as the list says that share`).to.include(line);
  });
});
