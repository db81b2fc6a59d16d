/**
 * A record only part of which reached the storage servers (a share that went out only in part,
 * then left): the patient can still revoke the person it lists. The dialog says that only the parts
 * found are taken back and that the others stay open to that person wherever they are stored; the
 * part that went out is replaced by a version they cannot open.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/define.js';
import type { Nip82Session } from '../components/session/session.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { RECORD_KIND } from '../components/core/nip82/constants.js';
import { RecordError } from '../components/core/errors.js';
import { RelayClient } from '../components/core/relay/client.js';
import type { Nip07Provider } from '../components/core/signers/nip07.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { shortNpub } from '../components/shared/identity.js';
import { waitUntil } from './wait.js';
import { fixture as dataFixture, person, rejects, relayUrl } from './helpers.js';
import { fakeExtension } from './fake-extension.js';
import { $, buttonByText, dialogOf, text } from './element-helpers.js';

describe('access list: revoking a record only part of which was found', function () {
  this.timeout(120000);
  afterEach(() => { delete (window as { nostr?: unknown }).nostr; });

  it('says what is taken back and what cannot be, then takes back the part found', async () => {
    const url = await relayUrl('main');
    const [patient, clinician] = [await person(), await person()];
    const bundle = (await dataFixture('synthea-patient.json')) as FhirBundle;
    const events = await createRecord({ bundle, author: patient.signer, participants: [{ pubkey: clinician.pubkey, role: 'viewer' }] });
    const parts = events.filter((e) => e.kind === RECORD_KIND);
    expect(parts.length, 'a record of several parts').to.be.greaterThan(1);
    const client = new RelayClient({ relays: [url] });
    try {
      // Only the first part went out.
      await client.publishAll([parts[0]!]);
      const ext = fakeExtension(patient.signer);
      (window as { nostr?: Nip07Provider }).nostr = ext.provider;
      const session = await fixture<Nip82Session>(html`<nip82-session relays=${url}><nip82-access-list></nip82-access-list></nip82-session>`);
      await waitUntil(() => { const b = buttonByText(session, /browser extension/); return !!b && !b.disabled; }, 'the extension offered');
      buttonByText(session, /browser extension/)!.click();
      await waitUntil(() => session.pubkey === patient.pubkey, 'signed in');
      const list = session.querySelector('nip82-access-list') as Nip82AccessList;
      await list.updateComplete;
      buttonByText(list, 'Unlock my records')!.click();
      const revoke = `[part=person][data-pubkey="${clinician.pubkey}"] button.revoke`;
      await waitUntil(() => $(list, revoke), 'the people listed', { timeout: 20000 });
      $<HTMLButtonElement>(list, revoke)!.click();
      await waitUntil(() => dialogOf(list).open, 'dialog opens');
      await list.updateComplete;
      expect(text($(list, 'dialog .parts-missing'))).to.equal(
        `Only 1 of ${parts.length} parts of this record were found on your storage servers. Those are taken back; the parts not found cannot be, and stay open to ${shortNpub(clinician.pubkey)} wherever they are stored.`,
      );

      buttonByText(list, `Revoke access for ${shortNpub(clinician.pubkey)}`)!.click();
      await waitUntil(() => !['idle', 'working', 'waiting-signer'].includes(list.status), 'the revocation ends', { timeout: 20000 });
      expect(list.status, text($(list, 'dialog [role=status]'))).to.equal('done');

      const listing = (await client.query({ kinds: [RECORD_KIND], '#p': [clinician.pubkey] })).events;
      expect(listing, 'no version on the server lists the clinician').to.deep.equal([]);
      const now = (await client.query({ kinds: [RECORD_KIND], authors: [parts[0]!.pubkey] })).events;
      expect(now.length, 'the part found, sealed anew').to.equal(1);
      await rejects(openRecord(now, clinician.signer), RecordError, 'not-a-participant');
      const mine = await openRecord(now, patient.signer);
      expect(mine.parts).to.deep.equal({ have: 1, total: parts.length });
    } finally {
      client.close();
    }
  });
});
