/**
 * A record only part of which was found (a part not fetched, or a share that went out only in
 * part): its revoke dialog says why access to it cannot be revoked yet, and Revoke is unavailable.
 * Revoked from the parts at hand, its new version would leave out the parts not found, still open
 * to that person, and a part found later would be cut out of the patient's own record.
 */
import { expect, html } from '@open-wc/testing';
import '../components/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, openRecord, type OpenedRecord } from '../components/core/nip82/record.js';
import { createShare } from '../components/core/nip82/share.js';
import { consentSource, grantConsent } from '../components/core/nip82/grant-create.js';
import { RecordError } from '../components/core/errors.js';
import type { NostrEvent } from '../components/core/events.js';
import { RECORD_KIND } from '../components/core/nip82/constants.js';
import { RelayClient } from '../components/core/relay/client.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { shortNpub } from '../components/shared/identity.js';
import { waitUntil } from './wait.js';
import { fixture as dataFixture, person, rejects, relayUrl, sampleBundle, type Person } from './helpers.js';
import { signedInSession } from './in-session.js';
import { $, $$, buttonByText, dialogOf, text } from './element-helpers.js';

describe('access list: a record only part of which was found', function () {
  this.timeout(120000);
  afterEach(() => { delete (window as { nostr?: unknown }).nostr; });

  it('says why access cannot be revoked yet, offers no Revoke, and changes nothing', async () => {
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
      const { el: list } = await signedInSession<Nip82AccessList>(html`<nip82-session relays=${url}><nip82-access-list></nip82-access-list></nip82-session>`, 'nip82-access-list', patient.signer, patient.pubkey);
      buttonByText(list, 'Unlock my records')!.click();
      const revoke = `[part=person][data-pubkey="${clinician.pubkey}"] button.revoke`;
      await waitUntil(() => $(list, revoke), 'the people listed', { timeout: 20000 });
      $<HTMLButtonElement>(list, revoke)!.click();
      await waitUntil(() => dialogOf(list).open, 'dialog opens');
      await list.updateComplete;
      expect(text($(list, 'dialog .parts-missing'))).to.match(new RegExp(
        `^Only 1 of ${parts.length} parts of “[^”]+” were found on your storage servers, so access to it cannot be revoked yet: a change now would leave the parts not found open to ${shortNpub(clinician.pubkey)}, and cut them out of your own record if they turn up later\\. Load your records again to look for them\\. If it is a share that went out only in part, the parts never sent will not turn up, and what went out stays open to ${shortNpub(clinician.pubkey)}\\.$`,
      ));
      const confirm = buttonByText(list, `Revoke access for ${shortNpub(clinician.pubkey)}`)!;
      expect(confirm.disabled, 'Revoke unavailable').to.equal(true);
      confirm.click();
      await list.updateComplete;
      expect(list.status, 'nothing under way').to.equal('idle');
      expect((await client.query({ kinds: [RECORD_KIND], authors: [parts[0]!.pubkey] })).events, 'the part found, as it was').to.deep.equal([parts[0]]);
    } finally {
      client.close();
    }
  });

  it('among ended shares, one with parts missing is left for later and the others are revoked', async () => {
    const url = await relayUrl('main');
    const [patient, clinician, family] = [await person(), await person(), await person()];
    const client = new RelayClient({ relays: [url] });
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const parts = (events: NostrEvent[]) => events.filter((e) => e.kind === RECORD_KIND);
    async function opened(bundle: unknown): Promise<OpenedRecord> {
      const events = await createRecord({ bundle, author: patient.signer, participants: [] });
      return openRecord(events, patient.signer);
    }
    /** A share of `record` with `who` whose last day was yesterday. */
    async function endedShare(record: OpenedRecord, who: Person): Promise<NostrEvent[]> {
      const { source, fullUrl } = consentSource(record, grantConsent({ patient: patient.pubkey, recipient: who.pubkey, role: 'viewer', until: yesterday }));
      return createShare({ from: [record, source], include: [...record.bundle.entry!.map((e) => e.fullUrl!), fullUrl], author: patient.signer, participants: [{ pubkey: who.pubkey, role: 'viewer' }] });
    }
    try {
      const large = await endedShare(await opened(await dataFixture('synthea-patient.json')), clinician);
      const small = await endedShare(await opened(sampleBundle()), family);
      expect(parts(large).length, 'a share of several parts').to.be.greaterThan(1);
      // The large share's last part never went out.
      await client.publishAll([...parts(large).slice(0, -1), ...small]);
      const { el: list } = await signedInSession<Nip82AccessList>(html`<nip82-session relays=${url}><nip82-access-list></nip82-access-list></nip82-session>`, 'nip82-access-list', patient.signer, patient.pubkey);
      buttonByText(list, 'Unlock my records')!.click();
      await waitUntil(() => buttonByText(list, 'Revoke the 2 ended shares…'), 'both ended shares listed', { timeout: 20000 });
      buttonByText(list, 'Revoke the 2 ended shares…')!.click();
      await waitUntil(() => dialogOf(list).open, 'dialog opens');
      await list.updateComplete;
      expect($$(list, 'dialog .ended-list li'), 'both listed').to.have.length(2);
      expect(text($(list, 'dialog .parts-missing'))).to.match(new RegExp(`^Only ${parts(large).length - 1} of ${parts(large).length} parts of “[^”]+” were found .* stays open to ${shortNpub(clinician.pubkey)}\\.$`));
      expect(text($(list, 'dialog button.danger')), 'not offered for both').to.equal('Revoke the other one');
      buttonByText(list, 'Revoke the other one')!.click();
      await waitUntil(() => list.status === 'done', 'the other share revoked', { timeout: 20000 });
      await list.updateComplete;
      expect(text($(list, '#result-title'))).to.equal('The ended share was revoked. 1 of 1 storage server accepted the change. The share with parts missing was not revoked: that person can still open it.');
      expect($$(list, 'dialog .ended-list li').map((li) => text(li)), 'the dialog lists the share revoked').to.have.length(1);
      expect(text($(list, 'dialog .ended-list li'))).to.contain(shortNpub(family.pubkey));
      await rejects(openRecord((await client.query({ kinds: [RECORD_KIND], authors: [small[0]!.pubkey] })).events, family.signer), RecordError, 'not-a-participant');
      expect((await client.query({ kinds: [RECORD_KIND], authors: [large[0]!.pubkey] })).events.map((e) => e.id).sort(), 'the share with parts missing, as it was')
        .to.deep.equal(parts(large).slice(0, -1).map((e) => e.id).sort());
      buttonByText(list, 'Close')!.click();
      await waitUntil(() => !dialogOf(list).open, 'closed');
      // The one left is still said to be open to that person (focus is back on its button), and its own dialog says why it waits.
      await waitUntil(() => list.shadowRoot!.activeElement === buttonByText(list, 'Revoke the ended share…'), 'one ended share left, its button focused');
      buttonByText(list, 'Revoke the ended share…')!.click();
      await waitUntil(() => dialogOf(list).open, 'dialog opens again');
      await list.updateComplete;
      expect(text($(list, 'dialog .parts-missing'))).to.contain(shortNpub(clinician.pubkey));
      expect(buttonByText(list, 'Revoke it')!.disabled, 'nothing to revoke now').to.equal(true);
    } finally {
      client.close();
    }
  });
});
