/**
 * A portal that gives its session no relays (a misspelt `relay` attribute, a list that never
 * arrived): the developer is told once in the console, naming the attribute, and the patient who
 * asks to see who has access or to share hears that the page is set up wrong, never that a change
 * was not accepted, since nothing was sent.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/session/define.js';
import '../components/access-list/define.js';
import '../components/consent-prompt/define.js';
import type { Nip82Session } from '../components/session/session.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { stateStringsEn } from '../components/shared/state-strings.js';
import { waitUntil } from './wait.js';
import { person, relayUrl } from './helpers.js';
import { buttonByText, text } from './element-helpers.js';

describe('a session given no relays', () => {
  it('warns the developer once and tells the patient the page is set up wrong, not that a change failed', async () => {
    const patient = await person();
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
    let session!: Nip82Session;
    try {
      session = await fixture<Nip82Session>(html`<nip82-session relay=${await relayUrl()} .signer=${patient.signer}>
        <nip82-access-list></nip82-access-list><nip82-consent-prompt></nip82-consent-prompt>
      </nip82-session>`);
      await waitUntil(() => session.pubkey === patient.pubkey, 'never signed in');
      const list = session.querySelector<Nip82AccessList>('nip82-access-list')!;
      const prompt = session.querySelector<Nip82ConsentPrompt>('nip82-consent-prompt')!;
      await waitUntil(() => buttonByText(list, /Unlock my records/) && buttonByText(prompt, /Unlock my records/), 'no buttons');
      buttonByText(list, /Unlock my records/)!.click();
      buttonByText(prompt, /Unlock my records/)!.click();
      await waitUntil(() => list.status === 'relay-error' && prompt.status === 'relay-error', 'no failure');
      await list.updateComplete;
      await prompt.updateComplete;
      for (const el of [list, prompt]) {
        const said = text(el.shadowRoot);
        expect(said).to.contain(stateStringsEn.badStorageSettings);
        expect(said).not.to.match(/accepted|revoked/);
      }
    } finally {
      console.warn = warn;
    }
    const aboutRelays = warnings.filter((w) => w.includes('relays'));
    expect(aboutRelays).to.have.length(1);
    expect(aboutRelays[0]).to.contain('<nip82-session> relays: none given');
  });
});
