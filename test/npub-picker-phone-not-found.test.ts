import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { waitUntil } from './wait.js';
import '../components/npub-picker/define.js';
import type { Nip82NpubPicker } from '../components/npub-picker/npub-picker.js';
import { $, text } from './element-helpers.js';

describe('the recipient picker at 320 CSS px on a plain host page', function () {
  this.timeout(60000);
  before(() => setViewport({ width: 320, height: 640 }));
  after(() => setViewport({ width: 800, height: 600 }));

  it('a long name that could not be found: the page does not scroll sideways', async () => {
    const el = await fixture<Nip82NpubPicker>(html`<nip82-npub-picker></nip82-npub-picker>`);
    const input = $<HTMLInputElement>(el, '#input')!;
    const name = 'alexandra_montgomery_fitzwilliams_northwestern_regional@medicalcenter.invalid';
    input.value = name;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    await waitUntil(() => text($(el, '[part=error]')).includes('Could not find'), 'the lookup failed', { timeout: 30000 });
    await el.updateComplete;
    const page = document.documentElement;
    const wide = [...el.shadowRoot!.querySelectorAll<HTMLElement>('*')].filter((n) => n.scrollWidth > n.clientWidth + 1 && n.localName !== 'input').map((n) => `${n.localName}.${n.className}`).join(' ');
    expect(wide).to.equal('');
    expect(`${page.scrollWidth} > ${page.clientWidth}: ${page.scrollWidth > page.clientWidth}`).to.equal(`${page.scrollWidth} > ${page.clientWidth}: false`);
  });
});
