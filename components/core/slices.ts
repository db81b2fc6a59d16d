/**
 * Long local work (verifying and decrypting a record of hundreds of parts) in slices, so that the
 * page it runs in can still paint and answer input in between. Timers only: no DOM.
 */
const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** A function to await between steps: it yields to the event loop once `budgetMs` have passed since the last yield. */
export function timeSlicer(budgetMs = 25): () => Promise<void> {
  let since = now();
  return async () => {
    if (now() - since < budgetMs) return;
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    since = now();
  };
}
