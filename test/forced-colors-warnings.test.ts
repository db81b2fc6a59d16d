/**
 * In forced colours (Windows high contrast) the system drops the kit's backgrounds, and with them
 * the tinted box that sets a warning apart from the words around it. A warning keeps a drawn edge
 * there (as the hidden-items flag does), in the share preview ("You can take it back later…") and
 * in the record viewer ("Unverified author…"). Emulated in Chromium; compared as the browser
 * computes it.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../components/consent-prompt/define.js';
import '../components/record-viewer/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { person, sampleBundle } from './helpers.js';
import { $, text, toSharePreview } from './element-helpers.js';

/** The edge drawn around `el`: its style, width, and whether its colour can be seen. */
const edge = (el: Element) => {
  const c = getComputedStyle(el);
  return `${c.borderTopStyle} ${c.borderTopWidth} ${c.borderTopColor === 'rgba(0, 0, 0, 0)' ? 'unseen' : 'seen'}`;
};

describe('warnings in forced colours (high contrast)', function () {
  this.timeout(60000);

  before(async () => {
    await emulateMedia({ forcedColors: 'active' } as never);
    expect(matchMedia('(forced-colors: active)').matches, 'forced colours emulated').to.equal(true);
  });
  after(async () => {
    await emulateMedia({ forcedColors: 'none' } as never);
  });

  it('the share preview\'s warning has an edge', async () => {
    const [patient, clinician] = [await person(), await person()];
    const record = await openRecord(await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [] }), patient.signer);
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="share" .records=${[record]} .signer=${patient.signer} relays="ws://127.0.0.1:1"></nip82-consent-prompt>`);
    await toSharePreview(el, clinician.pubkey);
    const warning = $(el, 'dialog p.warning')!;
    expect(text(warning)).to.match(/^You can /);
    expect(edge(warning), 'the warning\'s edge').to.equal('solid 1px seen');
  });

  it('the viewer\'s "Unverified author" has an edge', async () => {
    const patient = await person();
    const record = await openRecord(await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [] }), patient.signer);
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer .records=${[{ ...record, authorVerified: false }]}></nip82-record-viewer>`);
    await el.updateComplete;
    const warning = $(el, 'p.warning.unverified')!;
    expect(text(warning)).to.match(/^Unverified author/);
    expect(edge(warning), 'the warning\'s edge').to.equal('solid 1px seen');
  });
});
