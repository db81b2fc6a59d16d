/**
 * A reader who asks their system for more contrast (`prefers-contrast: more`, as macOS "Increase
 * contrast" and Windows' contrast settings say it) gets it, in light and dark: the softer grey
 * words (a record's "Author" label, a help line) are drawn in the full text ink, a button's edge can be seen
 * against the page (3:1, WCAG 1.4.11), and a warning is set apart by an edge, not only by a tint.
 * Emulated in Chromium; measured on the colours the browser computes.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { person, sampleBundle } from './helpers.js';
import { $, buttonByText, text } from './element-helpers.js';
import { contrast, rgba } from './contrast.js';


/** The colour painted behind `el`: its own background, or the nearest one under it, across shadow roots. */
function backdrop(el: Element): string {
  for (let at: Element | null = el; at; at = at.parentElement ?? ((at.getRootNode() as ShadowRoot).host ?? null)) {
    const bg = getComputedStyle(at).backgroundColor;
    if (rgba(bg)[3]! > 0) return bg;
  }
  return 'rgb(255, 255, 255)';
}

/** Under the button: what is around it, not its own fill. */
const around = (el: Element) => backdrop(el.parentElement ?? (el.getRootNode() as ShadowRoot).host);

for (const scheme of ['light', 'dark'] as const) {
  describe(`more contrast asked for, ${scheme}`, function () {
    this.timeout(60000);

    before(async () => {
      await emulateMedia({ contrast: 'more' } as never);
      expect(matchMedia('(prefers-contrast: more)').matches, 'more contrast emulated').to.equal(true);
    });
    after(async () => {
      await emulateMedia({ contrast: 'no-preference' } as never);
    });

    it('grey words are in the full ink, a button\'s edge is seen, a warning has an edge', async () => {
      const patient = await person();
      const record = await openRecord(await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [] }), patient.signer);
      const wrapper = await fixture(html`<div style="color-scheme: ${scheme}; background: Canvas">
        <nip82-record-viewer .records=${[{ ...record, authorVerified: false }]}></nip82-record-viewer>
      </div>`);
      const el = wrapper.querySelector<Nip82RecordViewer>('nip82-record-viewer')!;
      await el.updateComplete;

      const kind = $(el, '.provenance dt')!;
      expect(text(kind)).to.not.equal('');
      const ink = getComputedStyle(el).color;
      expect(getComputedStyle(kind).color, `"${text(kind)}" drawn in the text ink`).to.equal(ink);

      const timeline = buttonByText(el, 'Timeline')!;
      const edge = getComputedStyle(timeline).borderTopColor;
      expect(contrast(edge, around(timeline)), 'the "Timeline" button\'s edge against the page').to.be.at.least(3);

      const warning = $(el, 'p.warning.unverified')!;
      const style = getComputedStyle(warning);
      expect(`${style.borderTopStyle} ${style.borderTopWidth}`, 'the warning\'s edge').to.equal('solid 1px');
      expect(contrast(style.borderTopColor, around(warning)), 'the warning\'s edge against the page').to.be.at.least(3);
    });
  });
}
