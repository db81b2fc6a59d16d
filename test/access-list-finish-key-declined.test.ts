/**
 * A revocation is in force but one storage server missed it, inside a session. Back on the page
 * after a visit elsewhere, the user presses "Send to the storage servers that missed it": the signer
 * is first asked which account it holds, and the user declines that question. The status line
 * never says "Nothing was changed" beside a revocation in force: it says nothing more was sent,
 * the way on stays, and the keyboard's focus stays on it.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/define.js';
import type { Nip82Session } from '../components/session/session.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord } from '../components/core/nip82/record.js';
import { RelayClient } from '../components/core/relay/client.js';
import type { Nip07Provider } from '../components/core/signers/nip07.js';
import { shortNpub } from '../components/shared/identity.js';
import { waitUntil } from './wait.js';
import { person, publishAnyway, relayUrl, sampleBundle } from './helpers.js';
import { fakeExtension } from './fake-extension.js';
import { $, buttonByText, dialogOf, root, text } from './element-helpers.js';

const FINISH = 'Send to the storage servers that missed it';

describe('access list: finishing a revocation when the account question is declined', function () {
  this.timeout(120000);
  afterEach(() => { delete (window as { nostr?: unknown }).nostr; });

  it('the status says nothing more was sent (not "Nothing was changed"), the way on stays, and focus stays on it', async () => {
    const [url, flakyUrl] = [await relayUrl('main'), await relayUrl('flaky')];
    const [patient, clinician] = [await person(), await person()];
    const events = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [{ pubkey: clinician.pubkey, role: 'viewer' }] });
    const client = new RelayClient({ relays: [url] });
    try {
      await client.publishAll(events);
    } finally { client.close(); }
    await publishAnyway(flakyUrl, events);
    const ext = fakeExtension(patient.signer);
    (window as { nostr?: Nip07Provider }).nostr = ext.provider;
    const session = await fixture<Nip82Session>(html`<nip82-session relays=${`${url} ${flakyUrl}`}><nip82-access-list></nip82-access-list></nip82-session>`);
    await waitUntil(() => { const b = buttonByText(session, /browser extension/); return !!b && !b.disabled; }, 'the extension offered');
    buttonByText(session, /browser extension/)!.click();
    await waitUntil(() => session.pubkey === patient.pubkey, 'signed in');
    const list = session.querySelector('nip82-access-list') as Nip82AccessList;
    await list.updateComplete;
    buttonByText(list, 'Unlock my records')!.click();
    await waitUntil(() => $(list, `[part=person][data-pubkey="${clinician.pubkey}"] button.revoke`), 'the people listed', { timeout: 20000 });
    $<HTMLButtonElement>(list, `[part=person][data-pubkey="${clinician.pubkey}"] button.revoke`)!.click();
    await waitUntil(() => dialogOf(list).open, 'dialog opens');
    await list.updateComplete;
    buttonByText(list, `Revoke access for ${shortNpub(clinician.pubkey)}`)!.click();
    await waitUntil(() => list.status === 'done', 'revoked where one server took it', { timeout: 20000 });
    await list.updateComplete;
    buttonByText(list, 'Close')!.click();
    await waitUntil(() => !dialogOf(list).open && !$(list, '#dialog-title'), 'dialog closes');
    await list.updateComplete;
    await waitUntil(() => buttonByText(list, FINISH), 'the way on offered');

    // Back from another window: the next action asks the extension which account it holds; the user declines.
    let asked = 0;
    const own = ext.provider.getPublicKey;
    ext.provider.getPublicKey = async () => { asked++; throw new Error('The user declined.'); };
    window.dispatchEvent(new Event('blur'));
    window.dispatchEvent(new Event('focus'));
    try {
      buttonByText(list, FINISH)!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => asked > 0 && list.status !== 'waiting-signer', 'the account question declined');
      await list.updateComplete;
      const said = text($(list, '.base > .state [role=status]'));
      expect(said, 'what the status says').not.to.match(/Nothing was changed/);
      expect(said, 'what the status says').to.equal('Your signer did not confirm which account it is using, so nothing more was sent.');
      expect(text($(list, '[part=unfinished] p'))).to.match(/is revoked, but not on every storage server yet/);
      const finish = buttonByText(list, FINISH);
      const focused = root(list).activeElement;
      expect(focused === finish, `focus on the way on, not ${focused?.outerHTML.slice(0, 60) ?? document.activeElement?.localName}`).to.equal(true);
    } finally {
      ext.provider.getPublicKey = own;
    }
  });
});
