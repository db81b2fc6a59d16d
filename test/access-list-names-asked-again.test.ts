/**
 * Someone the storage servers had no profile for is not asked about again in the session (see
 * access-list-names-unnamed-asked-once): as long as nothing says a name may have come since. A
 * server added to the list may have one; the list loaded again on the person's request asks again
 * (a profile published since is found); and what is kept of those asked is only the people of the
 * latest lookup, however many came and went before.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/define.js';
import type { Nip82Session } from '../components/session/session.js';
import { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { RelayClient } from '../components/core/relay/client.js';
import { withProfileNames } from '../components/shared/profiles.js';
import { person, profileEvent, publishTo, relayUrl, sampleBundle } from './helpers.js';
import { buttonByText, root, text } from './element-helpers.js';
import { waitUntil } from './wait.js';

/** Every lookup of names the access lists begin from now on, to wait for its end; `stop` restores them. */
function followLookups() {
  const proto = Nip82AccessList.prototype as unknown as { lookUpNames: () => Promise<void> };
  const original = proto.lookUpNames;
  const begun: Promise<void>[] = [];
  proto.lookUpNames = function () {
    const lookup = original.call(this);
    begun.push(lookup);
    return lookup;
  };
  return { begun, stop: () => { proto.lookUpNames = original; } };
}

describe('the names of the people on an access list, asked again when one may have come', function () {
  this.timeout(60000);

  it('a storage server added: someone only it has a name for is named', async () => {
    const [main, second] = [await relayUrl('main'), await relayUrl('second')];
    const [clinic, nurse] = [await person(), await person()];
    // The nurse's profile is on the second server alone.
    await publishTo(second, [await profileEvent(nurse, 'Nurse Okafor')]);
    const record = await openRecord(await createRecord({ bundle: sampleBundle(), author: clinic.signer, participants: [{ pubkey: nurse.pubkey, role: 'viewer' }] }), clinic.signer);
    const lookups = followLookups();
    try {
      const el = await fixture<Nip82AccessList>(html`<nip82-access-list lang="en" relays=${main} .records=${[record]} .signer=${clinic.signer}></nip82-access-list>`);
      await waitUntil(() => lookups.begun.length > 0, 'the people never looked up');
      await Promise.all(lookups.begun);
      expect(text(root(el)), 'no name on the first server').to.not.include('Nurse Okafor');
      el.setAttribute('relays', `${main} ${second}`);
      // The same person's records handed in again (the page refreshed them): their people are looked up.
      el.records = [{ ...record }];
      await waitUntil(() => text(root(el)).includes('Nurse Okafor'), 'the nurse never named from the server added', { timeout: 10000 });
    } finally {
      lookups.stop();
    }
  });

  it('the records loaded again: a profile published since is found', async () => {
    const url = await relayUrl('main');
    const [patient, nurse] = [await person(), await person()];
    await publishTo(url, await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [{ pubkey: nurse.pubkey, role: 'viewer' }] }));
    const lookups = followLookups();
    try {
      const session = await fixture<Nip82Session>(html`<nip82-session lang="en" relays=${url} no-controls .signer=${patient.signer}>
        <nip82-access-list></nip82-access-list>
      </nip82-session>`);
      await waitUntil(() => session.pubkey === patient.pubkey, 'never signed in');
      const el = session.querySelector<Nip82AccessList>('nip82-access-list')!;
      await el.updateComplete;
      buttonByText(el, 'Unlock my records')!.click();
      await waitUntil(() => el.shadowRoot!.querySelector(`[part=person][data-pubkey="${nurse.pubkey}"]`), 'the nurse never listed');
      await waitUntil(() => lookups.begun.length > 0, 'the people never looked up');
      await Promise.all(lookups.begun);
      // The nurse names themselves after the list was first shown.
      await publishTo(url, [await profileEvent(nurse, 'Nurse Okafor')]);
      buttonByText(el, 'Load your records again')!.click();
      await waitUntil(() => text(root(el)).includes('Nurse Okafor'), 'the nurse never named after the records were loaded again', { timeout: 10000 });
    } finally {
      lookups.stop();
    }
  });

  it('keeps of those asked only the people of the latest lookup', async () => {
    const url = await relayUrl('main');
    const people = await Promise.all([...Array(5)].map(() => person()));
    const client = new RelayClient({ relays: [url] });
    try {
      const asked = new Set<string>();
      await withProfileNames(client, new Map(), people.map((p) => p.pubkey), undefined, asked);
      expect(asked.size, 'none of the five has a profile').to.equal(5);
      // The list now shows one of them, and someone new.
      const newcomer = await person();
      await withProfileNames(client, new Map(), [people[0]!.pubkey, newcomer.pubkey], undefined, asked);
      expect([...asked].sort()).to.deep.equal([people[0]!.pubkey, newcomer.pubkey].sort());
    } finally {
      client.close();
    }
  });
});
