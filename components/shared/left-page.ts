/**
 * A single-page app moves an element by taking it out and putting it back in one task: that is no
 * departure. What an element drops only when it left the page for good waits for this check.
 */

/** Runs `left` once the current task is over, if `element` is off the page by then (not moved). */
export function whenLeft(element: Element, left: () => void): void {
  queueMicrotask(() => {
    if (!element.isConnected) left();
  });
}
