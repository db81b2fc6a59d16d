/**
 * "Try again" beside a part of the viewer that could not be fetched, pressed while the connection is
 * still down: the part is asked for again and fails again. The alert then says the same words, and a
 * screen reader says nothing of a text that did not change, so the reader could not tell the press
 * did anything. The words are taken away while the part is on its way and come back when it fails:
 * new text in the alert, heard again, with the focus left on "Try again".
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { $, text } from './element-helpers.js';
import { EXTRAS_MODULE, extrasBundle } from './record-extras-helpers.js';
import { waitUntil } from './wait.js';

const aborted = async () => (await executeServerCommand<string[], undefined>('lost-module-requests'))!.length;

const LOST = 'Part of this page could not be loaded, so some details on this page are not shown, such as tables or attached files. Check your internet connection, then try again.';

describe('<nip82-record-viewer>: "Try again" that fails again is heard', () => {
  before(async () => {
    await executeServerCommand('lose-module', { path: EXTRAS_MODULE });
  });

  it('each failed retry puts the words into the alert anew, and the focus stays on "Try again"', async () => {
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer .bundle=${extrasBundle()}></nip82-record-viewer>`);
    await el.updateComplete;
    await waitUntil(() => text($(el, '.lost-part p')) === LOST, `said: ${text($(el, '.lost-part'))}`);
    const alert = $(el, '.lost-part[role=alert]')!;
    const retry = $<HTMLButtonElement>(el, '.lost-part button')!;
    retry.focus();

    // What a screen reader hears of a live region: text put into it.
    const heard: string[] = [];
    const hear = (records: MutationRecord[]) => {
      for (const r of records) {
        if (r.type === 'characterData' && r.target.textContent?.trim()) heard.push(r.target.textContent.trim());
        for (const node of r.addedNodes) if (node.textContent?.trim()) heard.push(node.textContent.trim());
      }
    };
    const listening = new MutationObserver(hear);
    listening.observe(alert, { childList: true, subtree: true, characterData: true });
    try {
      for (const press of [1, 2]) {
        const before = await aborted();
        heard.length = 0;
        retry.click();
        await waitUntil(async () => (await aborted()) > before, `press ${press}: the part was not asked for again`);
        await waitUntil(() => text($(el, '.lost-part p')) === LOST && retry.getAttribute('aria-disabled') !== 'true', `press ${press}: the failure is not said again: ${text($(el, '.lost-part'))}`);
        hear(listening.takeRecords());
        expect(heard, `press ${press}: what the alert said anew`).to.include(LOST);
        expect($(el, '.lost-part[role=alert]'), 'the same alert').to.equal(alert);
        expect(el.shadowRoot!.activeElement, `press ${press}: the focus`).to.equal(retry);
      }
      await expect(el).to.be.accessible();
    } finally {
      listening.disconnect();
    }
  });
});
