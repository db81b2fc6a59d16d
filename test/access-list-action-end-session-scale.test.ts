/**
 * A clinic's list of many patients' records read in a session, a revocation ended: the session's
 * records changed (one record replaced), then the people's names were looked up again, and each
 * rendered every patient's records again. Now the end renders only the record it changed, as it
 * does with records handed in. Counted in records rendered, not time: the same on a slow machine.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/define.js';
import type { Nip82Session } from '../components/session/session.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord } from '../components/core/nip82/record.js';
import { RelayClient } from '../components/core/relay/client.js';
import type { NostrEvent } from '../components/core/events.js';
import { person, profileEvent, recordAbout, relayUrl, silentAt } from './helpers.js';
import { $, buttonByText, root, text } from './element-helpers.js';
import { waitUntil } from './wait.js';
import { revocationHeldAtSigner } from './revocation-held.js';
import { recordsRendered } from './records-rendered.js';

describe('<nip82-access-list> in a session: the end of a revocation at a clinic of many patients', function () {
  this.timeout(60000);

  it('renders only the record it changed, and names the people as before', async () => {
    const url = await relayUrl('main');
    const [clinic, patient, family, colleague] = [await person(), await person(), await person(), await person()];
    const quiet = silentAt(clinic.signer);
    const client = new RelayClient({ relays: [url] });
    try {
      // The clinic's record of one patient, who may edit it: revoking them moves it, and the family is told (the signer signs that notice).
      await client.publishAll(await createRecord({ bundle: recordAbout('Ana Rivera', 'Flu', patient), author: clinic.signer, participants: [{ pubkey: patient.pubkey, role: 'editor' }, { pubkey: family.pubkey, role: 'viewer' }] }));
      // Other patients' records, each with a named colleague on it.
      await client.publishAll([await profileEvent(colleague, 'Harbor Clinic') as NostrEvent]);
      for (let i = 0; i < 8; i++) {
        await client.publishAll(await createRecord({ bundle: recordAbout(`Patient ${i}`, 'Flu'), author: clinic.signer, participants: [{ pubkey: colleague.pubkey, role: 'viewer' }] }));
      }
    } finally {
      client.close();
    }
    const session = await fixture<Nip82Session>(html`<nip82-session relays=${url} .signer=${quiet.signer}><nip82-access-list lang="en"></nip82-access-list></nip82-session>`);
    await waitUntil(() => session.pubkey === clinic.pubkey, 'signed in');
    const el = session.querySelector<Nip82AccessList>('nip82-access-list')!;
    await el.updateComplete;
    buttonByText(el, 'Unlock my records')!.click();
    const colleagues = () => [...root(el).querySelectorAll<HTMLElement>(`[part=person][data-pubkey="${colleague.pubkey}"]`)];
    await waitUntil(() => colleagues().length === 8 && colleagues().every((p) => text(p).includes('Harbor Clinic')), 'every record on the page, its people named', { timeout: 20000 });
    await el.updateComplete;
    // Every record rendered, and every look-up of names, from now on.
    const rendered = recordsRendered(el);
    const lookUps: Promise<void>[] = [];
    const counted = el as unknown as { lookUpNames: () => Promise<void> };
    const lookUpNames = counted.lookUpNames;
    counted.lookUpNames = function () {
      const done = lookUpNames.apply(this);
      lookUps.push(done);
      return done;
    };
    await revocationHeldAtSigner(el, patient.pubkey, quiet);
    // The end: revoked, the record moved to a new key, the names looked up again.
    rendered.reset();
    quiet.release();
    await waitUntil(() => el.status === 'done', 'revoked', { timeout: 20000 });
    await waitUntil(() => lookUps.length > 0, 'the names looked up again');
    await Promise.all(lookUps);
    await el.updateComplete;
    const named = colleagues().filter((p) => text(p).includes('Harbor Clinic')).length;
    expect({ rendered: rendered.count, lookUps: lookUps.length, named, revoked: !$(el, `[part=person][data-pubkey="${patient.pubkey}"]`) }).to.deep.equal({ rendered: 1, lookUps: 1, named: 8, revoked: true });
  });
});
