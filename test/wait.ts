/**
 * The suite's `waitUntil`: the same condition wait as @open-wc/testing's, with a deadline that a
 * machine busy with other work still meets. Its 1-second default failed tests on a loaded 2-core
 * machine while the condition was on its way; the deadline only bounds a wait for something that
 * never comes, so it can be generous (each test still has its own 45-second limit), and no
 * test's own deadline is shorter.
 */
import { waitUntil as waitUntilShort } from '@open-wc/testing';

export const CONDITION_DEADLINE_MS = 10_000;

export function waitUntil(
  predicate: () => unknown | Promise<unknown>,
  message?: string,
  options: { interval?: number; timeout?: number } = {},
): Promise<void> {
  // A shorter deadline a test names was sized for a quiet machine: the longer one holds.
  return waitUntilShort(predicate, message, { ...options, timeout: Math.max(options.timeout ?? 0, CONDITION_DEADLINE_MS) });
}
