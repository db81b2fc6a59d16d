import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { sanitizeNarrative } from '../components/shared/sanitize.js';

/** A Bundle whose narrative dresses up as the kit: a green "verified" and the withheld-items warning. */
function dressedUp() {
  return {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [{
      fullUrl: 'urn:uuid:0b7f3c1e-2a4d-4c1e-9a43-000000000001',
      resource: {
        resourceType: 'AllergyIntolerance',
        id: '0b7f3c1e-2a4d-4c1e-9a43-000000000001',
        code: { text: 'Latex' },
        patient: { display: 'Ana' },
        text: {
          status: 'generated',
          div: '<div xmlns="http://www.w3.org/1999/xhtml"><span class="verified npub">verified</span><p class="warning unverified">Some items were withheld.</p><i class="hapi x">ok</i></div>',
        },
      },
    }],
  };
}

describe('narratives are the record\'s own text', () => {
  it('keeps narrative classes only under a prefix the kit never styles', () => {
    const host = document.createElement('div');
    host.append(sanitizeNarrative(dressedUp().entry[0]!.resource.text.div));
    const classes = [...host.querySelectorAll('[class]')].flatMap((e) => [...e.classList]);
    expect(classes).to.have.members(['narrative-verified', 'narrative-npub', 'narrative-warning', 'narrative-unverified', 'narrative-hapi', 'narrative-x']);
    expect(host.querySelector('.verified, .warning, .unverified, .npub')).to.equal(null);
  });

  it('shows narratives set apart, labelled as the record\'s own text, without the kit\'s look', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="en"><nip82-record-viewer .bundle=${dressedUp()}></nip82-record-viewer></div>`);
    const el = wrapper.querySelector<Nip82RecordViewer>('nip82-record-viewer')!;
    await el.updateComplete;
    const toggle = [...el.shadowRoot!.querySelectorAll('button')].find((b) => /Show original text/.test(b.textContent ?? ''))!;
    toggle.click();
    await el.updateComplete;
    for (const d of el.shadowRoot!.querySelectorAll('details')) d.open = true;
    const part = el.shadowRoot!.querySelector('[part="narrative"]')!;
    expect(part.textContent).to.contain('The record\'s own text');
    // The sanitiser loads the first time narratives are shown: wait for the narrative itself.
    await waitUntil(() => [...part.querySelectorAll('span')].some((e) => e.textContent === 'verified'), 'the narrative is shown');
    const span = [...part.querySelectorAll('span')].find((e) => e.textContent === 'verified')!;
    expect(span.classList.contains('verified')).to.equal(false);
    // The kit's "verified" look is green; the narrative's span keeps the text colour around it.
    expect(getComputedStyle(span).color).to.equal(getComputedStyle(span.parentElement!).color);
    expect(part.querySelector('.warning')).to.equal(null);
  });

  it('a link to a section of the narrative goes there, and the page\'s address does not change', async () => {
    const bundle = dressedUp();
    bundle.entry[0]!.resource.text.div = '<div xmlns="http://www.w3.org/1999/xhtml"><p><a href="#section2">See the reaction</a></p>'
      + `<p>${'Long text. '.repeat(20)}</p><p id="section2">Hives within minutes.</p></div>`;
    const hashBefore = location.hash;
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="en"><nip82-record-viewer .bundle=${bundle}></nip82-record-viewer></div>`);
    const el = wrapper.querySelector<Nip82RecordViewer>('nip82-record-viewer')!;
    await el.updateComplete;
    [...el.shadowRoot!.querySelectorAll('button')].find((b) => /Show original text/.test(b.textContent ?? ''))!.click();
    await el.updateComplete;
    for (const d of el.shadowRoot!.querySelectorAll('details')) d.open = true;
    const part = el.shadowRoot!.querySelector('[part="narrative"]')!;
    await waitUntil(() => part.querySelector('a'), 'the narrative is shown');
    const link = part.querySelector('a')!;
    expect(link.getAttribute('href')).to.equal('#narrative-section2');
    link.click();
    expect(location.hash).to.equal(hashBefore);
    // The reader is taken to the section: it has the focus (and so is scrolled to).
    expect(el.shadowRoot!.activeElement?.textContent).to.equal('Hives within minutes.');
  });
});
