/**
 * A signer's failures as record errors: whatever a signer throws (a refusal, a timeout, a broken
 * extension), the record operation that asked it fails with a `RecordError` whose cause is safe
 * to show, so callers handle one error type.
 */
import { RecordError, SignerError, safeCause } from '../errors.js';

/** Runs one signer call; its failure becomes a {@link RecordError}. */
export async function signerCall<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toRecordError(error);
  }
}

/** A signer's failure as a `signer` RecordError (a RecordError passes through unchanged). */
export function toRecordError(error: unknown): RecordError {
  if (error instanceof RecordError) return error;
  if (error instanceof SignerError) return new RecordError('signer', error.message, { cause: error });
  return new RecordError('signer', 'The signer failed.', { cause: safeCause(error) });
}
