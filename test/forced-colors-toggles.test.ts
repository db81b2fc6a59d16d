/**
 * In forced colours (Windows high contrast) the system replaces the kit's colours, and with them the
 * accent that marked which toggle is on. Every toggle keeps on and off apart there: the viewer's
 * "Summary"/"Timeline" and "Show original text", the share dialog's "Hide" buttons, the picker's
 * suggestion the arrow keys are on. Emulated in Chromium; compared as the browser computes them.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { generateSecretKey, getPublicKey } from 'nostr-tools/pure';
import '../components/record-viewer/define.js';
import '../components/consent-prompt/define.js';
import '../components/npub-picker/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import type { Nip82NpubPicker } from '../components/npub-picker/npub-picker.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { waitUntil } from './wait.js';
import { person, sampleBundle } from './helpers.js';
import { $, $$, buttonByText, dialogOf, itemRow } from './element-helpers.js';

/** What tells a control's state apart on screen: its colours, computed. */
const look = (el: Element) => {
  const c = getComputedStyle(el);
  return `${c.backgroundColor} / ${c.color} / ${c.borderColor}`;
};

/** The system's highlight colour as the browser computes it (what marks "on" here). */
function highlight(): string {
  const probe = document.body.appendChild(document.createElement('div'));
  probe.style.backgroundColor = 'Highlight';
  const colour = getComputedStyle(probe).backgroundColor;
  probe.remove();
  return colour;
}

describe('toggles in forced colours (high contrast)', function () {
  this.timeout(60000);

  before(async () => {
    await emulateMedia({ forcedColors: 'active' } as never);
    expect(matchMedia('(forced-colors: active)').matches, 'forced colours emulated').to.equal(true);
  });
  after(async () => {
    await emulateMedia({ forcedColors: 'none' } as never);
  });

  it('the viewer: the view shown and "Show original text" on look different from off', async () => {
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer .bundle=${sampleBundle()}></nip82-record-viewer>`);
    await el.updateComplete;
    const [summary, timeline] = ['Summary', 'Timeline'].map((t) => buttonByText(el, t)!);
    expect([summary!.getAttribute('aria-pressed'), timeline!.getAttribute('aria-pressed')]).to.deep.equal(['true', 'false']);
    expect(look(summary!), 'Summary (on) and Timeline (off)').to.not.equal(look(timeline!));
    expect(getComputedStyle(summary!).backgroundColor).to.equal(highlight());
    const original = buttonByText(el, 'Show original text')!;
    const off = look(original);
    original.click();
    await el.updateComplete;
    expect(original.getAttribute('aria-pressed')).to.equal('true');
    expect(look(original), '"Show original text" on and off').to.not.equal(off);
  });

  it('the share dialog: a hidden item\'s Hide button looks different from the others', async () => {
    const patient = await person();
    const record = await openRecord(await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [] }), patient.signer);
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="share" .records=${[record]} .signer=${patient.signer} relays="ws://127.0.0.1:1"></nip82-consent-prompt>`);
    $<HTMLButtonElement>(el, 'button[data-trigger]')!.click();
    await waitUntil(() => dialogOf(el).open && $$(el, 'li.item').length > 0, 'the items to choose');
    const [hidden, shown] = ['Penicillin', 'Chlamydia'].map((label) => itemRow(el, label).querySelector<HTMLButtonElement>('button.hide')!);
    hidden!.click();
    await el.updateComplete;
    expect([hidden!.getAttribute('aria-pressed'), shown!.getAttribute('aria-pressed')]).to.deep.equal(['true', 'false']);
    expect(look(hidden!), 'Hide on and off').to.not.equal(look(shown!));
    expect(getComputedStyle(hidden!).backgroundColor).to.equal(highlight());
  });

  it('the picker: the suggestion the arrow keys are on looks different from the others', async () => {
    const keys = [1, 2].map(() => getPublicKey(generateSecretKey()));
    const el = await fixture<Nip82NpubPicker>(html`<nip82-npub-picker .follows=${keys}></nip82-npub-picker>`);
    $<HTMLInputElement>(el, 'input')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => $$(el, '[role=option]').length === 2, 'the suggestions');
    await el.updateComplete;
    const [on, off] = $$(el, '[role=option]');
    expect([on!.getAttribute('aria-selected'), off!.getAttribute('aria-selected')]).to.deep.equal(['true', 'false']);
    expect(look(on!), 'the active suggestion and another').to.not.equal(look(off!));
    expect(getComputedStyle(on!).backgroundColor).to.equal(highlight());
  });
});
