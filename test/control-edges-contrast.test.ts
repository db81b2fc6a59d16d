/**
 * A reader with low vision finds a button or a field by its edge (WCAG 1.4.11 non-text contrast:
 * 3:1 against what is next to it), with no contrast setting asked for. Every element's buttons and
 * fields, the share dialog and the picker inside it included, in light and dark schemes: the edge
 * against the control's own fill and against what it sits on, as the browser computes them. A
 * button filled with its edge's colour (Share, Revoke, a view that is on) is seen by its fill.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { RECORD_KIND } from '../components/core/nip82/constants.js';
import { RelayClient } from '../components/core/relay/client.js';
import { waitUntil } from './wait.js';
import { person, relayUrl, sampleBundle } from './helpers.js';
import { $, $$, dialogOf, root, text } from './element-helpers.js';
import { contrast, rgba } from './contrast.js';


const opaque = (colour: string) => rgba(colour)[3]! > 0;

/** The colour painted behind `el`: its own background, or the nearest one under it, across shadow roots. */
function backdrop(el: Element): string {
  for (let at: Element | null = el; at; at = at.parentElement ?? ((at.getRootNode() as ShadowRoot).host ?? null)) {
    const bg = getComputedStyle(at).backgroundColor;
    if (opaque(bg)) return bg;
  }
  return 'rgb(255, 255, 255)';
}

/** What is around the control, not its own fill. */
const around = (el: Element) => backdrop(el.parentElement ?? (el.getRootNode() as ShadowRoot).host);

const CONTROLS = 'button, input:not([type=checkbox], [type=radio], [type=hidden]), select, textarea';

/** Each shown control under `root` (and the kit's elements inside it) whose edge is too faint, with its ratio. */
function faintControls(shadow: ShadowRoot): string[] {
  const faint: string[] = [];
  for (const control of shadow.querySelectorAll<HTMLElement>(CONTROLS)) {
    if (!control.getClientRects().length) continue;
    const style = getComputedStyle(control);
    const [edge, fill, outside] = [style.borderTopColor, style.backgroundColor, around(control)];
    const name = `${(shadow.host as Element).localName} ${control.localName} "${text(control) || control.getAttribute('aria-label') || (control as HTMLInputElement).type}"`;
    if (edge === fill) {
      const ratio = contrast(fill, outside);
      if (ratio < 3) faint.push(`${name}: fill ${ratio.toFixed(2)}:1 against ${outside}`);
      continue;
    }
    for (const [against, colour] of [['its fill', fill], ['around it', outside]] as const) {
      if (!opaque(colour)) continue;
      const ratio = contrast(edge, colour);
      if (ratio < 3) faint.push(`${name}: edge ${edge} ${ratio.toFixed(2)}:1 against ${against} ${colour}`);
    }
  }
  for (const inner of shadow.querySelectorAll('*')) if (inner.shadowRoot) faint.push(...faintControls(inner.shadowRoot));
  return faint;
}

/** How many shown controls the check above looked at, to be sure it was not looking at nothing. */
function controlCount(shadow: ShadowRoot): number {
  let n = [...shadow.querySelectorAll<HTMLElement>(CONTROLS)].filter((c) => c.getClientRects().length).length;
  for (const inner of shadow.querySelectorAll('*')) if (inner.shadowRoot) n += controlCount(inner.shadowRoot);
  return n;
}

describe('the edge of every button and field can be seen with no contrast setting', function () {
  this.timeout(90000);

  for (const scheme of ['light', 'dark']) {
    it(`in a ${scheme} scheme: session, picker, share dialog, access list, viewer and flag`, async () => {
      const url = await relayUrl('main');
      const patient = await person();
      const clinician = await person();
      const events = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [{ pubkey: clinician.pubkey, role: 'viewer' }] });
      const client = new RelayClient({ relays: [url] });
      let listed;
      try {
        await client.publishAll(events);
        listed = await openRecord((await client.query({ kinds: [RECORD_KIND], authors: [events[0]!.pubkey] })).events, patient.signer);
      } finally {
        client.close();
      }
      const record = await openRecord(await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [] }), patient.signer);

      const page = await fixture<HTMLDivElement>(html`<div style="color-scheme: ${scheme}; background: Canvas">
        <nip82-session relays=${url}></nip82-session>
        <nip82-npub-picker relays="ws://127.0.0.1:1"></nip82-npub-picker>
        <nip82-consent-prompt mode="share" .records=${[record]} .signer=${patient.signer} relays="ws://127.0.0.1:1"></nip82-consent-prompt>
        <nip82-access-list .records=${[listed]} .signer=${patient.signer} relays=${url}></nip82-access-list>
        <nip82-record-viewer .records=${[{ ...record, authorVerified: false }]}></nip82-record-viewer>
        <nip82-hidden-flag disclose="count" count="2"></nip82-hidden-flag>
      </div>`);
      const [session, picker, share, list, viewer, flag] = [...page.children] as HTMLElement[];

      await waitUntil(() => $(session!, 'details'), 'the sign-in controls');
      $<HTMLDetailsElement>(session!, 'details')!.open = true;
      await waitUntil(() => $(session!, 'input')?.getClientRects().length, 'the signer field');
      await waitUntil(() => $(picker!, 'input') && $(picker!, 'button'), 'the picker\'s field and button');
      $<HTMLButtonElement>(share!, 'button[data-trigger]')!.click();
      await waitUntil(() => dialogOf(share!).open && $$(share!, 'li.item').length > 0 && $(share!, 'nip82-npub-picker')?.shadowRoot?.querySelector('input'), 'the share dialog with its items and picker');
      await waitUntil(() => text(root(list!)).includes('(you)') && $(list!, 'button.revoke'), 'the access list with a revoke button', { timeout: 20000 });
      await waitUntil(() => (viewer as Nip82RecordViewer).status === 'done' && $(viewer!, '.search input'), 'the record with its search', { timeout: 20000 });
      await (flag as unknown as { updateComplete: Promise<unknown> }).updateComplete;

      const elements = [session, picker, share as Nip82ConsentPrompt, list, viewer, flag] as HTMLElement[];
      const seen = elements.map((el) => controlCount(el.shadowRoot!));
      expect(seen.slice(0, 5).every((n) => n > 0), `controls found in each element but the flag: ${seen.join(', ')}`).to.equal(true);
      const faint = elements.map((el) => faintControls(el.shadowRoot!));
      expect(faint, 'controls whose edge is under 3:1 (session, picker, share, access list, viewer, flag)').to.deep.equal([[], [], [], [], [], []]);
    });
  }
});
