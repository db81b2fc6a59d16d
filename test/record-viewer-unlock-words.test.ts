/**
 * The viewer says "unlock" for what its signer is asked, as every other element does, in English
 * and Spanish: never "decrypt the access key" while it waits, nor "descifrar" when a record would
 * not open.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import { finalizeEvent, generateSecretKey, getPublicKey } from 'nostr-tools/pure';
import { encrypt as nip44Encrypt, getConversationKey } from 'nostr-tools/nip44';
import { waitUntil } from './wait.js';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { createRecord } from '../components/core/nip82/record.js';
import { RECORD_KIND } from '../components/core/nip82/constants.js';
import { RelayClient } from '../components/core/relay/client.js';
import { loadLanguage } from '../components/shared/language-packs.js';
import { heldDecrypt, person, relayUrl, sampleBundle } from './helpers.js';
import { $, buttonByText, text } from './element-helpers.js';

describe('the viewer names what the signer does as the other elements do', function () {
  this.timeout(60000);

  for (const [lang, unlock, words, dev] of [
    ['en', 'Unlock my records', /unlock each record/, /decrypt|access key/i],
    ['es', 'Desbloquear mis historiales', /desbloquear cada historial/, /descifr|clave de acceso/i],
  ] as const) {
    it(`${lang}: while the signer is asked, it says it unlocks each record`, async () => {
      await loadLanguage('es');
      const url = await relayUrl('main');
      const reader = await person();
      const client = new RelayClient({ relays: [url] });
      await client.publishAll(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(reader.pubkey)}`), author: (await person()).signer, participants: [{ pubkey: reader.pubkey, role: 'viewer' }] }));
      client.close();
      const held = heldDecrypt(reader.signer);
      const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer lang=${lang} relays=${url} .signer=${held.signer}></nip82-record-viewer>`);
      buttonByText(el, unlock)!.click();
      await waitUntil(held.asked, 'the signer is asked');
      await el.updateComplete;
      const shown = text(el.shadowRoot);
      held.release();
      expect(shown).to.match(words);
      expect(shown).not.to.match(dev);
    });
  }

  it('es: a record the signer cannot unlock is said with "desbloquear", not "descifrar"', async () => {
    const url = await relayUrl('main');
    const reader = await person();
    // A record whose key for the reader was locked by someone else: the signer cannot open it.
    const signKey = generateSecretKey();
    const stranger = getConversationKey(generateSecretKey(), reader.pubkey);
    const event = finalizeEvent({
      kind: RECORD_KIND, created_at: Math.floor(Date.now() / 1000),
      tags: [['d', 'a1b2c3d4e5f60718293a4b5c6d7e8f90'], ['p', reader.pubkey], ['key', reader.pubkey, nip44Encrypt('ab'.repeat(32), stranger)]],
      content: nip44Encrypt('not for anyone', getConversationKey(signKey, getPublicKey(signKey))),
    }, signKey);
    const client = new RelayClient({ relays: [url] });
    await client.publishAll([event]);
    client.close();
    await loadLanguage('es');
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer lang="es" relays=${url} .signer=${reader.signer}></nip82-record-viewer>`);
    buttonByText(el, 'Desbloquear mis historiales')!.click();
    await waitUntil(() => $(el, '.failures'), 'never failed', { timeout: 15000 });
    await el.updateComplete;
    const failures = text($(el, '.failures'));
    expect(failures).to.contain('Su firmador no pudo desbloquear el historial');
    expect(failures).not.to.match(/descifr/i);
  });
});
