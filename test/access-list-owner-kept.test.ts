/**
 * A record someone else wrote about themselves (a parent's), which they let the user edit: the
 * user may take off people who were added, but not the one whose record it is, who would lose it
 * (moved to a new address, their copy deleted). No Revoke beside the owner.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/access-list/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { $ } from './element-helpers.js';
import { waitUntil } from './wait.js';
import { person, sampleBundle } from './helpers.js';

describe('<nip82-access-list>: an editor of someone else\'s record cannot take its owner off it', function () {
  this.timeout(60000);

  it('offers Revoke beside the one the owner added, none beside the owner', async () => {
    const [owner, me, doctor] = await Promise.all([person(), person(), person()]);
    const record = await openRecord(await createRecord({
      bundle: sampleBundle(`nostr:${npubEncode(owner.pubkey)}`), author: owner.signer,
      participants: [{ pubkey: me.pubkey, role: 'editor' }, { pubkey: doctor.pubkey, role: 'viewer' }],
    }), me.signer);
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .records=${[record]} .signer=${me.signer}></nip82-access-list>`);
    await waitUntil(() => $(el, `[part=person][data-pubkey="${doctor.pubkey}"] button.revoke`), 'the user may revoke the one the owner added');
    expect(!!$(el, `[part=person][data-pubkey="${owner.pubkey}"]`), 'the owner is listed').to.equal(true);
    expect(!!$(el, `[part=person][data-pubkey="${owner.pubkey}"] button.revoke`), 'a Revoke beside the owner').to.equal(false);
  });
});
