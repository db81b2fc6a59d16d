import { languageTables } from '../shared/language-packs.js';
import type { Disclosure } from '../core/fhir/withheld.js';
import type { Role } from '../core/nip82/record.js';
import { noKeyTailEn, stateStringsEn, type StateStrings } from '../shared/state-strings.js';
import { changeDetailEn, partLostStringsEn, refusedWhyEn, signerPageStringsEn, stopWaitingStringsEn, type PartLostStrings, type SignerPageStrings, type StopWaitingStrings } from '../shared/action-state-strings.js';
import { recordsStringsEn, type RecordsStrings } from '../shared/records.strings.js';
import { typeCount } from '../shared/type-names.js';
import { clinicianKind } from '../shared/withheld-kinds.js';
import { plural } from '../shared/plural.js';
import { speciesNamed, speciesWordsEn } from '../shared/species.js';
import type { PieceState } from './signed-action.js';

/** Every built-in string of `<nip82-consent-prompt>`; each one can be overridden through `.strings`. */
export interface ConsentPromptStrings extends StateStrings, RecordsStrings, SignerPageStrings, StopWaitingStrings, PartLostStrings {
  // Resource types
  /** A kind with its number, in the patient's words ("2 conditions"); `formatted`: `n` as the page's language writes numbers. */
  typeCount: (type: string, n: number, formatted: string) => string;
  // Loading
  loadRecords: string;
  /** After a load that could not check some storage server, beside the records it found: load them again. */
  loadAgain: string;
  loadingRecords: string;
  noRecords: string;
  // Share: trigger and dialog
  openShare: string;
  /** Each count with its text as the page's language writes numbers ("10,000"); the numbers choose the plural form. */
  ready: (records: number, recordsText: string, items: number, itemsText: string) => string;
  shareTitle: string;
  /** The share dialog's title when the records offered are others' (a patient's a clinician shares on, by name; `names` empty when they give none). */
  shareTitleOf: (names: string[], list: string) => string;
  recipientLegend: string;
  recipientHelp: string;
  recipientMissing: string;
  recipientIsYou: string;
  /** The page preset a recipient (its `recipient` attribute) that is not a public key: none is preset. */
  recipientPresetInvalid: string;
  /** The page preset a private key as the recipient: refused, never shown, and none is preset. */
  recipientPresetSecret: string;
  itemsLegend: string;
  itemsHelp: string;
  /** How to move through the item list with the keyboard. */
  itemsKeys: string;
  /** Items hidden from this recipient in an earlier share start hidden. */
  hiddenBefore: (n: number, formatted: string, who: string) => string;
  /** Items the records mark as private (sexual, mental health and the like) start hidden: why, and how to share one. */
  privateHidden: string;
  /** Items were hidden from this recipient in an earlier share they can edit: which ones is not kept (they could read it), so none start hidden. */
  hiddenUnlisted: (who: string) => string;
  hide: string;
  /** The Hide button of one item: `date` as its box shows it, '' when it has none (repeated items differ only by it). */
  hideItem: (label: string, date: string) => string;
  hideAll: string;
  /** Name of the button that hides every item of one kind. */
  hideGroup: (typeHeading: string, n: number, formatted: string) => string;
  hiddenTag: string;
  /** Name of the checkbox that shares or leaves out every item of one kind: it holds the words shown beside it, "Vaccinations (17)", for those who speak them. */
  shareGroup: (typeHeading: string, n: number, formatted: string) => string;
  /** The line that unfolds a long kind's items, one by one (its box and "Hide all" stay above it). */
  showGroupItems: (n: number, formatted: string) => string;
  noLabel: string;
  nothingChosen: string;
  discloseLegend: string;
  disclose: (d: Disclosure) => string;
  roleLegend: string;
  role: (r: Role) => string;
  roleEditorHelp: string;
  expiryLabel: string;
  expiryHelp: string;
  expiryPast: string;
  purposeLabel: string;
  review: string;
  back: string;
  previewTitle: (who: string) => string;
  previewItems: (n: number, formatted: string) => string;
  previewHidden: (n: number, formatted: string) => string;
  /** The patient's own details go with any share, chosen or not: the recipient must know whose items they are. */
  previewIdentity: string;
  /** Heading over the shared items that still name a hidden one. */
  mentionsTitle: (n: number, formatted: string) => string;
  mentionsHelp: string;
  /** One such item, and what it names. */
  mentionItem: (item: string, hidden: string) => string;
  hideMentions: (n: number, formatted: string) => string;
  /** When the share is too large to search whole for mentions of hidden items. */
  mentionsUnchecked: string;
  flagTells: (d: Disclosure, n: number, formatted: string, kinds: string) => string;
  /**
   * One hidden kind as the recipient's hidden-item flag will name it, in a clinician's words ("2
   * problems"), as `<nip82-hidden-flag>`'s `kind` does; `formatted`: `n` as the page's language writes numbers.
   */
  flagKind: (type: string, n: number, formatted: string) => string;
  /** The flag's clinician words for the hidden kinds, with the patient's words when they differ. */
  inYourWords: (flagWords: string, yours: string) => string;
  previewRole: (r: Role) => string;
  previewUntil: (date: string) => string;
  previewNoEnd: string;
  previewPurpose: (purpose: string) => string;
  previewNoPurpose: string;
  /** In place of "nothing is hidden": what the user shares on was shared with them without some items, and the flag saying so goes with it. */
  flagCarried: string;
  previewConsent: string;
  revokeWarning: string;
  /** Under a share's or an approval's outcome: how to undo one made by mistake, and what that cannot take back. */
  undoHint: string;
  confirm: (who: string) => string;
  waitShare: string;
  /** Between the signer's prompts of a share or an answer: the storage servers are read, the records checked; nothing sent yet. */
  preparing: string;
  /** Each count also as the page writes numbers (`formatted`, `okText`, `totalText`); the numbers choose the plural form. */
  publishing: (relays: number, formatted: string) => string;
  shared: (who: string, ok: number, total: number, okText: string, totalText: string) => string;
  /** No relay took any of it. */
  relayNothing: string;
  /** After "Stop waiting" during the send: the servers that asked for a sign-in are passed over, the rest still sent to (the outcome follows). */
  sendingOn: string;
  /** "Stop waiting" passed servers over and no server took any of it; `share`: it held a share (else only an answer). */
  stoppedNothingOut: (share: boolean) => string;
  /** After the outcome, while some storage server lacks part of it: in effect from the others, and the way on ({@link StopWaitingStrings.finishRelays}). */
  notEverywhere: string;
  /** Some of it went out: exactly which pieces (and which may have, no storage server having confirmed it in time), and that finishing sends the rest as signed. */
  partial: (pieces: PieceState[], who: string) => string;
  /**
   * No storage server confirmed any of it in time, and some may have stored it all the same (a late
   * answer): `who` may already hold it. Only finishing is offered. `share`: it held a share.
   */
  unconfirmed: (share: boolean, who: string) => string;
  finishSending: string;
  /** Beside "finish sending" a half-sent share: leaving it instead, and that what went out stays. */
  leaveHelp: (who: string) => string;
  /** The button that takes back a share part of which went out (or may have): it is sealed anew for the patient alone. */
  takeBack: string;
  /** Beside "take it back": what it does, and what it cannot undo. */
  takeBackHelp: (who: string) => string;
  /** While a take-back waits for the signer (only a share of records the page handed in asks it, to open the share). */
  waitTakeBack: string;
  /** The share was taken back from every storage server that holds any of it. */
  tookBack: (who: string) => string;
  /** A take-back stopped before any of it went out (the signer declined, the servers unusable); what went out of the share follows. */
  takeBackFailed: string;
  /** A take-back that did not reach every storage server holding part of the share: `went`, some of it did. */
  takeBackShort: (who: string, went: boolean) => string;
  /** The button that leaves a half-sent share as it is and starts a new one (nothing is signed or sent). */
  leaveUnfinished: string;
  /** Over the new share's form, once a half-sent share was left: what of it stays, and how to end it. */
  leftUnfinished: (who: string) => string;
  /** Why an approval that went out in part (`maybe`: that may have, unconfirmed) cannot be denied any more. */
  partialNoDeny: (who: string, maybe?: boolean) => string;
  /** An item hidden from this recipient before would be shared without the patient unhiding it. */
  reshared: string;
  /** Escape or Cancel while the signer was asked: nothing went out (though some may have been signed). */
  stoppedNothingSent: string;
  /** Stopped waiting for the signer to open the records: it may still ask, and what it opens then still loads. */
  stoppedReading: string;
  // Answer mode
  checkRequests: string;
  /**
   * Instead of `errorDetail`: a part of the page that reads the messages could not be fetched (a
   * lost connection), so nothing was read. Pressing `checkRequests` again fetches it again.
   */
  requestsLost: string;
  waitRead: string;
  reading: string;
  requestsTitle: string;
  noRequests: string;
  /** After the requests found, when none was and a message waits dated after this device's clock. */
  mailAhead: string;
  /** Said in the status line once the requests are read and some wait for an answer. */
  requestsWaiting: (n: number, formatted: string) => string;
  /** Under the first requests listed, when more wait: shows them all (`n`: all of them, as the page's language writes numbers). */
  showAllRequests: (n: string) => string;
  requestSummary: (who: string, types: string) => string;
  /** Beside a request in the list whose asked period is over. */
  requestEnded: (day: string) => string;
  /** In the dialog of such a request, in place of the choices an approval needs. */
  requestEndedNote: (day: string) => string;
  reviewRequest: string;
  /** The name of a request's Review button: who asks, for what, and when they sent it (a day, or a day and time). */
  reviewRequestFrom: (who: string, types: string, sent: string) => string;
  /** When it was sent, for requests alike down to the minute: which one of them this is. */
  sentNumber: (sent: string, n: number, total: number, nText: string, totalText: string) => string;
  answerTitle: string;
  whoLabel: string;
  invisibleWarning: string;
  whatLegend: string;
  whyLabel: string;
  noPurpose: string;
  periodLabel: string;
  period: (start: string, end: string) => string;
  noPeriod: string;
  untilLabel: string;
  untilHelp: string;
  untilInvalid: string;
  theirNote: string;
  recordsLegend: string;
  /** The answer dialog's steps (the share dialog's start with who receives it). */
  answerItemsLegend: string;
  answerDiscloseLegend: string;
  /** Records loaded, and none holds any kind asked for. */
  nothingAsked: (kinds: string) => string;
  you: string;
  noTypesChosen: string;
  /** Approve pressed before the records are unlocked: nothing could be chosen yet. */
  unlockToApprove: string;
  replyLabel: string;
  approve: (n: number, formatted: string) => string;
  /** The approve button before the records are unlocked: no count, since nothing could be chosen yet. */
  approveLocked: string;
  /** The preview's approve button, naming who gets access. */
  confirmAnswer: (who: string) => string;
  deny: string;
  /** While an approval is signed: how many times the signer is asked in all (`nText`: `n` as the page's language writes it), and for what. */
  waitApprove: (n: number, nText: string) => string;
  /** While an answer alone (a denial) is signed: how many times the signer is asked in all (`nText`: `n` as the page's language writes it). */
  waitAnswer: (n: number, nText: string) => string;
  approved: (who: string) => string;
  denied: (who: string) => string;
  historyTitle: string;
  /** In the consent history's Decision column: an approval whose access the patient revoked later, on `day`. */
  approvedRevoked: (day: string) => string;
  /**
   * Approve or Deny pressed for a request the user already answered (in another window, say), found
   * as the messages are read again before signing: nothing is signed or sent. `approved`: the
   * earlier answer was an approval; `denying`: Deny was pressed (an approval in force can no longer be denied).
   */
  alreadyAnswered: (who: string, approved: boolean, denying: boolean) => string;
  /** An item with whom it is about, when the records offered are about more than one patient ("Rabies vaccine · Rex"). */
  itemOf: (label: string, patient: string) => string;
  /**
   * The preview's note that the patient a share is about goes with it, when that is not the user
   * (a pet, a child, a parent): `names` their names, `list` them joined in the page's language.
   */
  previewIdentityOf: (names: string[], list: string) => string;
  /** The items chosen come from records about different people (a parent's and one's own): one share is about one person. */
  severalPeople: string;
  /** Records shared with the user whose share ended while the dialog was open (by name; none named when another change took items away): their items were taken off. */
  endedMeanwhile: (records: string[]) => string;
  /** The end date is not a day the kit can read (a year of five digits, as some date pickers let one type). */
  expiryUnreadable: string;
  /**
   * The preview's warning that `who` can open `n` of the hidden items all the same: they are in an
   * earlier share to them not revoked, or in a record they take part in. Hiding takes nothing back.
   */
  previewStillOpen: (who: string, n: number, formatted: string) => string;
  /** The Deny button's spoken name: whose request it denies (it begins with the button's shown word, `deny`). */
  denyWho: (who: string) => string;
  /**
   * In a request's dialog, when `who` can already open a share the patient made them before (a
   * request asked again, or asked after a share): answering this one, either way, leaves that open.
   */
  alreadyShared: (who: string) => string;
  /** A denial's outcome when `who` can still open an earlier share: denying took nothing back. */
  deniedStillOpen: (who: string) => string;
  /** In a request's line in the list: when it was sent (a day, or a day and time, as its Review button says it). */
  requestSent: (sent: string) => string;
  /** Under a requester's name that is their own profile's, not one the site vouches for: anyone may take any name. */
  selfNamed: string;
  /** Under a requester the site does not know and who gave no name either: only their key says who they are. */
  unnamedAsker: string;
  /** Over the choice of whose records to offer, when the user's records are about more than one person (a child's, a parent's). */
  aboutWhom: string;
  aboutWhomHelp: string;
  /** The user themself in that choice (their animals' records are another, by the animals' names). */
  aboutYou: string;
  /** The user's animals in that choice, when none of their records gives a name. */
  aboutYourAnimals: string;
  /**
   * Another owner's animals none of whose records gives a name, by species: `code`, the species'
   * SNOMED CT code when the record gives one; `text`, the record's own words for it, never a bare
   * number. '' when neither says (the owner's short key is shown then). Overridable for species the
   * kit does not name.
   */
  species: (code: string | undefined, text?: string) => string;
  /**
   * Before "Finish sending" or "Try again" the signer was asked which account it uses, and did not
   * say (declined, locked, no answer in time): said before what went out, which still stands.
   */
  accountUnconfirmed: string;
  /** A requester whose profile's name is one the site knows for someone else (that name is withheld). */
  passingAsker: string;
}

const en: ConsentPromptStrings = {
  ...stateStringsEn,
  ...recordsStringsEn,
  ...signerPageStringsEn,
  ...stopWaitingStringsEn,
  ...partLostStringsEn,
  ...refusedWhyEn,
  errorDetail: changeDetailEn,
  receiptsTitle: 'Where it was sent',
  typeCount: (type: string, n: number, written: string) => typeCount('en', type, n, written),
  loadRecords: 'Unlock my records',
  loadAgain: 'Load your records again',
  loadingRecords: 'Opening your records…',
  noRecords: 'You have no records to share yet.',
  openShare: 'Share records…',
  ready: (records: number, recordsText: string, items: number, itemsText: string) =>
    `${plural('en', items, { one: '1 item', other: `${itemsText} items` })} from ${plural('en', records, { one: '1 record', other: `${recordsText} records` })} can be shared.`,
  shareTitle: 'Share your records',
  shareTitleOf: (names: string[], list: string) => (names.length === 1 ? `Share ${list}'s records` : list ? `Share the records of ${list}` : 'Share records'),
  recipientLegend: '1. Who will receive it',
  recipientHelp: 'Paste their public key. Then check with them the Key shown for the person you chose.',
  recipientMissing: 'Choose who will receive the share.',
  recipientIsYou: 'That is your own key. Choose someone else.',
  recipientPresetInvalid: "This page tried to fill in who receives the share, but gave a key that is not valid. Choose the person yourself, and please tell the site's team.",
  recipientPresetSecret: "This page tried to fill in who receives the share, but gave a private key, which is never used here. Choose the person yourself, and please tell the site's team.",
  itemsLegend: '2. What to share',
  itemsHelp:
    'Tick what to share. Unticked items are simply not part of this share. Hidden items are left out too, but they will be told that something was withheld, so a clinician knows to ask.',
  itemsKeys: 'The list is one stop for the Tab key: arrow keys move through it, Page Up and Page Down jump between kinds.',
  hiddenBefore: (n: number, formatted: string, who: string) =>
    plural('en', n, { one: `1 item you hid from ${who} before starts hidden.`, other: `${formatted} items you hid from ${who} before start hidden.` }),
  privateHidden: 'Items the records mark as private start hidden. To share one, press its Hide button again.',
  hiddenUnlisted: (who: string) =>
    `You hid items from ${who} before, in a share they can edit. Which ones is not kept, since they could read it, so nothing starts hidden: check that nothing you hid from them is shared now.`,
  hide: 'Hide',
  hideItem: (label: string, date: string) => (date ? `Hide ${label}, ${date}` : `Hide ${label}`),
  hideAll: 'Hide all',
  hideGroup: (typeHeading: string, _n: number, formatted: string) => `Hide all ${typeHeading.toLowerCase()} (${formatted})`,
  hiddenTag: 'hidden, flagged',
  shareGroup: (typeHeading: string, _n: number, formatted: string) => `Share all ${typeHeading.toLowerCase()} (${formatted})`,
  showGroupItems: (_n: number, formatted: string) => `Show the ${formatted} items one by one`,
  noLabel: '(no description)',
  nothingChosen: 'Choose at least one item to share.',
  discloseLegend: '3. If you hide items, the flag tells them',
  disclose: (d: Disclosure) => (d === 'flag' ? 'only that something is hidden' : d === 'count' ? 'how many' : 'how many and of which kind'),
  roleLegend: '4. They',
  role: (r: Role) => (r === 'viewer' ? 'can view' : 'can view and share with others'),
  roleEditorHelp: 'Someone who can share may also add and remove people on this shared record.',
  expiryLabel: '5. Until (optional)',
  expiryHelp: 'Written into the share as your terms. Storage servers that honour end dates stop giving the share out after that day, but not all do: once it ends, your list of who has access offers to revoke it.',
  expiryPast: 'Choose a date from today on.',
  purposeLabel: '6. Purpose (optional)',
  review: 'Review',
  back: 'Back',
  previewTitle: (who: string) => `What ${who} will be able to open`,
  previewItems: (n: number, formatted: string) => plural('en', n, { one: '1 shared item:', other: `${formatted} shared items:` }),
  previewHidden: (n: number, formatted: string) =>
    n === 0 ? 'Nothing is hidden, so there is no flag.' : plural('en', n, { one: '1 hidden item is left out.', other: `${formatted} hidden items are left out.` }),
  previewIdentity: 'Your name and personal details go with what you share, so they know whose health information it is. They cannot be hidden.',
  mentionsTitle: (n: number, formatted: string) => plural('en', n, { one: '1 shared item still mentions what you hid', other: `${formatted} shared items still mention what you hid` }),
  mentionsHelp: 'A visit’s reason, a clinical note or a bill can name a hidden item. Hide them too, or share them knowing this. Items that only hint at it (an X-ray of the same body part) are not found: check the list below.',
  mentionItem: (item: string, hidden: string) => `${item}, which mentions “${hidden}”`,
  hideMentions: (n: number, formatted: string) => plural('en', n, { one: 'Hide it too', other: `Hide these ${formatted} too` }),
  mentionsUnchecked: 'This share is too large to check every item for mentions of what you hid. Look through the list below before you share.',
  flagTells: (d: Disclosure, n: number, formatted: string, kinds: string) =>
    d === 'flag'
      ? 'The flag will tell them only that something was withheld: not how much, not what.'
      : d === 'count'
        ? `The flag will tell them that ${plural('en', n, { one: '1 item was', other: `${formatted} items were` })} withheld, but not of which kind.`
        : `The flag will tell them that ${plural('en', n, { one: '1 item was', other: `${formatted} items were` })} withheld: ${kinds}.`,
  flagKind: clinicianKind('en'),
  inYourWords: (flagWords: string, yours: string) => `${flagWords} (in your words: ${yours})`,
  previewRole: (r: Role) => (r === 'viewer' ? 'They can view it.' : 'They can view it and share it with others (add and remove people).'),
  previewUntil: (date: string) => `Until ${date}: your stated terms. Revoke access to end it.`,
  previewNoEnd: 'No end date: access lasts until you revoke it.',
  previewPurpose: (purpose: string) => `Purpose: ${purpose}`,
  previewNoPurpose: 'No purpose stated.',
  flagCarried: 'Some items were withheld from what you received. They will be told so too.',
  previewConsent: 'The share also carries a consent note recording these terms.',
  revokeWarning: 'You can revoke it later: they can then no longer open it from the storage servers. Anything they already opened, downloaded or copied stays with them.',
  undoHint: 'Wrong person or wrong items? Revoke it now in your list of who has access. What they may already have opened stays with them.',
  confirm: (who: string) => `Share with ${who}`,
  waitShare: 'Your signer will be asked once, to sign the shared record.',
  preparing: 'Preparing it for your signer. Nothing has been shared or sent yet.',
  publishing: (n: number, formatted: string) => plural('en', n, { one: 'Sending to 1 storage server…', other: `Sending to ${formatted} storage servers…` }),
  shared: (who: string, _ok: number, total: number, okText: string, totalText: string) =>
    `Shared with ${who}. ${plural('en', total, { one: `${okText} of 1 storage server accepted it.`, other: `${okText} of ${totalText} storage servers accepted it.` })}`,
  relayNothing: 'No storage server accepted it. Nothing was shared or sent; you can try again.',
  sendingOn: 'Stopped waiting for your signer. Sending it on to the storage servers that did not ask you to sign in…',
  stoppedNothingOut: (share: boolean) =>
    `You stopped waiting for your signer and no storage server took it, so nothing was sent: ${share ? 'the share is not in effect' : 'your answer was not delivered'}. You can try again.`,
  notEverywhere: 'Not every storage server took it. It is in effect from the ones that did; send it to the others too, so that it is kept on all of them.',
  partial: (pieces: PieceState[], who: string) => {
    const name = (p: PieceState) =>
      ({ share: `the shared record for ${who}`, answer: `your answer to ${who}`, copy: 'your own copy of the answer' })[p.name];
    const part = (p: PieceState) => (p.total > 1 && p.sent > 0 ? `${p.sent} of ${p.total} parts of ${name(p)}` : name(p));
    const out = pieces.filter((p) => p.sent > 0).map(part);
    const unsure = pieces.filter((p) => p.unsure).map(name);
    const missing = pieces.filter((p) => p.sent + (p.unsure ?? 0) < p.total).map(name);
    return `Only part of this went out. Sent: ${out.join('; ')}.${unsure.length ? ` Maybe sent (the storage servers did not confirm it in time): ${unsure.join('; ')}.` : ''}${missing.length ? ` Not sent yet: ${missing.join('; ')}.` : ''} Finish sending to complete it; nothing is signed again.`;
  },
  unconfirmed: (share: boolean, who: string) =>
    `The storage servers did not confirm it in time, so it may have reached them${share ? `, and ${who} may already be able to open it` : `, and ${who} may already have your answer`}. Finish sending to make sure; nothing is signed again.`,
  finishSending: 'Finish sending',
  leaveHelp: (who: string) =>
    `Or leave it as it is and start a new share. Nothing more is sent, but what already went out stays, and ${who} can open it. A share left unfinished can no longer be finished or taken back.`,
  takeBack: 'Take it back',
  takeBackHelp: (who: string) =>
    `Shared by mistake? Take it back: what already went out is replaced on the storage servers by a copy only you can open, so ${who} can no longer open it there. Whatever they already opened stays with them.`,
  waitTakeBack: 'Your signer will be asked to open the share, to take it back.',
  tookBack: (who: string) => `Taken back: ${who} can no longer open this share from the storage servers. Whatever they already opened stays with them.`,
  takeBackFailed: 'It could not be taken back.',
  takeBackShort: (who: string, went: boolean) =>
    `${went ? 'Only part of the take-back reached the storage servers' : 'No storage server took the change'}: where it did not, ${who} may still open what went out. Take it back again; nothing is signed again.`,
  leaveUnfinished: 'Leave it and start a new share',
  leftUnfinished: (who: string) =>
    `The unfinished share with ${who} was left as it is. What already went out stays, and they can open it.`,
  partialNoDeny: (who: string, maybe?: boolean) =>
    `You approved this request and ${maybe ? `the share may already have reached a storage server, where ${who} could open it` : `part of the share has already reached a storage server, where ${who} can open it`}, so it can no longer be denied. To take access back after sending, revoke the share.`,
  reshared: 'An item you hid from them before would be shared. Hide it, or unhide it yourself to share it.',
  // The stopped states say what this element did not do (nothing was signed, shared or sent).
  refused: 'Your signer declined. Nothing was shared or sent.',
  noKey: (said) => `Your signer has no key ready, so nothing was shared or sent.${noKeyTailEn(said)}`,
  locked: (detail) => `${detail} Nothing was shared or sent.`,
  timedOut: 'Your signer did not answer in time. Nothing was shared or sent; you can try again.',
  relayError: 'Not enough storage servers accepted it. Nothing is final yet; you can try again.',
  cancelled: 'Cancelled. Nothing was signed or sent.',
  stoppedNothingSent: 'Cancelled. Nothing was sent.',
  stoppedWaiting: 'Stopped waiting for your signer. Nothing was shared or sent; you can try again.',
  stoppedReading: 'Stopped waiting for your signer. It may still ask you to confirm; if you do, your records load here.',
  checkRequests: 'Check for requests',
  requestsLost: 'Part of this page could not be loaded, so your requests were not checked. Check your internet connection, then check for requests again.',
  waitRead: 'Your signer will be asked to open your messages (two approvals per message).',
  reading: 'Reading your messages…',
  requestsTitle: 'Requests for your records',
  noRequests: 'No open requests.',
  mailAhead: 'A message to you is dated later than the date and time on this device, so it was not read: this device\'s clock, or the sender\'s, may be wrong.',
  showAllRequests: (n) => `Show all ${n} requests`,
  requestsWaiting: (n: number, formatted: string) => plural('en', n, { one: '1 request is waiting for your answer.', other: `${formatted} requests are waiting for your answer.` }),
  requestSummary: (who: string, types: string) => `${who} asks for ${types}.`,
  requestEnded: (day: string) => `This request ended on ${day}: it can only be denied.`,
  requestEndedNote: (day: string) => `The time they asked for ended on ${day}, so this request can no longer be approved. You can deny it, or cancel to leave it unanswered.`,
  reviewRequest: 'Review and answer',
  reviewRequestFrom: (who: string, types: string, sent: string) => `Review and answer the request from ${who} for ${types}, sent ${sent}`,
  sentNumber: (sent: string, _n: number, _total: number, nText: string, totalText: string) => `${sent} (${nText} of ${totalText})`,
  answerTitle: 'Answer a request for your records',
  whoLabel: 'Who asks',
  invisibleWarning: 'Their name contained hidden characters, which were removed. Check the key with them.',
  whatLegend: 'What they ask for (untick to grant less)',
  whyLabel: 'Why',
  noPurpose: 'No reason given.',
  periodLabel: 'For how long',
  period: (start: string, end: string) => (end ? `From ${start || 'now'} until ${end}` : `From ${start || 'now'}, with no end date`),
  noPeriod: 'No period given.',
  untilLabel: 'Grant until (you can shorten it)',
  untilHelp: 'Written into your answer and the share. Revoke access to end it.',
  untilInvalid: 'Choose a date from today up to the date they asked for.',
  theirNote: 'Their note',
  recordsLegend: 'From which of your records',
  answerItemsLegend: '1. What to share',
  answerDiscloseLegend: '2. If you hide items, the flag tells them',
  nothingAsked: (kinds) => `None of your records holds ${kinds}, so there is nothing to share. You can deny the request, and say why in a reply.`,
  you: 'you',
  noTypesChosen: 'Keep at least one kind of item, or deny the request.',
  unlockToApprove: 'Unlock your records first, then choose what to share from them, or deny the request.',
  replyLabel: 'Your note to them (optional)',
  approve: (n: number, formatted: string) => plural('en', n, { one: 'Review: approve and share 1 item', other: `Review: approve and share ${formatted} items` }),
  approveLocked: 'Review: approve',
  confirmAnswer: (who: string) => `Approve and share with ${who}`,
  deny: 'Deny',
  waitApprove: (_n: number, nText: string) => `Your signer will be asked ${nText} times: once to sign the shared record, then for your answer.`,
  waitAnswer: (n: number, nText: string) =>
    plural('en', n, { one: 'Your signer will be asked once, to sign your answer.', other: `Your signer will be asked ${nText} times, to sign your answer.` }),
  approved: (who: string) => `Approved. ${who} can now open what you granted.`,
  denied: (who: string) => `Denied. ${who} has been told.`,
  historyTitle: 'Your consent history',
  approvedRevoked: (day: string) => `approved; revoked on ${day}`,
  alreadyAnswered: (who: string, approved: boolean, denying: boolean) =>
    approved && denying
      ? `You already approved this request, so it can no longer be denied: ${who} can open what you granted. To take access back, revoke the share.`
      : `You already ${approved ? 'approved' : 'denied'} this request, perhaps in another window. Nothing more was sent.`,
  itemOf: (label: string, patient: string) => `${label} · ${patient}`,
  previewIdentityOf: (names: string[], list: string) =>
    `${names.length === 1 ? `${list}'s name and details go` : `The names and details of ${list} go`} with what you share, so they know whose health information it is. They cannot be hidden.`,
  severalPeople: 'What you chose is about more than one person or animal. Share the records of one at a time.',
  endedMeanwhile: (records: string[]) =>
    !records.length
      ? 'Some of the items offered can no longer be passed on (what you were given of them changed while this was open) and were taken off. Look at what is left before you share.'
      : `${records.length === 1 ? `The share of “${records[0]}” with you` : `The shares of ${records.map((r) => `“${r}”`).join(', ')} with you`} ended while this was open, so their items can no longer be passed on and were taken off. Look at what is left before you share.`,
  expiryUnreadable: 'Choose a date from today on, with a year of 4 digits.',
  previewStillOpen: (who: string, n: number, formatted: string) =>
    `${who} can still open ${plural('en', n, { one: '1 of the items you hide', other: `${formatted} of the items you hide` })}: ${n === 1 ? 'it is' : 'they are'} in something you shared with them before, or in a record they can open. Hiding ${n === 1 ? 'it' : 'them'} here does not take ${n === 1 ? 'it' : 'them'} back: revoke that access to do so.`,
  denyWho: (who: string) => `Deny the request from ${who}`,
  alreadyShared: (who: string) =>
    `${who} can already open records you shared with them before. Denying this request does not take that back; approving it shares again. To end their access, revoke that share.`,
  deniedStillOpen: (who: string) => `Denied. ${who} has been told, but can still open what you shared with them before, until you revoke that share.`,
  requestSent: (sent: string) => `Sent ${sent}.`,
  selfNamed: 'They gave themselves this name; this site does not know them by it, and anyone can choose any name. Check the key with them before you approve.',
  unnamedAsker: 'This site does not know who this is, and they gave no name. Check the key with them before you approve.',
  aboutWhom: 'Whose records',
  aboutWhomHelp: 'These records are about more than one person or animal. One share is about one of them: choose whose records to choose from.',
  aboutYou: 'Yours',
  aboutYourAnimals: 'Your animals',
  species: speciesNamed(speciesWordsEn),
  accountUnconfirmed: 'Your signer did not confirm which account it is using, so nothing more was sent.',
  passingAsker: 'They use a name this site knows for someone else, so that name is not shown. Check the key with them before you approve.',
};

/** English at hand; Spanish (consent-prompt.strings.es.ts) once the page speaks it. */
export const consentPromptStrings = languageTables(en, { es: () => import('./consent-prompt.strings.es.js').then((m) => m.consentPromptStringsEs) });
