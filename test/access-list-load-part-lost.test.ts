/**
 * "Unlock my records" that fails before any change is made (a part of the page could not be
 * fetched, for real here: scripts/wtr-lost-module-plugin.mjs): the list says the records were not
 * unlocked and to try again, never "access was not revoked yet", which speaks of a revocation the
 * patient never asked for. Once the connection is back, the same button unlocks them.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../components/access-list/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { loadPart } from '../components/core/errors.js';
import type { Signer } from '../components/core/signers/signer.js';
import { person, relayUrl } from './helpers.js';
import { $, buttonByText, text } from './element-helpers.js';
import { waitUntil } from './wait.js';

const SIGNER_PART = '/test/signer-part';

/** `signer`, whose key needs a part of the page fetched first. */
const needingPart = (signer: Signer): Signer => ({
  getPublicKey: () => loadPart(() => import('./signer-part.js')).then(() => signer.getPublicKey()),
  signEvent: (event) => signer.signEvent(event),
  nip44Encrypt: (pubkey, text) => signer.nip44Encrypt(pubkey, text),
  nip44Decrypt: (pubkey, text) => signer.nip44Decrypt(pubkey, text),
});

describe('<nip82-access-list>: a load that fails before anything is changed', function () {
  this.timeout(30000);

  it('says the records were not unlocked and to try again, not that access was not revoked; the same button then unlocks them', async () => {
    await executeServerCommand('lose-module', { path: SIGNER_PART });
    const patient = await person();
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .signer=${needingPart(patient.signer)} relays=${await relayUrl('main')}></nip82-access-list>`);
    buttonByText(el, 'Unlock my records')!.click();
    await waitUntil(() => el.status === 'relay-error' || el.status === 'bad-data', `status ${el.status}`, { timeout: 20000 });
    await el.updateComplete;
    const said = () => text($(el, '[role=status]'));
    expect(said()).not.to.match(/revoked/);
    expect(said()).to.equal('Part of this page could not be loaded, so your records were not unlocked. Check your internet connection, then try again.');
    el.lang = 'es';
    await waitUntil(() => said() === 'No se pudo cargar una parte de esta página, así que sus historiales no se desbloquearon. Compruebe su conexión a internet y vuelva a intentarlo.', `in Spanish: ${said()}`);
    el.lang = 'en';

    await executeServerCommand('find-module', { path: SIGNER_PART });
    await waitUntil(() => buttonByText(el, 'Unlock my records'), 'the button went');
    buttonByText(el, 'Unlock my records')!.click();
    await waitUntil(() => el.status === 'done', `status ${el.status}: ${said()}`, { timeout: 20000 });
  });
});
