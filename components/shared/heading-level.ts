/**
 * Headings that fit the host page's outline. An element's headings start at the level its tags
 * give (a record is an `h2` in the viewer); a page whose own section heading is an `h2` sets the
 * `heading-level` attribute to 3, and every heading of the element moves down with it. The tags stay
 * (their styles with them); `aria-level` says the level, as assistive technology reads it.
 */
import { nothing } from 'lit';

/** The `aria-level` of a heading `depth` below the element's first one, when the page set `level`; else none. */
export function ariaLevel(level: number | undefined, depth = 0): number | typeof nothing {
  if (typeof level !== 'number' || !Number.isInteger(level)) return nothing;
  return Math.min(6, Math.max(1, level + depth));
}
