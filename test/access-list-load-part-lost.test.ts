/**
 * "Unlock my records" that fails before any change is made (a part of the page could not be
 * fetched): the list says that, never "access was not revoked yet", which speaks of a revocation
 * the patient never asked for.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/access-list/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { loadPart } from '../components/core/errors.js';
import type { Signer } from '../components/core/signers/signer.js';
import { relayUrl } from './helpers.js';
import { $, buttonByText, text } from './element-helpers.js';
import { waitUntil } from './wait.js';

/** A signer whose key needs a part of the page that its server no longer serves. */
const needingLostPart = (): Signer => ({
  getPublicKey: () => loadPart(() => import(/* @vite-ignore */ `./parts-never-served-${Date.now()}.js`).then((m: { key: string }) => m.key)),
  signEvent: () => Promise.reject(new Error('not used')),
  nip44Encrypt: () => Promise.reject(new Error('not used')),
  nip44Decrypt: () => Promise.reject(new Error('not used')),
});

describe('<nip82-access-list>: a load that fails before anything is changed', function () {
  this.timeout(30000);

  it('says part of the page could not be loaded, not that access was not revoked', async () => {
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .signer=${needingLostPart()} relays=${await relayUrl('main')}></nip82-access-list>`);
    buttonByText(el, 'Unlock my records')!.click();
    await waitUntil(() => el.status === 'relay-error' || el.status === 'bad-data', `status ${el.status}`, { timeout: 20000 });
    await el.updateComplete;
    const said = text($(el, '[role=status]'));
    expect(said).not.to.match(/revoked/);
    expect(said).to.match(/could not be loaded.*reload the page/);
  });
});
