import { languageTables } from '../shared/language-packs.js';
import type { Role } from '../core/nip82/record.js';
import { noKeyTailEn, stateStringsEn, type StateStrings } from '../shared/state-strings.js';
import { changeDetailEn, partLostStringsEn, refusedWhyEn, signerPageStringsEn, stopWaitingStringsEn, type PartLostStrings, type SignerPageStrings, type StopWaitingStrings } from '../shared/action-state-strings.js';
import { recordsStringsEn, type RecordsStrings } from '../shared/records.strings.js';
import { plural } from '../shared/plural.js';

/** Every built-in string of `<nip82-access-list>`; each one can be overridden through `.strings`. */
export interface AccessListStrings extends StateStrings, RecordsStrings, SignerPageStrings, StopWaitingStrings, PartLostStrings {
  showAccess: string;
  loadAgain: string;
  noRecords: string;
  sharesTitle: string;
  shareTerms: (since: string, items: string) => string;
  /** When a share was made, for shares to one person made in the same minute: which of them (by time) it is. */
  shareNumber: (since: string, n: number, total: number, nText: string, totalText: string) => string;
  /** `formatted`: `n` as the page's language writes numbers ("10,000"); `n` chooses the plural form. */
  shareItemCount: (n: number, formatted: string) => string;
  sharePurpose: (purpose: string) => string;
  dialogRecord: (record: string) => string;
  yourRoleEditor: string;
  yourRoleViewer: string;
  /** Instead of `yourRoleEditor`/`yourRoleViewer` on a record shared with the user whose end date (`day`) has passed. */
  yourShareEnded: (day: string) => string;
  role: (r: Role) => string;
  you: string;
  listedTitle: string;
  listedExplain: string;
  peopleTitle: string;
  revoke: string;
  revokeWho: (who: string) => string;
  /**
   * The Revoke button of one share: who, and what tells it from another share to the same person
   * (how many items, the day it was shared, its last day if it has one).
   */
  /** `itemsText`: `items` as the page's language writes numbers; `items` chooses the plural form. */
  revokeShare: (who: string, items: number, since: string, until: string | undefined, itemsText: string) => string;
  dialogTitle: (who: string) => string;
  /**
   * The dialog's heading over the outcome, saying what happened: revoked, and whether every storage
   * server has it yet (`everywhere` false: one that missed it still serves the old version).
   */
  doneTitle: (who: string, everywhere: boolean) => string;
  stops: string;
  stays: string;
  /**
   * In the revoke dialog, for a record only some of whose parts were found (a part not fetched, a
   * share that went out only in part): why access to it cannot be revoked yet (Revoke is unavailable).
   */
  partsMissing: (who: string, have: number, total: number, haveText: string, totalText: string, record: string) => string;
  editorMoves: string;
  /** {@link editorMoves} when no one else is left on the record to be told. */
  editorMovesAlone: string;
  /**
   * Revoking someone who could add people: the others (`names`, `n` of them) still on the record,
   * who keep their access; `who` may have added them.
   */
  editorOthers: (who: string, names: string, n: number) => string;
  /**
   * In the dialog, what went out of a revocation sent only in part; `partlyNotice` and
   * `partlyEndedNotice` say the same beside the list: override them together. Every count of these
   * strings comes as a number (which chooses the plural form) and, after the numbers, as the page's
   * language writes it ("1,050"): `sentText`, `totalText`, `nText`.
   */
  partlyRevoked: (sent: number, total: number, sentText: string, totalText: string) => string;
  /** "Stop waiting" passed servers over during the send and no server took any of it. */
  nothingRevoked: string;
  /**
   * In the dialog: no storage server confirmed any of the change in time, but one may have stored it
   * (a late answer), so access may already be revoked; `unconfirmedNotice` and
   * `unconfirmedEndedNotice` say the same beside the list.
   */
  unconfirmedRevoke: string;
  unconfirmedNotice: (who: string) => string;
  unconfirmedEndedNotice: (n: number, nText: string) => string;
  notEverywhere: string;
  unfinishedNotice: (who: string) => string;
  /** `nText`: `n` (ended shares) as the page's language writes numbers; `n` chooses the plural form. */
  unfinishedEndedNotice: (n: number, nText: string) => string;
  partlyNotice: (who: string, sent: number, total: number, sentText: string, totalText: string) => string;
  partlyEndedNotice: (n: number, sent: number, total: number, nText: string, sentText: string, totalText: string) => string;
  otherFirst: string;
  /** Shares whose end date has passed and are not revoked yet (`nText`: `n` as the page's language writes numbers), and the button that revokes them. */
  overdueNotice: (n: number, nText: string) => string;
  revokeEnded: (n: number, nText: string) => string;
  endedTitle: (n: number, nText: string) => string;
  /** As {@link doneTitle}, over the outcome of revoking the `n` shares past their end date. */
  endedDoneTitle: (n: number, nText: string, everywhere: boolean) => string;
  endedOn: (day: string) => string;
  confirmEnded: (n: number, nText: string) => string;
  /** The ended shares' Revoke when some of them have parts missing and are left for later. */
  confirmEndedRest: (n: number, nText: string) => string;
  /**
   * The ended shares revoked (`n`), and how many of the storage servers (`total`) took the change
   * (`ok`); each count also written as the page's language writes numbers, after the numbers.
   */
  endedRevoked: (n: number, ok: number, total: number, nText: string, okText: string, totalText: string) => string;
  /** After revoking ended shares, those left for later because parts of them were not found. */
  endedWaiting: (n: number, nText: string) => string;
  confirmRevoke: (who: string) => string;
  waitRevoke: string;
  /** Between signer calls, before anything is sent: the servers read, the record locked anew. */
  preparing: string;
  /** While the changes (`events`) go to the storage servers (`relays`); each count also as the page's language writes numbers ("1,050"), after the numbers. */
  publishing: (events: number, relays: number, eventsText: string, relaysText: string) => string;
  /** After "Stop waiting" during a send: the servers that asked for a sign-in are passed over, the rest still sent to (the outcome follows). */
  sendingOn: string;
  /** Access revoked for `who`: `ok` of the `total` storage servers took the change (`okText`, `totalText`: as the page's language writes numbers). */
  revoked: (who: string, ok: number, total: number, okText: string, totalText: string) => string;
  moved: string;
  /** {@link moved} when no one else was on the record to be told. */
  movedAlone: string;
  showHistory: string;
  waitHistory: string;
  /**
   * Instead of `errorDetail`: a part of the page that reads the messages could not be fetched (a
   * lost connection), so the history was not read. Pressing `showHistory` again fetches it again.
   */
  historyLost: string;
  historyTitle: string;
  noHistory: string;
  /** Whom a share in "What you shared" is about, when the list holds more than one patient or an animal's ("Rex"). */
  shareAbout: (patient: string) => string;
  /** In "What you shared", over the shares of the user's own records, when others are about their animals or other people. */
  sharesAboutYou: string;
  /**
   * In the revoke dialog of one person: the other records and shares (`n`, `nText` as the page's
   * language writes it) they can still open, listed after it; revoking here leaves those.
   */
  alsoOpens: (who: string, n: number, nText: string) => string;
  /** {@link alsoOpens} once the revocation is done: what they can still open, as it stands (nothing left to choose). */
  stillOpens: (who: string, n: number, nText: string) => string;
  /** Over a clinic's records (grouped under each patient's name) that name no patient. */
  noPatientName: string;
  /** The field that finds a patient by name, in a list of many patients' records (a clinic's). */
  findPatient: string;
  /** What the field found: `shown` of `total` patients (each also as the page's language writes numbers, after the numbers). */
  patientsShown: (shown: number, total: number, shownText: string, totalText: string) => string;
  /** No patient's name contains what was typed (`typed`). */
  noPatientFound: (typed: string) => string;
  /** Printed only (the find field is not): the printout holds only the patients whose name contains `typed`, `shown` of `total` (each also as the page's language writes it, after the numbers). */
  printedFound: (typed: string, shown: number, total: number, shownText: string, totalText: string) => string;
  /** Printed only, under a clinic's list printed before it had all come onto the page: how many records are not on paper (`formatted`: `count` as the page writes numbers). */
  notPrinted: (count: number, formatted: string) => string;
  /** Over the shares ended or revoked, listed after those still open. */
  sharesClosedTitle: string;
  /** A history row about one of the user's own records (not a share): what happened (`historyKind`), and to which record. */
  historyOn: (what: string, record: string) => string;
  /** The kinds of items a share holds (`kinds`: as `typeList` words them), under its date and count. */
  shareKinds: (kinds: string) => string;
  /**
   * Beside a share, before the people it was not made for who can open it too: added to it since it
   * was made (by the patient through another app, or by a recipient who may edit it).
   */
  shareAlso: string;
  /**
   * Beside a share still in force made before a record it was drawn from changed (`day`): a share
   * is a copy, so `who` still has the items as they were shared.
   */
  shareChanged: (who: string, day: string) => string;
  /**
   * In the revoke dialog: `who` can still open `n` of the record's items (`nText`: as the page's
   * language writes it) through another share or record of the user's, in force, that lists them.
   */
  stillOpenElsewhere: (who: string, n: number, nText: string) => string;
  /**
   * Before an action, the signer was asked which account it uses and did not say (declined,
   * locked, no answer in time), while a revocation some storage server missed is kept: what went
   * out stands, and nothing more was sent.
   */
  accountUnconfirmed: string;
}

/** How many storage servers took a change: the plural follows the total ("1 of 1", "1 of 2"). */
const storageAcceptedEn = (total: number, okText: string, totalText: string) =>
  plural('en', total, { one: `${okText} of 1 storage server accepted the change.`, other: `${okText} of ${totalText} storage servers accepted the change.` });

/** What went out of a revocation sent only in part, and the way on: the dialog and the notice beside the list say it alike. */
const partlyRestEn = (total: number, sentText: string, totalText: string) =>
  `${sentText} of ${plural('en', total, { one: '1 step', other: `${totalText} steps` })} reached a storage server, so access is not fully revoked yet. Try again to send the rest; nothing new will be signed.`;

const en: AccessListStrings = {
  ...stateStringsEn,
  ...recordsStringsEn,
  ...signerPageStringsEn,
  ...stopWaitingStringsEn,
  ...partLostStringsEn,
  ...refusedWhyEn,
  errorDetail: changeDetailEn,
  showAccess: 'Unlock my records',
  loadAgain: 'Load your records again',
  noRecords: 'No records list you yet.',
  sharesTitle: 'What you shared',
  shareTerms: (since: string, items: string) => `Shared on ${since}: ${items}.`,
  shareNumber: (since: string, _n: number, _total: number, nText: string, totalText: string) => `${since} (${nText} of ${totalText})`,
  shareItemCount: (n: number, formatted: string) => plural('en', n, { one: '1 item', other: `${formatted} items` }),
  sharePurpose: (purpose: string) => `Why: ${purpose}`,
  dialogRecord: (record: string) => `Record: ${record}`,
  yourRoleEditor: 'You can view and share this record.',
  yourRoleViewer: 'You can view this record.',
  yourShareEnded: (day: string) => `Shared with you until ${day}: that date has passed.`,
  role: (r: Role) => (r === 'viewer' ? 'can view' : 'can view and share'),
  you: 'you',
  listedTitle: 'Listed on this record',
  listedExplain:
    'Only people who can share a record can see who can do what. These keys are listed on it; being listed does not prove that someone can open it.',
  peopleTitle: 'Who has access',
  revoke: 'Revoke',
  revokeWho: (who: string) => `Revoke access for ${who}`,
  revokeShare: (who: string, items: number, since: string, until: string | undefined, itemsText: string) =>
    `Revoke access for ${who} to ${plural('en', items, { one: 'the 1 item', other: `the ${itemsText} items` })} shared on ${since}${until ? `, until ${until}` : ''}`,
  dialogTitle: (who: string) => `Revoke access for ${who}?`,
  doneTitle: (who: string, everywhere: boolean) => `Access revoked for ${who}${everywhere ? '' : ', but not on every storage server yet'}`,
  stops:
    'What stops: the record is locked again with new keys, so they can no longer open it from the storage servers, this version or any later one.',
  stays:
    'What cannot be taken back: anything they already opened, downloaded or copied stays with them. A storage server that keeps old copies may still hand out the old version, which the old key still opens.',
  partsMissing: (who: string, _have: number, _total: number, haveText: string, totalText: string, record: string) =>
    `Only ${haveText} of ${totalText} parts of “${record}” were found on your storage servers, so access to it cannot be revoked yet: a change now would leave the parts not found open to ${who}, and cut them out of your own record if they turn up later. Load your records again to look for them. If it is a share that went out only in part, the parts never sent will not turn up, and what went out stays open to ${who}.`,
  editorMoves: 'Because they could edit, the record moves to a new address and the old one is deleted; the others on the record are told where it went.',
  editorMovesAlone: 'Because they could edit, the record moves to a new address and the old one is deleted.',
  editorOthers: (who: string, names: string) => `After this, ${names} can still open it. ${who} could add people: revoke any you did not choose.`,
  partlyRevoked: (_sent: number, total: number, sentText: string, totalText: string) => `Only part of this went out: ${partlyRestEn(total, sentText, totalText)}`,
  nothingRevoked: 'You stopped waiting for your signer and no storage server took the change, so nothing was sent: access was not revoked, and they can still open the record. You can try again.',
  unconfirmedRevoke:
    'The storage servers did not confirm the change in time, so it may have reached them: access may already be revoked, or not yet. Try again to make sure; nothing new is signed.',
  unconfirmedNotice: (who: string) =>
    `Revoking access for ${who} was not confirmed in time: it may have reached the storage servers, or not yet. Try again to make sure; nothing new is signed.`,
  unconfirmedEndedNotice: (n: number, nText: string) =>
    `${plural('en', n, { one: 'Revoking the ended share', other: `Revoking the ${nText} ended shares` })} was not confirmed in time: it may have reached the storage servers, or not yet. Try again to make sure; nothing new is signed.`,
  notEverywhere: 'A storage server that did not take it still serves the old version, which they can still open from there: send it there too.',
  unfinishedNotice: (who: string) =>
    `Access for ${who} is revoked, but not on every storage server yet: one that missed it still serves the old version, which they can still open from there.`,
  unfinishedEndedNotice: (n: number, nText: string) =>
    plural('en', n, {
      one: 'The ended share is revoked, but not on every storage server yet: one that missed it still serves the old version, which that person can still open from there.',
      other: `The ${nText} ended shares are revoked, but not on every storage server yet: one that missed it still serves the old version, which those people can still open from there.`,
    }),
  partlyNotice: (who: string, _sent: number, total: number, sentText: string, totalText: string) =>
    `Revoking access for ${who} went out only in part: ${partlyRestEn(total, sentText, totalText)}`,
  partlyEndedNotice: (n: number, _sent: number, total: number, nText: string, sentText: string, totalText: string) =>
    `${plural('en', n, { one: 'Revoking the ended share', other: `Revoking the ${nText} ended shares` })} went out only in part: ${partlyRestEn(total, sentText, totalText)}`,
  otherFirst: 'Another revocation of this record went out only in part. Send the rest of it first (beside the list); until then nothing else on this record can be changed.',
  overdueNotice: (n: number, nText: string) =>
    plural('en', n, {
      one: 'The end date of one share has passed, but that person can still open it until you revoke it.',
      other: `The end date of ${nText} shares has passed, but those people can still open them until you revoke them.`,
    }),
  revokeEnded: (n: number, nText: string) => plural('en', n, { one: 'Revoke the ended share…', other: `Revoke the ${nText} ended shares…` }),
  endedTitle: (n: number, nText: string) => plural('en', n, { one: 'Revoke the share whose end date has passed?', other: `Revoke the ${nText} shares whose end date has passed?` }),
  endedDoneTitle: (n: number, nText: string, everywhere: boolean) =>
    `${plural('en', n, { one: 'The share whose end date has passed is revoked', other: `The ${nText} shares whose end date has passed are revoked` })}${everywhere ? '' : ', but not on every storage server yet'}`,
  endedOn: (day: string) => `Ended on ${day}`,
  confirmEnded: (n: number, nText: string) => plural('en', n, { one: 'Revoke it', other: `Revoke all ${nText}` }),
  confirmEndedRest: (n: number, nText: string) => plural('en', n, { one: 'Revoke the other one', other: `Revoke the other ${nText}` }),
  endedRevoked: (n: number, _ok: number, total: number, nText: string, okText: string, totalText: string) =>
    `${plural('en', n, { one: 'The ended share was revoked.', other: `The ${nText} ended shares were revoked.` })} ${storageAcceptedEn(total, okText, totalText)}`,
  endedWaiting: (n: number, nText: string) =>
    plural('en', n, {
      one: 'The share with parts missing was not revoked: that person can still open it.',
      other: `The ${nText} shares with parts missing were not revoked: those people can still open them.`,
    }),
  confirmRevoke: (who: string) => `Revoke access for ${who}`,
  waitRevoke: 'Your signer will be asked to sign a notice to the remaining people.',
  preparing: 'Preparing the change. Nothing has been sent yet.',
  publishing: (events: number, relays: number, eventsText: string, relaysText: string) =>
    `Sending ${plural('en', events, { one: '1 change', other: `${eventsText} changes` })} to ${plural('en', relays, { one: '1 storage server', other: `${relaysText} storage servers` })}…`,
  sendingOn: 'Stopped waiting for your signer. Sending the change on to the storage servers that did not ask you to sign in…',
  revoked: (who: string, _ok: number, total: number, okText: string, totalText: string) => `Access revoked for ${who}. ${storageAcceptedEn(total, okText, totalText)}`,
  moved: 'The record moved to a new address; the others were told.',
  movedAlone: 'The record moved to a new address.',
  // The stopped states say what this element did not do (nothing was changed).
  refused: 'Your signer declined. Nothing was changed.',
  noKey: (said) => `Your signer has no key ready, so nothing was changed.${noKeyTailEn(said)}`,
  locked: (detail) => `${detail} Nothing was changed.`,
  timedOut: 'Your signer did not answer in time. Nothing was changed; you can try again.',
  relayError: 'Not enough storage servers accepted the change, so access was not revoked yet. You can try again.',
  cancelled: 'Cancelled. Nothing was changed.',
  // Every event of a revocation is signed before any is sent, and a wait for a signature can only
  // be stopped before sending: nothing of it can have gone out. ("Stop waiting" for a sign-in
  // during the send says `sendingOn`, then the outcome.)
  stoppedWaiting: 'Stopped waiting for your signer. Nothing was changed or sent; you can try again.',
  showHistory: 'Show consent history',
  waitHistory: 'Your signer will be asked to open your messages (two approvals per message).',
  historyLost: 'Part of this page could not be loaded, so your consent history was not read. Check your internet connection, then try again.',
  historyTitle: 'Your consent history',
  noHistory: 'You have not shared anything or answered any requests yet.',
  shareAbout: (patient: string) => `About ${patient}`,
  sharesAboutYou: 'Yours',
  alsoOpens: (who: string, n: number, nText: string) =>
    plural('en', n, {
      one: `This revokes only this record. ${who} can still open 1 other record of yours, which stays as it is:`,
      other: `This revokes only this record. ${who} can still open ${nText} other records of yours, which stay as they are:`,
    }),
  stillOpens: (who: string, n: number, nText: string) =>
    plural('en', n, {
      one: `${who} can still open 1 other record of yours, which stays as it is:`,
      other: `${who} can still open ${nText} other records of yours, which stay as they are:`,
    }),
  noPatientName: 'No patient named',
  findPatient: 'Find a patient by name',
  patientsShown: (_shown: number, total: number, shownText: string, totalText: string) =>
    `Showing ${shownText} of ${plural('en', total, { one: '1 patient', other: `${totalText} patients` })}.`,
  noPatientFound: (typed: string) => `No patient's name contains “${typed}”.`,
  printedFound: (typed: string, _shown: number, total: number, shownText: string, totalText: string) =>
    `This printout holds only the patients whose name contains “${typed}”: ${shownText} of ${plural('en', total, { one: '1 patient', other: `${totalText} patients` })}.`,
  notPrinted: (count: number, formatted: string) =>
    plural('en', count, {
      one: '1 more record is not in this printout: the list was still coming onto the page. Print again once it is all there.',
      other: `${formatted} more records are not in this printout: the list was still coming onto the page. Print again once it is all there.`,
    }),
  sharesClosedTitle: 'No longer shared',
  historyOn: (what: string, record: string) => `${what}: ${record}`,
  shareKinds: (kinds: string) => `Includes: ${kinds}.`,
  shareAlso: 'Also able to open it:',
  shareChanged: (who: string, day: string) =>
    `Your record changed on ${day}, after you shared this: ${who} still has it as you shared it. Share again to send them the change.`,
  stillOpenElsewhere: (who: string, n: number, nText: string) =>
    `${who} can still open ${plural('en', n, { one: '1 of these items', other: `${nText} of these items` })} through another share or record of yours that you are not revoking now. Revoke that too to take them away.`,
  accountUnconfirmed: 'Your signer did not confirm which account it is using, so nothing more was sent.',
};

/** English at hand; Spanish (access-list.strings.es.ts) once the page speaks it. */
export const accessListStrings = languageTables(en, { es: () => import('./access-list.strings.es.js').then((m) => m.accessListStringsEs) });
