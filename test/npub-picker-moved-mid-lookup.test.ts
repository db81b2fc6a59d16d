/**
 * A single-page app moves the recipient field (or the dialog holding it) while it looks a name up
 * (name@domain). Put back, the field must not say "Looking up…" for good: the answer that arrives
 * chooses the person, as it would have without the move.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { waitUntil } from './wait.js';
import '../components/npub-picker/define.js';
import type { Nip82NpubPicker } from '../components/npub-picker/npub-picker.js';
import { person } from './helpers.js';
import { text } from './element-helpers.js';

describe('npub picker moved while it looks a name up', function () {
  const realFetch = window.fetch;
  afterEach(() => { window.fetch = realFetch; });

  it('the name\'s answer, arriving after the move, chooses the person; nothing stays "Looking up"', async () => {
    const clinician = await person();
    // The name's server answers only once the test lets it.
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => { answer = resolve; });
    window.fetch = (async () => {
      await answered;
      return new Response(JSON.stringify({ names: { ana: clinician.pubkey } }), { status: 200, headers: { 'content-type': 'application/json' } });
    }) as typeof fetch;
    const page = await fixture<HTMLElement>(html`<div><section id="main"><nip82-npub-picker></nip82-npub-picker></section><aside id="side"></aside></div>`);
    const el = page.querySelector('nip82-npub-picker') as Nip82NpubPicker;
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLInputElement>('#input')!.focus();
    await sendKeys({ type: 'ana@clinic.example' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(el.shadowRoot!).includes('Looking up'), 'the lookup never began');

    page.querySelector('#side')!.append(el);
    await el.updateComplete;
    answer();
    await waitUntil(() => el.status !== 'working', `still: ${text(el.shadowRoot!)}`, { timeout: 5000 }).catch(() => undefined);
    expect(text(el.shadowRoot!), 'what the field says').not.to.contain('Looking up');
    expect(el.value, 'the person the name stands for is chosen').to.equal(clinician.pubkey);
    expect(el.status).to.equal('done');
  });

  it('taken off the page for good, its answer chooses no one (a share dialog closed, then a sign-out)', async () => {
    const clinician = await person();
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => { answer = resolve; });
    window.fetch = (async () => {
      await answered;
      return new Response(JSON.stringify({ names: { ana: clinician.pubkey } }), { status: 200, headers: { 'content-type': 'application/json' } });
    }) as typeof fetch;
    const page = await fixture<HTMLElement>(html`<div><nip82-npub-picker id="gone"></nip82-npub-picker><nip82-npub-picker id="kept"></nip82-npub-picker></div>`);
    const [gone, kept] = [page.querySelector<Nip82NpubPicker>('#gone')!, page.querySelector<Nip82NpubPicker>('#kept')!];
    const chosen: string[] = [];
    gone.addEventListener('nip82-npub-select', () => chosen.push('gone'));
    for (const el of [gone, kept]) {
      await el.updateComplete;
      el.shadowRoot!.querySelector<HTMLInputElement>('#input')!.focus();
      await sendKeys({ type: 'ana@clinic.example' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => text(el.shadowRoot!).includes('Looking up'), 'the lookup never began');
    }
    gone.remove();
    answer();
    // The field kept on the page looked up the same name after it: once it has chosen, the removed one's answer came too.
    await waitUntil(() => kept.value === clinician.pubkey, 'the field kept never chose');
    await gone.updateComplete;
    expect(chosen, 'choices made by the removed field').to.deep.equal([]);
    expect(gone.value).to.equal('');
  });
});
