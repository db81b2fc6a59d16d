/**
 * A reader with low vision finds where to type by the field's edge (WCAG 1.4.11 non-text
 * contrast: 3:1 against what is around it). The share dialog's recipient, purpose and end-date
 * fields, the viewer's search and the session's signer field, in light and dark schemes,
 * computed as the browser draws them.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { waitUntil } from './wait.js';
import { fixture as dataFixture, person, relayUrl, sampleBundle } from './helpers.js';
import { $, $$, dialogOf } from './element-helpers.js';
import { contrast } from './contrast.js';


/** Each shown text field under `root` (and the kit's elements inside it) whose edge is too faint. */
function faintFields(root: ShadowRoot): string[] {
  const faint: string[] = [];
  for (const field of root.querySelectorAll<HTMLElement>('input:not([type=checkbox], [type=radio]), textarea')) {
    if (!field.getClientRects().length) continue;
    const style = getComputedStyle(field);
    const ratio = contrast(style.borderTopColor, style.backgroundColor);
    if (ratio < 3) faint.push(`${field.localName}[${(field as HTMLInputElement).type}] edge ${ratio.toFixed(2)}:1`);
  }
  for (const inner of root.querySelectorAll('*')) if (inner.shadowRoot) faint.push(...faintFields(inner.shadowRoot));
  return faint;
}

describe('the edge of a text field can be seen', function () {
  this.timeout(60000);

  for (const scheme of ['light', 'dark']) {
    it(`in a ${scheme} scheme: the share dialog, the viewer's search and the session`, async () => {
      const patient = await person();
      const record = await openRecord(await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [] }), patient.signer);
      const page = await fixture<HTMLDivElement>(html`<div style="color-scheme: ${scheme}">
        <nip82-consent-prompt mode="share" .records=${[record]} .signer=${patient.signer} relays="ws://127.0.0.1:1"></nip82-consent-prompt>
        <nip82-record-viewer .bundle=${await dataFixture('synthea-patient.json')}></nip82-record-viewer>
        <nip82-session relays=${await relayUrl('main')}></nip82-session>
      </div>`);
      const share = page.querySelector<Nip82ConsentPrompt>('nip82-consent-prompt')!;
      $<HTMLButtonElement>(share, 'button[data-trigger]')!.click();
      await waitUntil(() => dialogOf(share).open && $$(share, 'li.item').length > 0, 'the share dialog with its items');
      const viewer = page.querySelector<Nip82RecordViewer>('nip82-record-viewer')!;
      await waitUntil(() => viewer.status === 'done' && $(viewer, '.search input'), 'the record with its search', { timeout: 20000 });
      const session = page.querySelector('nip82-session')!;
      await waitUntil(() => session.shadowRoot!.querySelector('details'), 'the sign-in controls');
      session.shadowRoot!.querySelector('details')!.open = true;
      await waitUntil(() => session.shadowRoot!.querySelector('input')?.getClientRects().length, 'the signer field');

      const fields = [share, viewer, session].map((el) => faintFields(el.shadowRoot!));
      expect(fields, 'fields whose edge is under 3:1 (share dialog, viewer, session)').to.deep.equal([[], [], []]);
    });
  }
});
