/**
 * A clinic whose computer's clock is days ahead sends a request: its message is dated after the
 * patient's clock, so the patient's check never reads it. Before, the patient read only "No open
 * requests."; now they also hear that a message waits dated later than their device's clock, and
 * that a clock (theirs or the sender's) may be wrong. A check that finds a request says nothing of it.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createAccessRequest } from '../components/core/nip82/requests.js';
import { RelayClient } from '../components/core/relay/client.js';
import type { Signer } from '../components/core/signers/signer.js';
import { person, relayRequests, relayUrl, skewClock } from './helpers.js';
import { $, buttonByText, text } from './element-helpers.js';
import { waitUntil } from './wait.js';

const ahead = {
  en: 'A message to you is dated later than the date and time on this device, so it was not read: this device\'s clock, or the sender\'s, may be wrong.',
  es: 'Un mensaje para usted tiene una fecha posterior a la fecha y la hora de este dispositivo, así que no se leyó: el reloj de este dispositivo, o el de quien lo envió, puede estar mal.',
};

describe('<nip82-consent-prompt>: a request dated after this device\'s clock', function () {
  this.timeout(60000);

  async function check(lang: 'en' | 'es', signer: Signer, url: string): Promise<string> {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang=${lang}><nip82-consent-prompt mode="answer" .records=${[]} .signer=${signer} relays=${url}></nip82-consent-prompt></div>`);
    const el = wrapper.firstElementChild as Nip82ConsentPrompt;
    await el.updateComplete;
    buttonByText(el, lang === 'en' ? 'Check for requests' : 'Ver solicitudes')!.click();
    await waitUntil(() => el.status === 'done', 'the check ended', { timeout: 30000 });
    await el.updateComplete;
    return text($(el, '[role=status]'));
  }

  for (const lang of ['en', 'es'] as const) {
    it(`a clinic's clock three days ahead: the patient hears a message waits dated later (${lang})`, async () => {
      const url = await relayUrl('main');
      const [patient, clinic] = [await person(), await person()];
      const restore = skewClock(3 * 86400 * 1000);
      let events;
      try {
        ({ events } = await createAccessRequest({ signer: clinic.signer, patient: patient.pubkey, resourceTypes: ['Condition'], purpose: 'Check-up', days: 30 }));
      } finally {
        restore();
      }
      const client = new RelayClient({ relays: [url] });
      try {
        await client.publishAll(events);
      } finally {
        client.close();
      }
      expect(await check(lang, patient.signer, url)).to.contain(ahead[lang]);
    });
  }

  it('a request read as sent: nothing said of dates', async () => {
    const url = await relayUrl('main');
    const [patient, clinic] = [await person(), await person()];
    const client = new RelayClient({ relays: [url] });
    try {
      await client.publishAll((await createAccessRequest({ signer: clinic.signer, patient: patient.pubkey, resourceTypes: ['Condition'], purpose: 'Check-up', days: 30 })).events);
    } finally {
      client.close();
    }
    const said = await check('en', patient.signer, url);
    expect(said).to.contain('1 request');
    expect(said).not.to.contain('dated later');
  });

  it('asks a server that never answered the check nothing more before saying "No open requests.": the patient waits once', async () => {
    const [url, silent] = [await relayUrl('main'), await relayUrl('silent')];
    const patient = await person();
    const said = await check('en', patient.signer, `${url} ${silent}`);
    expect(said).not.to.contain('dated later');
    const looks = (await relayRequests('silent', patient.pubkey)).filter((filters) => filters.some((f) => typeof f.since === 'number' && f.since > Date.now() / 1000));
    expect(looks, 'a second read of the server that hung').to.deep.equal([]);
  });
});
