/**
 * A stranger who knows the patient's public key floods them with messages or records that cannot
 * be opened. Each read opens only so many (the signer is not asked without end), so a real request
 * or record may be among those left for the next read: the elements never then say there is none.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { finalizeEvent, generateSecretKey } from 'nostr-tools/pure';
import { waitUntil } from './wait.js';
import '../components/consent-prompt/define.js';
import '../components/access-list/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { person, publishTo, relayUrl } from './helpers.js';
import { buttonByText, text } from './element-helpers.js';

/** Base64 that opens nothing. */
const junk = () => btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(150))));

describe('a flood of what cannot be opened never reads as "none"', function () {
  this.timeout(120000);

  it('the consent prompt: messages left unread are not "No open requests"', async () => {
    const url = await relayUrl('main');
    const patient = await person();
    const now = Math.floor(Date.now() / 1000);
    await publishTo(url, Array.from({ length: 55 }, () => finalizeEvent({ kind: 1059, created_at: now, tags: [['p', patient.pubkey]], content: junk() }, generateSecretKey())));
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt lang="en" mode="answer" .signer=${patient.signer} relays=${url}></nip82-consent-prompt>`);
    buttonByText(el, 'Check for requests')!.click();
    await waitUntil(() => el.status === 'done', 'the messages read');
    await el.updateComplete;
    const said = text(el.shadowRoot);
    expect(said).to.match(/more messages were not read yet/);
    expect(said).not.to.contain('No open requests');
  });

  it('the consent prompt and the access list: records left unopened are not "no records", and those that failed are said', async () => {
    const url = await relayUrl('main');
    const patient = await person();
    const now = Math.floor(Date.now() / 1000);
    await publishTo(url, Array.from({ length: 30 }, (_, i) => finalizeEvent({
      kind: 32225, created_at: now, content: junk(),
      tags: [['d', `junk-${i}`], ['p', patient.pubkey], ...[0, 1, 2, 3].map(() => ['key', patient.pubkey, junk()])],
    }, generateSecretKey())));
    const prompt = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt lang="en" mode="share" .signer=${patient.signer} relays=${url}></nip82-consent-prompt>`);
    await waitUntil(() => buttonByText(prompt, 'Unlock my records'), 'the load button');
    buttonByText(prompt, 'Unlock my records')!.click();
    await waitUntil(() => prompt.status === 'done', 'the records read');
    await prompt.updateComplete;
    const promptSaid = text(prompt.shadowRoot);
    expect(promptSaid).not.to.contain('You have no records to share yet.');
    expect(promptSaid).to.match(/could not be opened and were left out/);
    expect(promptSaid).to.match(/more records were not opened yet/);

    const list = await fixture<Nip82AccessList>(html`<nip82-access-list lang="en" .signer=${patient.signer} relays=${url}></nip82-access-list>`);
    buttonByText(list, 'Unlock my records')!.click();
    await waitUntil(() => list.status === 'done', 'the records read');
    await list.updateComplete;
    const listSaid = text(list.shadowRoot);
    expect(listSaid).not.to.contain('No records list you yet.');
    expect(listSaid).to.match(/more records were not opened yet/);
  });
});
