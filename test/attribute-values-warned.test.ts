/**
 * A developer who writes a value an attribute does not take (`mode="answers"`, `audience="doctor"`,
 * a hidden-item flag given a count but no `disclose`) is told once in the console which attribute
 * and which values it takes; the element goes on as it does without the value. Values it takes are
 * never warned of.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/consent-prompt/define.js';
import '../components/record-viewer/define.js';
import '../components/hidden-flag/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { Nip82HiddenFlag } from '../components/hidden-flag/hidden-flag.js';
import { sampleBundle } from './helpers.js';
import { waitUntil } from './wait.js';
import { text } from './element-helpers.js';

const warnings: string[] = [];
const consoleWarn = console.warn;

describe('an attribute given a value it does not take', () => {
  beforeEach(() => {
    warnings.length = 0;
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  });
  afterEach(() => {
    console.warn = consoleWarn;
  });

  it('the consent prompt names its mode and the values it takes, once', async () => {
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="answers"></nip82-consent-prompt>`);
    el.requestUpdate();
    await el.updateComplete;
    expect(warnings).to.deep.equal(['nip82-elements: <nip82-consent-prompt> mode="answers" is none of share, answer, so it is ignored.']);
  });

  it('the record viewer names its audience and still shows the record', async () => {
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer audience="doctor" .bundle=${sampleBundle()}></nip82-record-viewer>`);
    await waitUntil(() => text(el.shadowRoot).includes('Ana Rivera'), 'record not shown');
    expect(warnings).to.deep.equal(['nip82-elements: <nip82-record-viewer> audience="doctor" is none of patient, clinician, so it is ignored.']);
  });

  it('the hidden-item flag given a count without disclose, or a disclose it does not take, says so', async () => {
    const el = await fixture<Nip82HiddenFlag>(html`<nip82-hidden-flag count="3"></nip82-hidden-flag>`);
    expect(warnings).to.deep.equal(['nip82-elements: <nip82-hidden-flag> disclose="" is none of flag, count, count-and-kind, so it is ignored.']);
    el.setAttribute('disclose', 'yes');
    await el.updateComplete;
    expect(warnings[1]).to.equal('nip82-elements: <nip82-hidden-flag> disclose="yes" is none of flag, count, count-and-kind, so it is ignored.');
    el.setAttribute('disclose', 'count');
    await el.updateComplete;
    expect(el.visible).to.equal(true);
    expect(warnings).to.have.length(2);
  });

  it('values the elements take are not warned of', async () => {
    await fixture(html`<div>
      <nip82-consent-prompt mode="answer"></nip82-consent-prompt>
      <nip82-record-viewer mode="timeline" audience="clinician" .bundle=${sampleBundle()}></nip82-record-viewer>
      <nip82-hidden-flag disclose="flag"></nip82-hidden-flag>
    </div>`);
    const viewer = document.querySelector<Nip82RecordViewer>('nip82-record-viewer')!;
    await waitUntil(() => viewer.status === 'done', 'record not shown');
    await viewer.updateComplete;
    expect(warnings).to.deep.equal([]);
  });
});
