/**
 * The host names the people it knows (`knownNames`, e.g. its directory of clinics). Wherever the
 * viewer names one of them, it uses that name, not a short npub: the record's Author line as well
 * as its items, and the line a patient reads on a share they made ("You hid 2 items from …").
 */
import { expect, fixture, html } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/record-viewer/define.js';
import '../components/session/define.js';
import type { Nip82Session } from '../components/session/session.js';
import { waitUntil } from './wait.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { createShare } from '../components/core/nip82/share.js';
import { consentSource, grantConsent } from '../components/core/nip82/grant-create.js';
import { shortNpub } from '../components/shared/identity.js';
import { person, sampleBundle } from './helpers.js';
import { $, $$, isoDay, text } from './element-helpers.js';

describe('the record viewer: names the host knows', () => {
  it('names the record\'s author as it names the items the same clinic signed', async () => {
    const [clinic, patient] = await Promise.all([person(), person()]);
    const events = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: clinic.signer, participants: [{ pubkey: patient.pubkey, role: 'editor' }] });
    const record = await openRecord(events, patient.signer);
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer .records=${[record]} .knownNames=${{ [clinic.pubkey]: 'Lakeside Hospital' }}></nip82-record-viewer>`);
    await el.updateComplete;
    const itemLine = text($$(el, '.item-provenance.signed')[0]);
    const authorLine = text($(el, '[part=provenance] dd'));
    expect(itemLine.includes('Lakeside Hospital')).to.equal(true);
    expect(authorLine).to.equal('Lakeside Hospital · verified signature'.replace('verified signature', text($(el, '[part=provenance] .verified'))));
    expect(authorLine.includes(shortNpub(clinic.pubkey))).to.equal(false);
    // Without the host's name, the short npub stays: a record is never left without its author.
    el.knownNames = {};
    await el.updateComplete;
    expect(text($(el, '[part=provenance] dd')).includes(shortNpub(clinic.pubkey))).to.equal(true);
  });

  it('takes the names of the session it is in, its own first', async () => {
    const [clinic, patient] = await Promise.all([person(), person()]);
    const events = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: clinic.signer, participants: [{ pubkey: patient.pubkey, role: 'editor' }] });
    const record = await openRecord(events, patient.signer);
    const session = await fixture<Nip82Session>(html`<nip82-session no-controls .signer=${patient.signer} .knownNames=${{ [clinic.pubkey]: 'Lakeside Hospital' }}>
      <nip82-record-viewer .records=${[record]}></nip82-record-viewer>
    </nip82-session>`);
    const el = session.querySelector<Nip82RecordViewer>('nip82-record-viewer')!;
    await waitUntil(() => text($(el, '[part=provenance] dd')).startsWith('Lakeside Hospital'), 'the session\'s name for the author');
    el.knownNames = { [clinic.pubkey]: 'Lakeside Hospital, Cardiology' };
    await waitUntil(() => text($(el, '[part=provenance] dd')).startsWith('Lakeside Hospital, Cardiology'), 'the viewer\'s own name first');
    expect(text($$(el, '.item-provenance.signed')[0])).to.contain('Lakeside Hospital, Cardiology');
  });

  it('names the clinician a patient hid items from on a share they made', async () => {
    const [clinic, patient, vet] = await Promise.all([person(), person(), person()]);
    const made = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: clinic.signer, participants: [{ pubkey: patient.pubkey, role: 'editor' }] });
    const record = await openRecord(made, patient.signer);
    const consent = grantConsent({ patient: patient.pubkey, recipient: vet.pubkey, role: 'viewer', until: isoDay(30) });
    const { source } = consentSource(record, consent);
    const items = record.bundle.entry!.filter((e) => e.resource.resourceType !== 'Patient' && e.resource.resourceType !== 'Provenance');
    const events = await createShare({
      from: [record, source], withhold: items.slice(0, 2).map((e) => e.fullUrl!), disclose: 'count',
      author: patient.signer, participants: [{ pubkey: vet.pubkey, role: 'viewer' }],
    });
    const copy = await openRecord(events, patient.signer);
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer .records=${[copy]} .knownNames=${{ [vet.pubkey]: 'Harbor Vets' }}></nip82-record-viewer>`);
    await el.updateComplete;
    const line = text($(el, '.you-hid'));
    expect(line).to.match(/^You hid 2 items from .*Harbor Vets.*\.$/);
    expect(line.includes(shortNpub(vet.pubkey))).to.equal(false);
  });
});
