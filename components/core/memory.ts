/**
 * What the core remembers process-wide, across stores, to spare repeated work: signatures already
 * checked (by event id) and attestation events already read. Both are taken from the records a
 * user opened, so what is remembered tells whose records were on this page; a sign-out forgets it
 * ({@link RecordStore.clear} calls {@link forgetSessionMemory}). Forgetting costs only speed: another
 * store still open simply checks again.
 */
import { checkedSignatureCount, forgetCheckedSignatures } from './events.js';
import { attestationEventCount, forgetAttestationEvents } from './attest/format.js';

/** Forgets everything the core remembers of the records opened so far. */
export function forgetSessionMemory(): void {
  forgetCheckedSignatures();
  forgetAttestationEvents();
}

/** How many entries the core remembers of the records opened so far (0 right after {@link forgetSessionMemory}). */
export function sessionMemorySize(): number {
  return checkedSignatureCount() + attestationEventCount();
}
