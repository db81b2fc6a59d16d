/**
 * A record only part of which was found (a part not fetched, or a share that went out only in
 * part): its revoke dialog says why access to it cannot be revoked yet, and Revoke is unavailable.
 * Revoked from the parts at hand, its new version would leave out the parts not found, still open
 * to that person, and a part found later would be cut out of the patient's own record.
 */
import { expect, html } from '@open-wc/testing';
import '../components/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord } from '../components/core/nip82/record.js';
import { RECORD_KIND } from '../components/core/nip82/constants.js';
import { RelayClient } from '../components/core/relay/client.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { shortNpub } from '../components/shared/identity.js';
import { waitUntil } from './wait.js';
import { fixture as dataFixture, person, relayUrl } from './helpers.js';
import { signedInSession } from './in-session.js';
import { $, buttonByText, dialogOf, text } from './element-helpers.js';

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
});
