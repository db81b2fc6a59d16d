/**
 * "What you shared" printed from a dark page, as a patient keeps it on paper: its words print dark
 * on light (paper is white), and no Revoke button is on paper. Before, the text printed light grey
 * on white and every button with it.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../components/access-list/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { createShare } from '../components/core/nip82/share.js';
import { consentSource, grantConsent } from '../components/core/nip82/grant-create.js';
import { person, sampleBundle } from './helpers.js';
import { $ } from './element-helpers.js';
import { waitUntil } from './wait.js';

/** How light a computed colour is, 0 (black) to 1 (white); `rgb()` and `color(srgb …)` alike. */
const lightness = (colour: string) => {
  const srgb = colour.startsWith('color(srgb');
  const [r, g, b] = colour.match(/[\d.]+/g)!.map(Number).map((v) => (srgb ? v : v / 255));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};

describe('the access list, printed', () => {
  after(() => emulateMedia({ media: 'screen' }));

  it('from a dark page: what was shared prints dark on light, without Revoke buttons', async () => {
    const [clinic, patient] = await Promise.all([person(), person()]);
    const record = await openRecord(await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [] }), patient.signer);
    const consent = grantConsent({ patient: patient.pubkey, recipient: clinic.pubkey, role: 'viewer', purpose: 'Knee surgery' });
    const { source, fullUrl } = consentSource(record, consent);
    const share = await openRecord(await createShare({
      from: [record, source], include: [...record.bundle.entry!.map((e) => e.fullUrl!), fullUrl], author: patient.signer, participants: [{ pubkey: clinic.pubkey, role: 'viewer' }],
    }), patient.signer);
    const wrap = await fixture<HTMLElement>(html`<div style="color-scheme: dark; background: Canvas"><nip82-access-list .records=${[share, record]} .signer=${patient.signer}></nip82-access-list></div>`);
    const el = wrap.querySelector('nip82-access-list') as Nip82AccessList;
    await waitUntil(() => $(el, '[part=share] .purpose'), 'the share listed');
    await emulateMedia({ media: 'print' });
    const revoke = $(el, '[part=share] button.revoke')!;
    const seen = { purposeLight: lightness(getComputedStyle($(el, '[part=share] .purpose')!).color) > 0.6, revokeOnPaper: revoke.getClientRects().length > 0 };
    expect(seen).to.deep.equal({ purposeLight: false, revokeOnPaper: false });
  });
});
