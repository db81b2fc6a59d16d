/**
 * The developer's words for a key a page preset that an element does not use. A module of its own:
 * only the elements that take a preset key (the share prompt, the picker) carry them, not every page.
 */
import { parseRecipient } from './recipient-input.js';

/**
 * Why a key the page preset in `name` of `el` (the share prompt's `recipient`, the picker's `value`)
 * is not used, in English: what the value looks like, never the value itself (a 64-hex private key
 * looks like any other hex). Undefined when it names a public key, or nothing.
 */
export function presetRefusal(el: Element, name: string, value: string): { secret: boolean; message: string } | undefined {
  const parsed = parseRecipient(value);
  if (parsed.kind === 'empty' || parsed.kind === 'key') return undefined;
  // Named as the page gave it, so the developer looks in the markup or in the script that set it.
  const given = `The ${name} ${el.getAttribute(name) === value ? 'attribute' : 'property'}`;
  if (parsed.kind === 'secret') {
    return { secret: true, message: `${given} holds a private key: refused, taken off the element, never shown. Treat that key as exposed.` };
  }
  const v = value.trim();
  const hint = /^[0-9a-f]+$/i.test(v) && v.length !== 64 ? `; it has ${v.length} hex characters` : /^n(?:pub|profile)1/i.test(v) ? '; that npub does not decode (a typo?)' : '';
  return { secret: false, message: `${given} is not a public key (64 hex characters, or an npub)${hint}. Nobody is chosen.` };
}
