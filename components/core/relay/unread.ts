/**
 * Why a relay that answered was not read to the end, in the plain English words the core's
 * `unchecked` message gives (newest.ts): apart, so that another language's words can find each
 * reason in that message and say it too, without loading the check itself.
 */
import type { QueryReport } from './client.js';

/** The statuses that stop a change, and why each does. */
export const UNREAD: Partial<Record<QueryReport['status'], string>> = {
  incomplete: 'it sent only part of what it holds',
  'auth-required': 'it asked you to sign in, and you did not',
};

/** A relay whose sign-in did not complete on its side: the user may never have been asked. */
export const SIGN_IN_FAILED = 'it asked for a sign-in that did not complete';
