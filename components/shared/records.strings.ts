/**
 * Strings `<nip82-consent-prompt>` and `<nip82-access-list>` share word for word: kinds of items,
 * loading the user's records, the consent history table and the dialog buttons. Each element
 * spreads them into its own table, so they stay overridable per element through `.strings`.
 */
import { typeHeading, typeList } from './type-names.js';
import type { ConsentEvent } from '../core/store/history.js';
import type { ShareStatus } from '../core/store/share-copies.js';
import type { RecordStore } from '../core/store/record-store.js';
import type { QueryReport } from '../core/relay/client.js';
import { plural } from './plural.js';
import { listText } from './lists.js';
import { clockOffEn } from './state-strings.js';

/** What a record is, in words: its title or main kinds, who wrote it, when. */
export interface RecordNameParts {
  /** A document's title, when it is one. */
  title?: string;
  /** Its main kinds of items, already in words ("conditions, vaccinations"). */
  kinds: string;
  /** How many more kinds it holds than are named. */
  moreKinds: number;
  /** Who wrote it: a name, else a short npub. */
  author: string;
  /** The day it was saved, in words. */
  date: string;
  /** Whom it is about, when a list holds records of more than one patient or it is an animal's ("Rex"). */
  patient?: string;
}

export interface RecordsStrings {
  typeHeading: (type: string) => string;
  typeList: (types: string[]) => string;
  waitUnlock: string;
  /**
   * What an unlock opened: the user's records and, when there are some, the copies of what they
   * shared (each one cost the signer a prompt too, so the count says so). Each count with its text
   * as the page's language writes numbers; the numbers choose the plural form.
   */
  loaded: (records: number, recordsText: string, skipped: number, skippedText: string, shared?: number, sharedText?: string) => string;
  cancel: string;
  close: string;
  historyDate: string;
  historyWho: string;
  historyDecision: string;
  historyTypes: string;
  historyUntil: string;
  /** The consent history's column for why access was given or asked (the purpose, in the words written). */
  historyWhy: string;
  decision: (d: 'active' | 'rejected') => string;
  none: string;
  recordName: (parts: RecordNameParts) => string;
  historyWhat: string;
  historyNow: string;
  historyKind: (kind: ConsentEvent['kind']) => string;
  inForce: (until: string | undefined) => string;
  notInForce: string;
  /** `on`: for a revoked share, the day it was revoked (the day of the version without them). */
  /** `editor`: the share lets them share it on too (add and remove people). */
  shareStatus: (status: ShareStatus, until: string | undefined, on?: string, editor?: boolean) => string;
  /** `hiddenText`: `hidden` as the page's language writes numbers ("1,050"; '' when the share does not say how many). */
  youHid: (hidden: number | undefined, who: string, hiddenText: string) => string;
  /**
   * Records a load left unopened so as not to ask the signer too often at once (the next load opens
   * them). `countText`: `count` as the page's language writes numbers ("1,050"); `count` chooses the plural form.
   */
  recordsLeft: (count: number, countText: string) => string;
  /**
   * A load stopped before the user's oldest records: many newer items listing them came first (a
   * load reads a bounded number, newest first); the next load looks further back.
   */
  recordsOlder: string;
  /** Messages a read left unopened so as not to ask the signer too often at once (the next read opens them); `countText` as in `recordsLeft`. */
  mailLeft: (count: number, countText: string) => string;
  /** A read stopped before the oldest messages (it downloads a bounded number), or a relay did not answer; the next read looks again. */
  mailOlder: string;
  /** Storage servers (their addresses) that asked the user to sign in during the read, and were not signed in to. */
  mailSignIn: (servers: string[]) => string;
  /** Storage servers that asked for a sign-in that did not complete on their side (the user may never have been asked). */
  mailSignInFailed: (servers: string[]) => string;
  /**
   * A load of records could not read some storage servers, so it cannot say there are none:
   * `all`, it read none of them. The sentences below then say which and why, then `recordsRetry`.
   */
  recordsUnchecked: (all: boolean) => string;
  /** Storage servers (their addresses) the load could not reach, or that did not answer in time. */
  recordsUnreached: (servers: string[]) => string;
  /** Storage servers that asked the user to sign in during the load, and were not signed in to. */
  recordsSignIn: (servers: string[]) => string;
  /** Storage servers that asked for a sign-in that did not complete on their side. */
  recordsSignInFailed: (servers: string[]) => string;
  /** After a sign-in that did not complete, when a server refused it for its time: this device's clock may be wrong (the viewer's words). */
  clockOff: string;
  /** The way on after the sentences above. */
  recordsRetry: string;
  /** The consent history's "Now" for a share past its end date that was not revoked (the person can still open it). */
  overdueInForce: string;
}

/** English; Spanish is in records.strings.es.ts. */
export const recordsStringsEn: RecordsStrings = {
  typeHeading: (type: string) => typeHeading('en', type),
  typeList: (types: string[]) => typeList('en', types),
  waitUnlock: 'Your signer will be asked to unlock each of your records and each one you shared (once each).',
  loaded: (n: number, nText: string, skipped: number, skippedText: string, shared = 0, sharedText = String(shared)) =>
    `${plural('en', n, { one: '1 record loaded', other: `${nText} records loaded` })}${shared ? `, and ${sharedText} you shared` : ''}.`
    + `${skipped ? ` ${plural('en', skipped, { one: '1 could not be opened and was left out.', other: `${skippedText} could not be opened and were left out.` })}` : ''}`,
  cancel: 'Cancel',
  close: 'Close',
  historyDate: 'Date',
  historyWho: 'Who',
  historyDecision: 'Decision',
  historyTypes: 'What',
  historyUntil: 'Until',
  historyWhy: 'Why',
  decision: (d: 'active' | 'rejected') => (d === 'active' ? 'approved' : 'denied'),
  none: '—',
  recordName: ({ title, kinds, moreKinds, author, date, patient }: RecordNameParts) =>
    `${title ?? (kinds ? `${kinds.charAt(0).toLocaleUpperCase()}${kinds.slice(1)}${moreKinds ? ` and ${moreKinds} more` : ''}` : 'Empty record')}${patient ? ` for ${patient}` : ''} · from ${author} · ${date}`,
  historyWhat: 'What happened',
  historyNow: 'Now',
  historyKind: (kind: ConsentEvent['kind']) =>
    ({ shared: 'shared', approved: 'request approved', denied: 'request denied', revoked: 'access revoked', ended: 'end date reached' })[kind],
  inForce: (until: string | undefined) => (until ? `can view until ${until}` : 'can view'),
  notInForce: 'no longer has access through this',
  shareStatus: (status: ShareStatus, until: string | undefined, on?: string, editor?: boolean) =>
    ({
      active: `Can view${editor ? ' and share' : ''}${until ? ` until ${until}` : ', with no end date'}.`,
      overdue: `The end date (${until}) has passed, but they can still open it until you revoke it.`,
      ended: `Ended on ${until}.`,
      revoked: on ? `Revoked on ${on}.` : 'Revoked.',
    })[status],
  youHid: (hidden: number | undefined, who: string, hiddenText: string) =>
    hidden === undefined ? `You hid some items from ${who}.` : plural('en', hidden, { one: `You hid 1 item from ${who}.`, other: `You hid ${hiddenText} items from ${who}.` }),
  recordsLeft: (n: number, nText: string) =>
    plural('en', n, {
      one: '1 more record was not opened yet, so that your signer is not asked too many times at once. Load your records again to open it.',
      other: `${nText} more records were not opened yet, so that your signer is not asked too many times at once. Load your records again to open them.`,
    }),
  recordsOlder: 'Some of your records may not have been checked yet: many newer items came first. Load your records again to look further back.',
  mailLeft: (n: number, nText: string) =>
    plural('en', n, {
      one: '1 more message was not read yet, so that your signer is not asked too many times at once. Check again to read it.',
      other: `${nText} more messages were not read yet, so that your signer is not asked too many times at once. Check again to read them.`,
    }),
  mailOlder: 'Some messages were not checked yet: many newer ones came first, or a storage server did not answer. Check again to look further.',
  mailSignIn: (servers: string[]) =>
    `Some messages were not checked yet: ${listText('en', servers)} asked you to sign in, and you did not. Check again to be asked again.`,
  mailSignInFailed: (servers: string[]) =>
    `Some messages were not checked yet: ${listText('en', servers)} asked for a sign-in that did not complete. Check again to try again.`,
  recordsUnchecked: (all: boolean) =>
    all ? 'Your records could not be checked on any storage server.' : 'Your records could not be checked on every storage server, so some may be missing here.',
  recordsUnreached: (servers: string[]) => `${listText('en', servers)} could not be reached or did not answer.`,
  recordsSignIn: (servers: string[]) => `${listText('en', servers)} asked you to sign in, and you did not.`,
  recordsSignInFailed: (servers: string[]) => `${listText('en', servers)} asked for a sign-in that did not complete.`,
  clockOff: clockOffEn,
  recordsRetry: 'Load your records again to try again.',
  overdueInForce: 'end date passed; can still open it until you revoke it',
};

/**
 * What the last mail read left unchecked, in words: the storage servers that asked the user to
 * sign in and were not signed in to, by name (they did answer), the user's no told apart from a
 * sign-in that failed on the server's side (the user was never asked, or said yes); else that
 * some messages wait.
 */
export function mailUnchecked(store: Pick<RecordStore, 'olderMailUnchecked' | 'mailReports'>, s: Pick<RecordsStrings, 'mailOlder' | 'mailSignIn' | 'mailSignInFailed' | 'clockOff'>, clockOff = false): string {
  const unsigned = store.mailReports.filter((r) => r.status === 'auth-required');
  const declined = unsigned.filter((r) => r.signIn !== 'failed').map((r) => r.relay);
  const failed = unsigned.filter((r) => r.signIn === 'failed').map((r) => r.relay);
  if (declined.length || failed.length) return sentences(declined.length ? s.mailSignIn(declined) : '', failed.length ? s.mailSignInFailed(failed) : '', failed.length && clockOff ? s.clockOff : '');
  return store.olderMailUnchecked ? s.mailOlder : '';
}

/**
 * The storage servers the last load of records did not read at all: unreachable, too slow, closed
 * the read, or asked for a sign-in that did not happen (the user's no among them). A server that
 * sent only part of what it holds (`incomplete`) was read: the walk back says what is left.
 */
export function unreadServers(reports: readonly QueryReport[]): QueryReport[] {
  return reports.filter((r) => r.status !== 'complete' && r.status !== 'incomplete');
}

/**
 * What a load of records left unchecked, in words ('' when every storage server was read): that
 * records may be missing (so "no records" is not said), the servers by address with why (a sign-in
 * the user refused told apart from one that failed on the server's side, as for mail), and the way on.
 */
export function recordsUnchecked(reports: readonly QueryReport[], s: Pick<RecordsStrings, 'recordsUnchecked' | 'recordsUnreached' | 'recordsSignIn' | 'recordsSignInFailed' | 'clockOff' | 'recordsRetry'>, clockOff = false): string {
  const unread = unreadServers(reports);
  if (!unread.length) return '';
  const signIn = unread.filter((r) => r.status === 'auth-required');
  const declined = signIn.filter((r) => r.signIn !== 'failed').map((r) => r.relay);
  const failed = signIn.filter((r) => r.signIn === 'failed').map((r) => r.relay);
  const unreached = unread.filter((r) => r.status !== 'auth-required').map((r) => r.relay);
  return sentences(
    s.recordsUnchecked(unread.length === reports.length),
    declined.length ? s.recordsSignIn(declined) : '',
    failed.length ? s.recordsSignInFailed(failed) : '',
    failed.length && clockOff ? s.clockOff : '',
    unreached.length ? s.recordsUnreached(unreached) : '',
    s.recordsRetry,
  );
}

/** Status sentences said together (an empty one left out), e.g. what loaded and what was left for later. */
export function sentences(...parts: string[]): string {
  return parts.filter(Boolean).join(' ');
}
