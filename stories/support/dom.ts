/** Reading an element's shadow DOM as a person would, for the stories' play functions. */
import { expect, waitFor } from 'storybook/test';
import type { Status } from '../../components/shared/base.js';

/** Visible text with white space folded. */
export const text = (node: Element | ShadowRoot | null | undefined): string => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The first `tag` in the story's canvas (throws when the story did not render it). */
export function element<T extends HTMLElement>(canvas: HTMLElement, tag: string): T {
  const el = canvas.querySelector<T>(tag);
  if (!el) throw new Error(`<${tag}> is not in the story`);
  return el;
}

export function inShadow<T extends Element = HTMLElement>(el: Element, selector: string): T | null {
  return el.shadowRoot?.querySelector<T>(selector) ?? null;
}

export function allInShadow<T extends Element = HTMLElement>(el: Element, selector: string): T[] {
  return [...(el.shadowRoot?.querySelectorAll<T>(selector) ?? [])];
}

/** The button whose visible text is `label` (or matches it). */
export function button(el: Element, label: string | RegExp): HTMLButtonElement {
  const found = allInShadow<HTMLButtonElement>(el, 'button').find((b) => (typeof label === 'string' ? text(b) === label : label.test(text(b))));
  if (!found) throw new Error(`no button ${String(label)} in <${el.localName}>; buttons: ${allInShadow(el, 'button').map((b) => text(b)).join(' | ')}`);
  return found;
}

/** The element's polite live region (role="status"), as assistive technology reads it. */
export function liveRegion(el: Element): HTMLElement {
  const regions = allInShadow(el, '[role="status"]');
  const live = regions.find((r) => text(r)) ?? regions[0];
  if (!live) throw new Error(`<${el.localName}> has no live region`);
  return live;
}

/** Waits until the element reflects `status`, then checks the attribute a host styles on. */
export async function settles(el: HTMLElement & { status?: Status; updateComplete?: Promise<unknown> }, status: Status, timeout = 10_000): Promise<void> {
  await waitFor(() => expect(el.getAttribute('status')).toBe(status), { timeout });
  await el.updateComplete;
}

/** Waits until the live region says `words`. */
export async function announces(el: Element, words: string | RegExp, timeout = 10_000): Promise<void> {
  await waitFor(
    () => {
      const live = liveRegion(el);
      expect(live.getAttribute('aria-live')).toBe('polite');
      if (typeof words === 'string') expect(text(live)).toContain(words);
      else expect(text(live)).toMatch(words);
    },
    { timeout },
  );
}

/** Types into a text field inside a shadow root the way the element listens for it. */
export function typeInto(input: HTMLInputElement, value: string): void {
  input.focus();
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: value, inputType: 'insertText' }));
}
