/** Reading an element's shadow DOM as a person would, for the element tests. */
import type { Signer } from '../components/core/signers/signer.js';

export const root = (el: Element) => el.shadowRoot!;
export const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => root(el).querySelector<T>(selector);
export const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...root(el).querySelectorAll<T>(selector)];
/** Visible text with white space folded. */
export const text = (node: Element | ShadowRoot | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
export const dialogOf = (el: Element) => $<HTMLDialogElement>(el, 'dialog')!;
/** The button whose text is `label` (or matches it). */
export const buttonByText = (el: Element, label: string | RegExp) =>
  $$<HTMLButtonElement>(el, 'button').find((b) => (typeof label === 'string' ? text(b) === label : label.test(text(b))));
/** The per-relay receipt lines, as shown. */
export const receiptLines = (el: Element) => $$(el, '[part=receipts] li').map((li) => text(li));

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
