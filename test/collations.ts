/**
 * How many times names are compared by the page's collation while `run` runs (and, when it returns
 * a promise, until it settles): work counted, not timed, so a busy machine reads the same as a fast one.
 */
export async function comparisons(run: () => unknown): Promise<number> {
  const Collator = Intl.Collator;
  let count = 0;
  // A collator like the page's own, whose comparisons are counted.
  const counting = function (...args: ConstructorParameters<typeof Collator>) {
    const collator = new Collator(...args);
    return { compare: (a: string, b: string) => (count++, collator.compare(a, b)), resolvedOptions: () => collator.resolvedOptions() };
  };
  Intl.Collator = counting as unknown as typeof Intl.Collator;
  try {
    await run();
  } finally {
    Intl.Collator = Collator;
  }
  return count;
}
