/**
 * The people on a patient's records are looked up by name on the storage servers. Someone with no
 * profile there was asked about again after each revocation (the records changed, and nobody
 * without a name counted as looked up): at a clinic, hundreds of such people at every change. Now
 * whom the servers had no name for is not asked about again in the session; a new person is.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/define.js';
import type { Nip82Session } from '../components/session/session.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord } from '../components/core/nip82/record.js';
import { RelayClient } from '../components/core/relay/client.js';
import { shortNpub } from '../components/shared/identity.js';
import { withProfileNames } from '../components/shared/profiles.js';
import { person, profileEvent, publishTo, relayRequests, relayUrl, sampleBundle } from './helpers.js';
import { $, buttonByText, dialogOf, root, text } from './element-helpers.js';
import { waitUntil } from './wait.js';

/** How many profile lookups (REQs for kind 0) the relay served about `pubkey`. */
const lookups = async (pubkey: string) => (await relayRequests('main', pubkey)).filter((filters) => filters.some((f) => (f.kinds as number[] | undefined)?.includes(0))).length;

describe('the names of the people on an access list, after a revocation', function () {
  this.timeout(60000);

  it('are not asked for again of someone the servers had no name for', async () => {
    const url = await relayUrl('main');
    const [patient, clinic, nurse, family] = [await person(), await person(), await person(), await person()];
    // The clinic has a profile; the nurse and the family have none.
    await publishTo(url, [await profileEvent(clinic, 'Harbor Clinic'), ...await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer,
      participants: [{ pubkey: clinic.pubkey, role: 'viewer' }, { pubkey: nurse.pubkey, role: 'viewer' }, { pubkey: family.pubkey, role: 'viewer' }] })]);
    const session = await fixture<Nip82Session>(html`<nip82-session lang="en" relays=${url} no-controls .signer=${patient.signer}>
      <nip82-access-list></nip82-access-list>
    </nip82-session>`);
    await waitUntil(() => session.pubkey === patient.pubkey, 'never signed in');
    const el = session.querySelector<Nip82AccessList>('nip82-access-list')!;
    await el.updateComplete;
    buttonByText(el, 'Unlock my records')!.click();
    await waitUntil(() => text(root(el)).includes('Harbor Clinic'), 'the clinic never named');
    await waitUntil(async () => (await lookups(nurse.pubkey)) > 0, 'the nurse never asked about');
    const before = await lookups(nurse.pubkey);
    // Each lookup of names from now on, followed to its end.
    const begun: Promise<void>[] = [];
    const counted = el as unknown as { lookUpNames: () => Promise<void> };
    const lookUpNames = counted.lookUpNames;
    counted.lookUpNames = function () {
      const lookup = lookUpNames.call(this);
      begun.push(lookup);
      return lookup;
    };

    $<HTMLButtonElement>(el, `[part=person][data-pubkey="${family.pubkey}"] button.revoke`)!.click();
    await waitUntil(() => dialogOf(el).open, 'dialog opens');
    buttonByText(el, `Revoke access for ${shortNpub(family.pubkey)}`)!.click();
    await waitUntil(() => el.status === 'done', 'revoked', { timeout: 20000 });
    // The records changed: their people are looked up again, the clinic (named) and the nurse (asked) excepted.
    await waitUntil(() => begun.length > 0, 'no lookup after the revocation');
    await Promise.all(begun);
    const after = await lookups(nurse.pubkey);
    expect({ after, named: text(root(el)).includes('Harbor Clinic') }).to.deep.equal({ after: before, named: true });
  });

  it('still asks about a new person', async () => {
    const url = await relayUrl('main');
    const [known, unnamed, newcomer] = [await person(), await person(), await person()];
    await publishTo(url, [await profileEvent(newcomer, 'Lakeview Hospital'), await profileEvent(known, 'Harbor Clinic')]);
    const client = new RelayClient({ relays: [url] });
    try {
      const asked = new Set<string>();
      const first = await withProfileNames(client, new Map(), [known.pubkey, unnamed.pubkey], undefined, asked);
      expect({ names: [...first.values()].map((n) => n.name), asked: [...asked] }).to.deep.equal({ names: ['Harbor Clinic'], asked: [unnamed.pubkey] });
      const [unnamedBefore, newcomerBefore] = [await lookups(unnamed.pubkey), await lookups(newcomer.pubkey)];
      const second = await withProfileNames(client, first, [known.pubkey, unnamed.pubkey, newcomer.pubkey], undefined, asked);
      expect({
        names: [...second.values()].map((n) => n.name),
        unnamed: (await lookups(unnamed.pubkey)) - unnamedBefore,
        newcomer: (await lookups(newcomer.pubkey)) - newcomerBefore,
      }).to.deep.equal({ names: ['Harbor Clinic', 'Lakeview Hospital'], unnamed: 0, newcomer: 1 });
    } finally {
      client.close();
    }
  });
});
