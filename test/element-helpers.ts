/** Reading an element's shadow DOM as a person would, for the element tests. */
import { expect, oneEvent } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import { relayAcceptsOnly } from './helpers.js';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { LitElement } from 'lit';
import { npubEncode } from 'nostr-tools/nip19';
import type { Signer } from '../components/core/signers/signer.js';
import type { Nip82ErrorCode, Nip82Event } from '../components/shared/events.js';
import { loadLanguage } from '../components/shared/language-packs.js';
import { openRecord, type OpenedRecord } from '../components/core/nip82/record.js';
import { RECORD_KIND } from '../components/core/nip82/constants.js';
import { RelayClient } from '../components/core/relay/client.js';

export const root = (el: Element) => el.shadowRoot!;
export const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => root(el).querySelector<T>(selector);
export const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...root(el).querySelectorAll<T>(selector)];
/** Visible text with white space folded; the invisible isolates around names (FSI…PDI) are not read. */
export const text = (node: Element | ShadowRoot | null | undefined) => (node?.textContent ?? '').replace(/[\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim();
export const dialogOf = (el: Element) => $<HTMLDialogElement>(el, 'dialog')!;
/** The live regions of `el` rendered now (in the accessibility tree). */
export const shownLiveRegions = (el: Element): Element[] =>
  [...root(el).querySelectorAll('[aria-live], [role=status], [role=alert]')].filter((r) => r.getClientRects().length > 0);
/**
 * An element's accessible name, for what the elements use: the text of what `aria-labelledby`
 * points to, else `aria-label`, else its own text. White space is folded, nothing else is dropped:
 * the isolation marks (FSI…PDI) that `text` leaves out stay, as they would stay in the name.
 */
export function accessibleName(el: Element): string {
  const own = (node: Element) => node.getAttribute('aria-label') || node.textContent || '';
  const ids = el.getAttribute('aria-labelledby');
  const rootNode = el.getRootNode() as Document | ShadowRoot;
  const raw = ids ? ids.split(/\s+/).map((id) => own(rootNode.getElementById(id)!)).join(' ') : own(el);
  return raw.replace(/\s+/g, ' ').trim();
}
/** The text of each part of `el` set apart from the words around it on screen (a `<bdi>` the browser isolates). */
export const setApart = (el: Element) =>
  [...el.querySelectorAll('bdi')].filter((b) => getComputedStyle(b).unicodeBidi === 'isolate').map((b) => b.textContent);
/** The button whose text is `label` (or matches it). */
export const buttonByText = (el: Element, label: string | RegExp) =>
  $$<HTMLButtonElement>(el, 'button').find((b) => (typeof label === 'string' ? text(b) === label : label.test(text(b))));
/**
 * The open dialog's live "Stop waiting" (while the signer is asked, the only live control there but
 * Cancel); with `within`, the one in that part of the element instead (outside the dialog).
 */
export const stopButton = (el: Element, within = 'dialog') =>
  $$<HTMLButtonElement>(el, `${within} button`).find((b) => text(b) === 'Stop waiting' && b.getAttribute('aria-disabled') !== 'true' && !b.disabled);
/** What the element's focus is on inside its shadow root (never the page's body). */
export const focused = (el: Element) => el.shadowRoot!.activeElement;
/** The per-relay receipt lines: the address behind each line's disclosure, then the words shown on it. */
export const receiptLines = (el: Element) => $$(el, '[part=receipts] li').map((li) => `${text(li.querySelector('details code'))}: ${receiptWords(li)}`);
/** A receipt line's words, without its address disclosure. */
export const receiptWords = (li: Element) =>
  [...li.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE || (n instanceof HTMLElement && !(n instanceof HTMLDetailsElement))).map((n) => n.textContent).join('').replace(/\s+/g, ' ').trim();

/** A signer whose signing and encrypting wait until released, to see the "waiting for your signer" state. */
export function heldSigner(base: Signer) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => { release = resolve; });
  const signer: Signer = {
    getPublicKey: () => base.getPublicKey(),
    signEvent: async (t) => { await gate; return base.signEvent(t); },
    nip44Encrypt: async (p, x) => { await gate; return base.nip44Encrypt(p, x); },
    nip44Decrypt: (p, c) => base.nip44Decrypt(p, c),
  };
  return { signer, release };
}

/** A tap at the middle of `el`, as a finger on a phone would (no keyboard, no Escape). */
export async function tap(el: Element) {
  el.scrollIntoView({ block: 'center' });
  const box = el.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
}

/** A date `daysFromNow` days ahead, as a date input takes it. */
export function isoDay(daysFromNow: number): string {
  const d = new Date(Date.now() + daysFromNow * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function setInput(input: HTMLInputElement | HTMLTextAreaElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** Types a recipient into the npub picker inside the dialog, as a person would. */
export async function typeRecipient(el: Element, pubkey: string) {
  const picker = $(el, 'nip82-npub-picker')!;
  await waitUntil(() => picker.shadowRoot?.querySelector('#input'), 'picker rendered');
  const input = picker.shadowRoot!.querySelector<HTMLInputElement>('#input')!;
  input.focus();
  await sendKeys({ type: npubEncode(pubkey) });
  await (el as LitElement).updateComplete;
}

/** From the consent prompt's own button to the preview of a share with `recipient`, by taps. */
export async function toSharePreview(el: Element, recipient: string) {
  await tap(buttonByText(el, 'Share records…')!);
  await waitUntil(() => dialogOf(el).open, 'dialog opens');
  await typeRecipient(el, recipient);
  await tap(buttonByText(el, 'Review')!);
  await waitUntil(() => buttonByText(el, /^Share with npub1/), 'the preview');
}

/**
 * The share preview with `recipient`, the item `hidden` left out and the clinic told how many and
 * of what kind were left out (count-and-kind), by clicks. `review` is the Review button's words.
 */
export async function previewHidingOne(el: LitElement, recipient: string, hidden: string, review = 'Review') {
  $<HTMLButtonElement>(el, 'button[data-trigger]')!.click();
  await waitUntil(() => dialogOf(el).open, 'dialog');
  await typeRecipient(el, recipient);
  itemRow(el, hidden).querySelector<HTMLButtonElement>('button.hide')!.click();
  $$<HTMLInputElement>(el, 'input[name=disclose]').find((i) => i.value === 'count-and-kind')!.click();
  await el.updateComplete;
  buttonByText(el, review)!.click();
  await waitUntil(() => $(el, '.flag'), 'the preview');
}

export function itemRow(el: Element, label: string): HTMLLIElement {
  const row = $$<HTMLLIElement>(el, 'li.item').find((li) => text(li.querySelector('label')).includes(label));
  if (!row) throw new Error(`no item ${label}`);
  return row;
}

/** The `code` of every `nip82-error` the element fires from now on, in order. */
export function errorCodes(el: Element): Nip82ErrorCode[] {
  const codes: Nip82ErrorCode[] = [];
  el.addEventListener('nip82-error', (e) => codes.push((e as Nip82Event<'nip82-error'>).detail.code));
  return codes;
}

/**
 * Approves the request an answer-mode prompt on the `picky` relay shows, with the relay taking one
 * event only: the share goes out, the answer does not, and the prompt stops half way (`relay-error`).
 */
export async function approveHalfWay(el: LitElement & { status?: string }) {
  $<HTMLButtonElement>(el, 'li.request button')!.click();
  await waitUntil(() => dialogOf(el).open, 'dialog opens');
  await el.updateComplete;
  buttonByText(el, /^Review: approve/)!.click();
  await el.updateComplete;
  await relayAcceptsOnly('picky', 1);
  buttonByText(el, /^Approve and share with npub1/)!.click();
  await waitUntil(() => el.status === 'relay-error', 'stopped half way');
  await el.updateComplete;
}

/** Inside a box clipped away for all but screen readers (a stacked table's header row). */
function visuallyHidden(el: Element): boolean {
  for (let at: Element | null = el; at; at = at.parentElement) if (getComputedStyle(at).clipPath !== 'none') return true;
  return false;
}

/**
 * The most room `el`'s lines could have: its parent's content box (the host's, at the top of a
 * shadow root). Siblings may squeeze `el` narrower; they cannot make it wider than that.
 */
function roomFor(el: Element): number {
  const parent = el.parentElement ?? (el.getRootNode() as ShadowRoot).host;
  const style = getComputedStyle(parent);
  return parent.clientWidth - parseFloat(style.paddingInlineStart) - parseFloat(style.paddingInlineEnd);
}

let measure: CanvasRenderingContext2D | undefined;
/** How wide `text` is on one line in `el`'s font. */
function widthOf(text: string, el: Element): number {
  measure ??= document.createElement('canvas').getContext('2d')!;
  measure.font = getComputedStyle(el).font;
  return measure.measureText(text).width;
}

/**
 * Words of labels, headings, buttons and table cells split across lines (a host's `overflow-wrap:
 * anywhere` lets a squeezed column do it). A word in a token (a run without spaces, such as a
 * short key "(npub1…)?") wider than all the room its element could have is not counted: no layout
 * keeps that whole on a line (a long word in large text on a 320 px phone), so it must break.
 */
export function brokenWords(root: ShadowRoot, state: string): string[] {
  const problems: string[] = [];
  for (const el of root.querySelectorAll('dt, th, td, caption, legend, label, button, h2, h3, h4, summary')) {
    if (el.getClientRects().length === 0 || el.closest('dialog:not([open])') || visuallyHidden(el)) continue;
    for (const node of el.childNodes) {
      if (node.nodeType !== Node.TEXT_NODE) continue;
      const text = node.textContent ?? '';
      const tokens = [...text.matchAll(/\S+/g)];
      for (const word of text.matchAll(/[\p{L}]{2,}/gu)) {
        const token = tokens.find((t) => t.index <= word.index && word.index < t.index + t[0].length)!;
        if (widthOf(token[0], el) > roomFor(el)) continue;
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        if (lines.size > 1) problems.push(`${state}: "${word[0]}" in <${el.localName}> is split over ${lines.size} lines`);
      }
    }
  }
  return problems;
}

/**
 * The dialog's status line of `el` (or the line at `where`) says `said.en`; the page (`wrapper`)
 * then turns Spanish and back: the line follows, saying `said.es`, then `said.en` again. `buttons`
 * names a button of the element in each language, to know it has turned.
 */
export async function statusFollowsLanguage(wrapper: HTMLElement, el: LitElement, said: { en: string; es: string }, buttons: { en: string; es: string }, where = 'dialog [role=status]') {
  const line = () => text(el.shadowRoot!.querySelector(where));
  expect(line()).to.equal(said.en);
  await loadLanguage('es');
  // No requestUpdate: the element follows the page's language by itself.
  wrapper.lang = 'es';
  await waitUntil(() => buttonByText(el, buttons.es), 'the element speaks Spanish');
  expect(line()).to.equal(said.es);
  wrapper.lang = 'en';
  await waitUntil(() => buttonByText(el, buttons.en), 'the element speaks English again');
  expect(line()).to.equal(said.en);
}

/** Presses Share in `el`'s preview, and opens as `recipient` what the share sent to the relay at `url`. */
export async function shareAndOpen(el: Element, url: string, recipient: Signer): Promise<OpenedRecord> {
  const shared = oneEvent(el, 'nip82-share');
  buttonByText(el, /^Share with npub1/)!.click();
  const { detail } = (await shared) as Nip82Event<'nip82-share'>;
  const client = new RelayClient({ relays: [url] });
  try {
    return await openRecord((await client.query({ kinds: [RECORD_KIND], authors: [detail.signPubkey] })).events, recipient);
  } finally {
    client.close();
  }
}
