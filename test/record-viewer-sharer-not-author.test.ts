/**
 * A share the patient passed on reads as shared by them, not as written by them: its items say
 * they are from the clinic, and its heading must not name the patient as their author.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { createShare } from '../components/core/nip82/share.js';
import { $, text } from './element-helpers.js';
import { person, sampleBundle } from './helpers.js';

describe('record viewer: who shared a record and who wrote it', () => {
  it('names the patient as who shared it, and the clinic as the author of its own record', async () => {
    const [clinic, patient, doctor] = await Promise.all([person(), person(), person()]);
    const names = { [clinic.pubkey]: 'Lakeside Hospital', [patient.pubkey]: 'Alex' };
    const events = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: clinic.signer, participants: [{ pubkey: patient.pubkey, role: 'editor' }] });
    const record = await openRecord(events, patient.signer);
    const share = await openRecord(await createShare({ from: [record], include: record.bundle.entry!.map((e) => e.fullUrl!), author: patient.signer, participants: [{ pubkey: doctor.pubkey, role: 'viewer' }] }), doctor.signer);
    const head = async (r: unknown, lang = 'en') => {
      const box = await fixture<HTMLDivElement>(html`<div lang=${lang}><nip82-record-viewer .records=${[r]} .knownNames=${names}></nip82-record-viewer></div>`);
      const el = box.querySelector<Nip82RecordViewer>('nip82-record-viewer')!;
      await el.updateComplete;
      const first = $(el, '[part="provenance"] div')!;
      return `${text(first.querySelector('dt'))}: ${text(first.querySelector('dd'))}`;
    };
    expect(await head(share)).to.equal('Shared by: Alex · signature checked');
    expect(await head(share, 'es')).to.match(/^Compartido por: Alex · /);
    expect(await head(record)).to.equal('Author: Lakeside Hospital · signature checked');
  });
});
