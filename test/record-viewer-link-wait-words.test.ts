/**
 * A clinician opens a link to one record: the signer is asked once, for that record, as the words
 * before the button say. While it is asked, the status must say the same, not that it will be asked
 * for "each record and each one you shared", which is what unlocking all of one's records asks.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { loadLanguage } from '../components/index.js';
import { $, buttonByText, text } from './element-helpers.js';
import { waitUntil } from './wait.js';
import { heldDecrypt, person, sampleBundle } from './helpers.js';
import { sharedRelayClient } from './relay-client.js';

describe('<nip82-record-viewer naddr>: the wait for the signer over one record', function () {
  this.timeout(60000);
  const relay = sharedRelayClient();

  for (const [lang, once, each] of [
    ['en', 'it will be asked once, to unlock this record', 'each one you shared'],
    ['es', 'se le pedirá una vez, para desbloquear este historial', 'cada uno que usted compartió'],
  ] as const) {
    it(`says the signer is asked once, for this record (${lang})`, async () => {
      if (lang === 'es') await loadLanguage('es');
      const [patient, clinic] = await Promise.all([person(), person()]);
      const events = await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [{ pubkey: clinic.pubkey, role: 'viewer' }] });
      await relay.client.publishAll(events);
      const link = (await openRecord(events, clinic.signer)).naddrs[0]!;
      const held = heldDecrypt(clinic.signer);
      const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer lang=${lang} audience="clinician" relays=${relay.url} naddr=${link} .signer=${held.signer}></nip82-record-viewer>`);
      buttonByText(el, lang === 'es' ? /^Desbloquear/ : /^Unlock/)!.click();
      await waitUntil(() => held.asked() && el.status === 'waiting-signer', 'the signer is asked', { timeout: 20000 });
      await el.updateComplete;
      const said = text($(el, '[role=status]'));
      held.release();
      expect(said, 'while the signer is asked').to.contain(once);
      expect(said).not.to.contain(each);
      await waitUntil(() => el.status === 'done', 'the record opens', { timeout: 20000 });
    });
  }
});
