/**
 * What a person on a phone 320 CSS px wide would meet in an element (WCAG 2.2 1.4.4 resize text,
 * 1.4.10 reflow, 2.5.8 target size), in whatever language and text size the page has: shared by
 * the phone tests (English at 320 px, Spanish, and text at 200%).
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { brokenWords } from './element-helpers.js';
import { waitUntil } from './wait.js';
import type { Person } from './helpers.js';
import type { OpenedRecord } from '../components/core/nip82/record.js';
import type { RelayClient } from '../components/core/relay/client.js';
import { createShare } from '../components/core/nip82/share.js';
import { consentSource, grantConsent } from '../components/core/nip82/grant-create.js';
import { answerRequest, createAccessRequest, readConsentMessages } from '../components/core/nip82/requests.js';

export const PHONE = { width: 320, height: 640 } as const;

/** The smallest target a finger (or a shaky hand) is promised: 24 × 24 CSS px (WCAG 2.5.8). */
const TARGET = 24;
/** Text smaller than this share of the page's own text size does not follow the reader's size. */
const SMALLEST_TEXT = 0.75;

/** The element's shadow root and those of the kit's elements it renders inside it (a picker, a flag). */
function shadowRoots(root: ShadowRoot): ShadowRoot[] {
  const roots = [root];
  for (const inner of root.querySelectorAll('*')) if (inner.shadowRoot) roots.push(...shadowRoots(inner.shadowRoot));
  return roots;
}

/** Inside a box clipped away for all but screen readers. */
function visuallyHidden(el: Element): boolean {
  for (let at: Element | null = el; at; at = at.parentElement ?? ((at.getRootNode() as ShadowRoot).host ?? null)) {
    if (getComputedStyle(at).clipPath !== 'none') return true;
  }
  return false;
}

const shown = (el: Element) => el.getClientRects().length > 0 && !el.closest('dialog:not([open])') && !visuallyHidden(el);

/** A box that cuts off what does not fit in it (rather than letting it show or scroll). */
function clips(style: CSSStyleDeclaration): boolean {
  return ['hidden', 'clip'].includes(style.overflowX) || style.contentVisibility === 'auto' || /paint|strict|content/.test(style.contain);
}

const label = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60) || el.outerHTML.slice(0, 80);

/** Problems a person on a 320 px phone would meet in `el` now. */
export async function reflowProblems(el: HTMLElement, state: string): Promise<string[]> {
  const problems: string[] = [];
  const page = document.documentElement;
  if (page.scrollWidth > page.clientWidth) problems.push(`${state}: the page scrolls sideways (${page.scrollWidth} > ${page.clientWidth})`);
  const roots = shadowRoots(el.shadowRoot!);
  const open = [...el.shadowRoot!.querySelectorAll('dialog')].find((d) => d.open);
  if (open) {
    const box = open.getBoundingClientRect();
    if (open.scrollWidth > open.clientWidth) problems.push(`${state}: the dialog scrolls sideways (${open.scrollWidth} > ${open.clientWidth})`);
    if (box.left < 0 || box.right > window.innerWidth) problems.push(`${state}: the dialog is off screen (${box.left}..${box.right})`);
    if (box.top < 0 || box.bottom > window.innerHeight) problems.push(`${state}: the dialog is taller than the screen (${box.top}..${box.bottom})`);
  }
  // With a modal dialog open, only what is in it can be reached; else everything of the element.
  const within = (node: Element) => !open || open.contains(node) || open.contains((node.getRootNode() as ShadowRoot).host ?? null);
  for (const root of roots) {
    const controls = [...root.querySelectorAll<HTMLElement>('button, summary, input, select, textarea')].filter((c) => shown(c) && within(c));
    for (const control of controls) {
      control.scrollIntoView({ block: 'center', inline: 'center' });
      const r = control.getBoundingClientRect();
      const name = label(control);
      if (r.left < 0 || r.right > window.innerWidth) problems.push(`${state}: "${name}" sticks out (${r.left}..${r.right})`);
      if (control.localName !== 'input' || !['checkbox', 'radio'].includes((control as HTMLInputElement).type)) {
        if (r.width < TARGET || r.height < TARGET) problems.push(`${state}: "${name}" is too small to tap (${r.width}×${r.height})`);
      }
      const hit = root.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      // An open list of suggestions lies over what is below it while in use, as a native select's does.
      if (hit?.closest('[role=listbox]') && !control.closest('[role=listbox]')) continue;
      if (!hit || !(hit === control || control.contains(hit) || (hit as HTMLLabelElement).control === control)) {
        problems.push(`${state}: "${name}" is covered by ${hit ? hit.outerHTML.slice(0, 80) : 'nothing'}`);
      }
    }
    for (const popup of root.querySelectorAll('[role=listbox]')) {
      const r = popup.getBoundingClientRect();
      if (shown(popup) && (r.left < 0 || r.right > window.innerWidth)) problems.push(`${state}: the list of suggestions sticks out (${r.left}..${r.right})`);
    }
    // Boxes that cut off their own content (an item painted only in its box, a dialog that hides
    // what overflows it): brought into view first, as an item far from it is not laid out.
    for (const box of root.querySelectorAll<HTMLElement>('*')) {
      // A text field scrolls its own value (a key longer than the field is still all there to read).
      if (!shown(box) || !within(box) || /^(input|textarea|select)$/.test(box.localName)) continue;
      // A box of its own that scrolls sideways (the page's check cannot see it); a table may (WCAG 1.4.10 allows it).
      if (box !== open && ['auto', 'scroll'].includes(getComputedStyle(box).overflowX) && !box.querySelector('table') && box.scrollWidth > box.clientWidth + 1) {
        problems.push(`${state}: <${box.localName} class="${box.className}"> scrolls sideways (${box.scrollWidth} > ${box.clientWidth}): "${label(box)}"`);
      }
      if (!clips(getComputedStyle(box))) continue;
      if (getComputedStyle(box).contentVisibility === 'auto') {
        box.scrollIntoView({ block: 'center' });
        const inside = box.firstElementChild;
        await waitUntil(() => !inside || inside.checkVisibility({ contentVisibilityAuto: true }), 'an item brought into view is laid out');
      }
      if (box.scrollWidth > box.clientWidth + 1) problems.push(`${state}: <${box.localName} class="${box.className}"> cuts off what is too wide for it (${box.scrollWidth} > ${box.clientWidth}): "${label(box)}"`);
      if (['hidden', 'clip'].includes(getComputedStyle(box).overflowY) && box.scrollHeight > box.clientHeight + 1) {
        problems.push(`${state}: <${box.localName} class="${box.className}"> cuts off what is too tall for it (${box.scrollHeight} > ${box.clientHeight}): "${label(box)}"`);
      }
    }
    // Text that does not follow the reader's size (a size in px) shows small when they ask for large.
    const own = parseFloat(getComputedStyle(document.documentElement).fontSize);
    for (const node of root.querySelectorAll('*')) {
      if (!shown(node) || ![...node.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && /\S/.test(n.textContent ?? ''))) continue;
      const size = parseFloat(getComputedStyle(node).fontSize);
      if (size < own * SMALLEST_TEXT) problems.push(`${state}: "${label(node)}" is ${size}px, under the page's ${own}px text`);
    }
    problems.push(...brokenWords(root, state));
  }
  return problems;
}

/** No problem for a person on a phone in `el` now, and axe finds none. */
export async function expectReflows(el: HTMLElement, state: string) {
  await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  expect(await reflowProblems(el, state)).to.deep.equal([]);
  await expect(el).to.be.accessible();
}

/**
 * The page as a phone shows it for a group of tests: 320 px wide, under a host that lets long
 * tokens wrap anywhere (the demo's cards do, and it reaches into the elements), with the reader's
 * text size (`fontSize`, as the root's, e.g. '200%') if given.
 */
export function onPhone(options: { fontSize?: string } = {}) {
  before(async () => {
    await setViewport(PHONE);
    document.body.style.overflowWrap = 'anywhere';
    if (options.fontSize) document.documentElement.style.fontSize = options.fontSize;
  });
  after(async () => {
    document.body.style.overflowWrap = '';
    document.documentElement.style.fontSize = '';
    await setViewport({ width: 800, height: 600 });
  });
}

/** A share of `record` with `who` whose end date (yesterday) has passed, published: the access list's longest warning. */
export async function publishEndedShare(client: RelayClient, record: OpenedRecord, patient: Person, who: Person) {
  const until = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const { source, fullUrl } = consentSource(record, grantConsent({ patient: patient.pubkey, recipient: who.pubkey, role: 'viewer', until, purpose: 'A second opinion on a long-standing condition' }));
  const events = await createShare({
    from: [record, source], include: [...record.bundle.entry!.map((e) => e.fullUrl!), fullUrl], author: patient.signer, participants: [{ pubkey: who.pubkey, role: 'viewer' }],
  });
  await client.publishAll(events);
  return events;
}

/** A request from `requester` that `patient` denied, published: a line of consent history. */
export async function publishDeniedRequest(client: RelayClient, patient: Person, requester: Person) {
  const { events: wraps } = await createAccessRequest({ signer: requester.signer, patient: patient.pubkey, resourceTypes: ['AllergyIntolerance', 'Immunization'], purpose: 'Check-up', days: 20 });
  await client.publishAll(wraps);
  const incoming = (await readConsentMessages((await client.wrapsFor(patient.pubkey)).events, patient.signer)).find((m) => m.status === 'proposed')!;
  await client.publishAll((await answerRequest(incoming, { signer: patient.signer, decision: 'rejected' })).events);
}
