/**
 * Headings that fit the host page's outline. An element's headings start at the level its tags
 * give (a record is an `h2` in the viewer); a page whose own section heading is an `h2` sets the
 * `heading-level` attribute to 3, and every heading of the element moves down with it. The tags stay
 * (their styles with them); `aria-level` says the level, as assistive technology reads it.
 */
import { nothing } from 'lit';

/**
 * The `aria-level` of a heading `depth` below the element's first one, when the page set `level`
 * (1 to 6); else none, so a level that is no heading level (an empty attribute reads as 0) leaves
 * the tags' own. Never past 6, the deepest level ARIA knows: below a 6, headings stay at 6.
 */
export function ariaLevel(level: number | undefined, depth = 0): number | typeof nothing {
  if (typeof level !== 'number' || !Number.isInteger(level) || level < 1 || level > 6) return nothing;
  return Math.min(level + depth, 6);
}
