/**
 * The site knows a clinic as "Lakeside Clinic". A stranger names themselves "Lakeside Clinic." in
 * their own profile and asks for the patient's records too. The two requests read almost alike;
 * in the stranger's dialog the patient is told the name is one they gave themselves, which the site
 * does not vouch for, and to check the key; someone with no name at all is said to be unknown to the
 * site. The clinic's own dialog says nothing of the kind.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { createAccessRequest } from '../components/core/nip82/requests.js';
import { RelayClient } from '../components/core/relay/client.js';
import { shortNpub } from '../components/shared/identity.js';
import { person, profileEvent, relayUrl, sampleBundle } from './helpers.js';
import { $, $$, buttonByText, dialogOf, text } from './element-helpers.js';
import { waitUntil } from './wait.js';

/** Whether the prompt itself holds its dialog open (its own state, not the <dialog>'s). */
const promptOpen = (el: Nip82ConsentPrompt) => (el as unknown as { open: boolean }).open;

describe('<nip82-consent-prompt>: a requester named only by their own profile', function () {
  this.timeout(60000);

  it('a look-alike of a name the site knows is said to be self-chosen in its dialog, a nameless asker unknown', async () => {
    const url = await relayUrl('main');
    const client = new RelayClient({ relays: [url] });
    try {
      const [patient, clinic, stranger, nameless] = [await person(), await person(), await person(), await person()];
      await client.publishAll([await profileEvent(stranger, 'Lakeside Clinic.')]);
      const events = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [] });
      await client.publishAll(events);
      const record = await openRecord(events, patient.signer);
      for (const who of [clinic, stranger, nameless]) {
        await client.publishAll((await createAccessRequest({ signer: who.signer, patient: patient.pubkey, resourceTypes: ['AllergyIntolerance'], purpose: 'Check-up', days: 30 })).events);
      }
      const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="answer" .records=${[record]} .signer=${patient.signer} relays=${url}
        .knownNames=${{ [clinic.pubkey]: 'Lakeside Clinic' }}></nip82-consent-prompt>`);
      buttonByText(el, 'Check for requests')!.click();
      await waitUntil(() => el.status === 'done' && $$(el, 'li.request').length === 3, 'the requests listed');
      await waitUntil(() => $$(el, 'li.request').some((li) => text(li).includes('Lakeside Clinic.')), 'the stranger\'s own name arrives');

      // `said`: what the dialog says of them once their profile's lookup is over (while it runs, it says nothing of their name).
      const dialogFor = async (pubkey: string, said?: string) => {
        // One press, once the prompt itself has taken the last dialog as closed: a press it drops fails here.
        await waitUntil(() => !promptOpen(el), 'the prompt knows its dialog closed');
        await el.updateComplete;
        $$(el, 'li.request').find((li) => text(li).includes(shortNpub(pubkey)))!.querySelector('button')!.click();
        await waitUntil(() => dialogOf(el).open, 'the dialog opens');
        await el.updateComplete;
        if (said) await waitUntil(() => text($(el, 'dialog [part=recipient] dd')).includes(said), `the dialog says: ${said}`);
        const who = text($(el, 'dialog [part=recipient] dd'));
        buttonByText(el, 'Cancel')!.click();
        await waitUntil(() => !dialogOf(el).open && !promptOpen(el), 'the dialog closes');
        return who;
      };
      expect(await dialogFor(stranger.pubkey)).to.equal(`Lakeside Clinic. ${shortNpub(stranger.pubkey)} They gave themselves this name; this site does not know them by it, and anyone can choose any name. Check the key with them before you approve.`);
      expect(await dialogFor(clinic.pubkey)).to.equal(`Lakeside Clinic ${shortNpub(clinic.pubkey)}`);
      expect(await dialogFor(nameless.pubkey, 'they gave no name')).to.equal(`${shortNpub(nameless.pubkey)} This site does not know who this is, and they gave no name. Check the key with them before you approve.`);
    } finally {
      client.close();
    }
  });
});
