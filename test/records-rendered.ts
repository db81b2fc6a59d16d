/**
 * The access list's record blocks rendered from the call on, counted: what a render at a clinic of
 * thousands costs, measured in blocks rather than time, so a test reads the same on a slow machine.
 */
export function recordsRendered(el: object): { readonly count: number; reset(): void } {
  const counted = el as { renderRecord: (...args: unknown[]) => unknown };
  const renderRecord = counted.renderRecord;
  let count = 0;
  counted.renderRecord = function (this: unknown, ...args: unknown[]) {
    count++;
    return renderRecord.apply(this, args);
  };
  return {
    get count() {
      return count;
    },
    reset() {
      count = 0;
    },
  };
}
