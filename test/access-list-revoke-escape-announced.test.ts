/**
 * Escape while the signer is asked to sign a revocation: the dialog closes and the page says
 * "Cancelled. Nothing was changed." The words land in the page's status line, a live region kept
 * rendered (empty) while the dialog was open, so a screen reader announces them; a line created
 * afresh with its words already in it would say nothing.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/access-list/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { waitUntil } from './wait.js';
import { person, relayUrl, sampleBundle } from './helpers.js';
import { $, buttonByText, dialogOf, heldSigner, text, shownLiveRegions } from './element-helpers.js';

describe('access list: the outcome of Escape is announced', function () {
  this.timeout(60000);

  it('Escape while the signer is asked: "Cancelled. Nothing was changed." lands in a live region that was already there', async () => {
    const url = await relayUrl('main');
    const [patient, clinician, family] = [await person(), await person(), await person()];
    const record = await openRecord(await createRecord({
      bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer,
      participants: [{ pubkey: clinician.pubkey, role: 'editor' }, { pubkey: family.pubkey, role: 'viewer' }],
    }), patient.signer);
    const { signer, release } = heldSigner(patient.signer);
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .records=${[record]} .signer=${signer} relays=${url}></nip82-access-list>`);
    await waitUntil(() => $(el, `[part=person][data-pubkey="${clinician.pubkey}"] button.revoke`), 'the people listed');
    const revoke = $<HTMLButtonElement>(el, `[part=person][data-pubkey="${clinician.pubkey}"] button.revoke`)!;
    revoke.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => dialogOf(el).open, 'dialog opens');
    await el.updateComplete;
    buttonByText(el, /^Revoke access for npub1/)!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.status === 'waiting-signer', 'the signer is asked');
    await el.updateComplete;
    const before = shownLiveRegions(el);
    const closed = oneEvent(dialogOf(el), 'close');
    await sendKeys({ press: 'Escape' });
    await closed;
    await el.updateComplete;
    release();
    const region = shownLiveRegions(el).find((r) => text(r) === 'Cancelled. Nothing was changed.');
    expect(!!region, 'the page says it').to.equal(true);
    expect(before.includes(region!), 'said in a live region that was there before the words').to.equal(true);
  });
});
