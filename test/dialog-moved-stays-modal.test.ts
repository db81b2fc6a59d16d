/**
 * A single-page app moves an element to another place on the page (a layout change, a panel
 * opened beside it) while its dialog is open. Leaving the page takes a dialog out of the top
 * layer: put back, the dialog must still be the modal it was (the page behind it out of reach,
 * Escape closing it, the keyboard inside it), not an open box among the page's content.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { npubEncode } from 'nostr-tools/nip19';
import { waitUntil } from './wait.js';
import '../components/define.js';
import type { Nip82Session } from '../components/session/session.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { RelayClient } from '../components/core/relay/client.js';
import { person, relayUrl, sampleBundle } from './helpers.js';
import { buttonByText, dialogOf, root } from './element-helpers.js';

/** Where the keyboard is, in words. */
const focusIn = (el: Element) => {
  const inside = root(el).activeElement;
  return inside ? (dialogOf(el).contains(inside) ? 'in the dialog' : `${inside.localName} outside the dialog`) : `${document.activeElement?.localName} of the page`;
};

describe('an element moved on the page while its dialog is open', function () {
  this.timeout(60000);

  it('the access list\'s Revoke dialog is still a modal, with the keyboard in it, and Escape closes it', async () => {
    const url = await relayUrl('main');
    const [patient, clinician] = [await person(), await person()];
    const client = new RelayClient({ relays: [url] });
    try {
      await client.publishAll(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [{ pubkey: clinician.pubkey, role: 'viewer' }] }));
    } finally {
      client.close();
    }
    const session = await fixture<Nip82Session>(html`<nip82-session relays=${url} .signer=${patient.signer}>
      <div id="main"><nip82-access-list></nip82-access-list></div><aside id="side"></aside>
    </nip82-session>`);
    await waitUntil(() => session.pubkey === patient.pubkey, 'never signed in');
    const el = session.querySelector('nip82-access-list') as Nip82AccessList;
    await el.updateComplete;
    buttonByText(el, 'Unlock my records')!.click();
    await waitUntil(() => buttonByText(el, 'Revoke'), 'no one to revoke');
    buttonByText(el, 'Revoke')!.click();
    await waitUntil(() => dialogOf(el).matches(':modal'), 'the dialog never opened');

    session.querySelector('#side')!.append(el);
    await el.updateComplete;
    expect(dialogOf(el).open, 'the dialog is still open').to.equal(true);
    expect(dialogOf(el).matches(':modal'), 'the dialog is a modal').to.equal(true);
    expect(focusIn(el), 'where the keyboard is').to.equal('in the dialog');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialogOf(el).open, 'Escape did not close the dialog');
  });

  it('the consent prompt\'s share dialog is still a modal, with the keyboard in it', async () => {
    const url = await relayUrl('main');
    const patient = await person();
    const record = await openRecord(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [] }), patient.signer);
    const page = await fixture<HTMLElement>(html`<div>
      <section id="main"><nip82-consent-prompt relays=${url} .signer=${patient.signer} .records=${[record]}></nip82-consent-prompt></section><aside id="side"></aside>
    </div>`);
    const el = page.querySelector('nip82-consent-prompt') as Nip82ConsentPrompt;
    await el.updateComplete;
    buttonByText(el, 'Share records…')!.click();
    await waitUntil(() => dialogOf(el).matches(':modal'), 'the dialog never opened');

    page.querySelector('#side')!.append(el);
    await el.updateComplete;
    expect(dialogOf(el).open, 'the dialog is still open').to.equal(true);
    expect(dialogOf(el).matches(':modal'), 'the dialog is a modal').to.equal(true);
    expect(focusIn(el), 'where the keyboard is').to.equal('in the dialog');
  });
});
