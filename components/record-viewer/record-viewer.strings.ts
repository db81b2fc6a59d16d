/**
 * Built-in strings of `<nip82-record-viewer>`, English here and Spanish in its language pack
 * (record-viewer.strings.es.ts); each is overridable through `.strings`. Section headings and kinds
 * of items come from the kit's one vocabulary (shared/vocabulary.ts): the patient's words by
 * default, as the consent prompt says them, and the clinician's words (as the hidden-item flag says
 * them) for `audience="clinician"`, who also reads of the records shared with them, not of their own.
 */
import type { Language } from '../shared/strings.js';
import type { SignInFailure } from '../core/relay/client.js';
import { languageTables } from '../shared/language-packs.js';
import { errorDetailEn, recordFailureEn, type ErrorDetail, type RecordFailureReason } from '../shared/error-details.js';
import { plural } from '../shared/plural.js';
import { clockOffEn, noKeyTailEn, stateStringsEn } from '../shared/state-strings.js';
import { kindHeading, kindLabel, loadVocabulary, type Audience } from '../shared/vocabulary.js';
import { codeWordFrom, codeWordsEn, type CodeSet } from './code-words.js';
import type { SectionKey } from './fhir-summary.js';

/**
 * The words only the parts fetched later say (record-extras.strings.ts): not in the English table
 * the viewer loads with, added to it when those parts arrive (addLateStrings).
 */
export type LateKey = 'relayReport' | 'failureLine' | 'moreFailures' | 'recordsLeft' | 'attachmentRemote' | 'shortened' | 'eyeRight' | 'eyeLeft' | 'lensCaption'
  | 'lensEye' | 'lensProduct' | 'lensSphere' | 'lensCylinder' | 'lensAxis' | 'lensAdd' | 'lensPrism' | 'attachmentInline' | 'downloadName'
  | 'attachmentText' | 'deletedByOwner';

/** Per FHIR unit of time: "a day" (once a day) and "days" (every 2 days). */
const TIME_UNITS_EN: Record<string, [string, string]> = {
  s: ['a second', 'seconds'], min: ['a minute', 'minutes'], h: ['an hour', 'hours'], d: ['a day', 'days'],
  wk: ['a week', 'weeks'], mo: ['a month', 'months'], a: ['a year', 'years'],
};

/** The kind of item in the kit's vocabulary that names each section ("other" holds many kinds: it is the viewer's own words). */
export const SECTION_KINDS = {
  patient: 'Patient',
  allergies: 'AllergyIntolerance',
  problems: 'Condition',
  // Prescriptions and medications taken: both are medications.
  medications: 'Medication',
  immunizations: 'Immunization',
  results: 'Observation',
  vitals: 'Observation/vital-signs',
  procedures: 'Procedure',
  encounters: 'Encounter',
  documents: 'DocumentReference',
  vision: 'VisionPrescription',
} as const satisfies Record<Exclude<SectionKey, 'other'>, string>;

type KindSection = keyof typeof SECTION_KINDS;
type SectionStrings = { [K in KindSection as `section_${K}`]: string };

export interface RecordViewerStrings {
  introMine: string;
  introOne: string;
  unlockMine: string;
  unlockOne: string;
  retry: string;
  waitingSigner: string;
  /** {@link waitingSigner} when one record is unlocked (from a link): the signer is asked once. */
  waitingSignerOne: string;
  searchingRelays: string;
  /** While a large Bundle handed in is described, before it shows (`formatted`: `count` as the page writes numbers). */
  preparing: (count: number, formatted: string) => string;
  /**
   * While records are unlocked: the one under way and how many in all, written as the page writes
   * numbers; the numbers themselves follow, for a language whose words change with them.
   */
  unlocking: (done: string, total: string, doneCount: number, totalCount: number) => string;
  unlockingLabel: string;
  /** The records unlocked. `countText`: `count` as the page's language writes numbers ("1,050"); `count` chooses the plural form (so in each string below given a `countText`). */
  /** `shared`, `sharedText`: the copies of what the user shared, opened with their records (one prompt each). */
  opened: (count: number, countText: string, shared?: number, sharedText?: string) => string;
  noneFound: string;
  /** Instead of `noneFound` for one record by address: what may have happened, and whom to ask. */
  notFound: string;
  /** One record by address, whose address is cut short, damaged or not a record's: whom to ask. */
  badLink: string;
  /** Instead of `badLink` when the address given holds links to more than one record: none is opened. */
  severalLinks: string;
  noSigner: string;
  /** Instead of `noSigner` inside a `<nip82-session>` nobody is signed in to. */
  signInFirst: string;
  refused: string;
  /** The signer has no key ready (see the same key of the other elements); `said`: its own answer, '' for none. */
  noKey: (said: string) => string;
  /**
   * The signer extension is locked. `detail`: the `errorDetail` words for it (a host's own
   * included), followed by what did not happen, as the viewer's other stops at the signer say.
   */
  locked: (detail: string) => string;
  timedOut: string;
  relayError: string;
  /**
   * Records unlocked could not be shown: a part of the page they need (the hidden-item flag) could
   * not be fetched (a lost connection). `retry` fetches it again. Records handed in by the page
   * have no `retry`: theirs is `partLostReload`.
   */
  partLostRetry: string;
  /** Records handed in by the page could not be shown for a part not fetched: no button here fetches it again, a reload does. */
  partLostReload: string;
  /**
   * Parts fetched once the reader needs them, when the fetch failed: what did not happen, and how
   * to try again. `partRetry` (the button beside them) fetches the part again: a browser fetches a
   * failed part anew when asked again, so no reload is needed. The search, once the reader typed.
   */
  searchLost: string;
  /** Download pressed: nothing was saved. `button`: the Download button's words (`exportJson`), pressed again to try again. */
  downloadLost: (button: string) => string;
  /** A lens table, an attached file, or the notes on what a load could not open or read: not shown. */
  extrasLost: string;
  /** The records' original text, asked for with `showNarratives`: not shown. */
  narrativeLost: string;
  /** The button beside `searchLost`, `extrasLost` and `narrativeLost`: fetches the parts again and shows what they were for. */
  partRetry: string;
  /** The page's relay list holds no usable address (code `invalid-url`): only the site's team can fix it. */
  badStorageSettings: string;
  badData: string;
  /** The detail line under a failure, from the error's code and the core's (English) message. */
  errorDetail: ErrorDetail;
  cancelled: string;
  /** A download or print found the signer using another account: the last person's records were closed, nothing of theirs saved or printed. */
  accountChanged: string;
  /** While the signer is asked which account it uses, before a download or print. */
  checkingAccount: string;
  /** Over the list of records that could not be opened (the status line when none opened): how many (`countText` written, as in `opened`). */
  someFailed: (count: number, countText: string) => string;
  relayReport: (relay: string, status: string) => string;
  /**
   * What one storage server did with the search. `signIn`, with `auth-required` (it asked the user
   * to sign in, and they were not signed in): `declined`, the user said no at their signer (or
   * stopped waiting); `failed`, the sign-in did not go through; absent, they were signed in and it
   * still let nothing be read.
   */
  relayStatus: (status: string, signIn?: SignInFailure) => string;
  /**
   * Instead of `noneFound` or `relayError` when a storage server asked the user to sign in and they
   * were not signed in there, so it was not searched: `signIn` as in `relayStatus`.
   */
  notSignedIn: (signIn: SignInFailure | undefined) => string;
  /** After `notSignedIn`, when the server refused the sign-in for its time: this device's clock may be wrong. */
  clockOff: string;
  /** While the user's signer asks them to sign a storage server's sign-in, before it is searched (it may wait minutes). */
  waitSignIn: string;
  /** The button offered meanwhile: stops asking, and the search goes on without that server. */
  stopWaiting: string;
  /** Why records could not be opened, in plain words per error code (never the core's message). */
  failureReason: RecordFailureReason;
  /** One line of the list of records that could not be opened: a reason, and how many records it stopped (`countText` written, as in `opened`). */
  failureLine: (reason: string, count: number, countText: string) => string;
  /** Closes that list when more reasons than it shows stopped records: how many records those are. */
  moreFailures: (count: number, countText: string) => string;
  /** Records a load left unopened so as not to ask the signer too often at once (`countText` written, as in `opened`). */
  recordsLeft: (count: number, countText: string) => string;
  /**
   * A load stopped before the user's oldest records: many newer items listing them came first (a
   * load reads a bounded number, newest first). The button (`openMore`) looks further back.
   */
  recordsOlder: string;
  /** The button that opens them, or looks further back. */
  openMore: string;
  /** One item's kind ("Vaccination"), from its FHIR resource type: shown for an item without a name, and as its kind. */
  kind: (type: string) => string;
  /**
   * A FHIR code of a known value set (a status, "AMB", "male") in words; a code it does not know, as
   * written. For a unit (`unit`, `unitOne`), `count` is the number it follows, so a language with
   * more plural forms than one and other picks its own ("2 lata", "5 lat").
   */
  codeWord: (set: CodeSet, code: string, count?: number) => string;
  /**
   * How often a dose is taken: `frequency` times every `period` `unit` (a FHIR unit code: s, min,
   * h, d, wk, mo, a), each number also as the page writes it ("0,5"). "Twice a day".
   */
  dosageTiming: (frequency: number, period: number, unit: string, frequencyText: string, periodText: string) => string;
  searchLabel: string;
  viewLabel: string;
  viewSummary: string;
  viewTimeline: string;
  showNarratives: string;
  print: string;
  /** In the status line while a printout's items are rendered, before the print dialog opens (`formatted`: `count` as the page writes numbers). */
  printPreparing: (count: number, formatted: string) => string;
  exportJson: string;
  filterLegend: string;
  sectionCount: (label: string, count: string) => string;
  /** How many items are shown of how many, written; then the numbers themselves, for a language whose words change with them ("z 1 elementu", "z 5 elementów"). */
  showing: (shown: string, total: string, shownCount: number, totalCount: number) => string;
  /** `showing` while a search has not looked at every item yet (it goes on a slice at a time). */
  stillSearching: (showing: string) => string;
  /** The button under a long list: how many more it shows and how many are not shown, written; then the numbers themselves. */
  showMore: (step: string, left: string, stepCount: number, leftCount: number) => string;
  /** Printed only, under a list that goes on: how many items are not on paper (`left` formatted), and that `print` (the button's label) prints them all. */
  notPrinted: (count: number, left: string, print: string) => string;
  noMatches: string;
  /** In place of `noMatches` when no search is typed: the filters (kinds hidden, entered in error, signed only) left nothing. */
  noneLeft: string;
  emptyRecord: string;
  timelineEmpty: string;
  /** Below the timeline: matching items without a date, which it cannot place. */
  undatedNotOnTimeline: (count: number, formatted: string) => string;
  /** A record's heading among several: the `index`th of `total`, each also as the page's language writes numbers (after the numbers). */
  recordHeading: (index: number, total: number, indexText: string, totalText: string) => string;
  bundleHeading: string;
  bundleProvenance: string;
  authorLabel: string;
  /** In place of `authorLabel` on a share: the one who passed its items on, not who wrote them. */
  sharerLabel: string;
  /** Beside the author's name and npub: the signature was checked (it says nothing of the name, which is self-chosen). */
  verified: string;
  unverified: string;
  /** The author's signature holds, but it was given for another record (perhaps an older version). */
  notBound: string;
  /** Parts of the record are missing, so whoever wrote it cannot be confirmed yet. */
  authorUnchecked: string;
  /** Label of when the author signed the content (shown when it differs from when the record was saved). */
  signedLabel: string;
  savedLabel: string;
  roleLabel: string;
  roleEditor: string;
  roleViewer: string;
  /** Only `have` of the record's `total` parts were found; each also as the page's language writes numbers (after the numbers). */
  partsMissing: (have: number, total: number, haveText: string, totalText: string) => string;
  /** On a share the reader made: what they hid from its recipient (the flag itself is for recipients). */
  /** `hiddenText`: `hidden` as the page's language writes numbers ("1,050"; '' when the share does not say how many). */
  youHid: (hidden: number | undefined, who: string, hiddenText: string) => string;
  /**
   * An item whose signer's signature holds and which is unchanged since: who, and the day they
   * signed. `name` is the host's name for the signer, else their profile name with the short npub
   * beside it (`Name (npub1…)`), else the short npub: a profile name is self-chosen, so it never
   * comes alone. What was checked is the signature, not the name.
   */
  itemSigned: (name: string, date: string) => string;
  /** An item nobody but whoever passed it on vouches for (e.g. the patient added it to a share); `name` as in `itemSigned`. */
  itemAddedBy: (name: string) => string;
  /** An item that differs from what its signer signed; `name` as in `itemSigned`. */
  itemChanged: (name: string) => string;
  /** An item as its signer signed it, but for a patient that signature does not cover here (moved from another's record, or the patient's details changed since it was signed); `name` as in `itemSigned`. */
  itemOtherPatient: (name: string) => string;
  /** An item nobody signed, in a record where others are signed. */
  itemUnsigned: string;
  /**
   * The filter keeping only items whose signature holds and whose signer is neither the patient
   * (or a pet's owner) nor, on a record that names no patient, its author: whether a signer is a
   * clinician the viewer cannot know, so the label says only what the filter does.
   */
  signedOnly: string;
  /** `signedOnly` when every record shown is an animal's: the one left out is its owner. */
  signedOnlyOwner: string;
  shareEnded: (day: string | undefined) => string;
  shareUntil: (day: string) => string;
  /** A period the record gives only an end for ("until Jan 1, 2023"). */
  onlyUntil: (end: string) => string;
  enteredInError: string;
  /** Heading of a section's items no longer current (resolved, inactive, stopped), listed after the current ones. */
  pastItems: string;
  /** The title of an item that names nothing: its kind (`kind`). */
  unnamed: (kind: string) => string;
  narrativeLabel: (title: string) => string;
  /** Shown above a narrative: it is the record's own text, as its author wrote it. */
  narrativeOwnWords: string;
  attachmentRemote: string;
  attachmentText: string;
  shortened: string;
  eyeRight: string;
  eyeLeft: string;
  lensCaption: string;
  lensEye: string;
  lensProduct: string;
  lensSphere: string;
  lensCylinder: string;
  lensAxis: string;
  lensAdd: string;
  lensPrism: string;
  // Sections (see SECTION_KINDS; the built-ins come from the kit's vocabulary)
  section_patient: string;
  section_allergies: string;
  section_problems: string;
  section_medications: string;
  section_immunizations: string;
  section_results: string;
  section_vitals: string;
  section_procedures: string;
  section_encounters: string;
  section_documents: string;
  section_vision: string;
  section_other: string;
  // Fact labels
  fact_status: string;
  fact_clinicalStatus: string;
  fact_verification: string;
  fact_criticality: string;
  fact_severity: string;
  fact_category: string;
  fact_reaction: string;
  fact_onset: string;
  fact_resolved: string;
  fact_recorded: string;
  fact_dosage: string;
  fact_intent: string;
  fact_prescriber: string;
  fact_reason: string;
  fact_date: string;
  fact_value: string;
  fact_interpretation: string;
  fact_range: string;
  fact_performer: string;
  fact_lot: string;
  fact_site: string;
  fact_route: string;
  fact_location: string;
  fact_period: string;
  fact_type: string;
  fact_attachment: string;
  fact_birthDate: string;
  fact_gender: string;
  fact_species: string;
  fact_breed: string;
  fact_resourceType: string;
  fact_author: string;
  fact_outcome: string;
  fact_notAvailable: string;
  fact_note: string;
  fact_provider: string;
  fact_died: string;
  fact_conclusion: string;
  fact_results: string;
  fact_activities: string;
  fact_members: string;
  fact_total: string;
  fact_contact: string;
  /** A record's heading (`recordHeading` or `bundleHeading`) with whom it is about: the names of its patients, listed ("Rex and Mia"). */
  recordAbout: (heading: string, names: string) => string;
  /** Beside an item among items of several patients: whose it is (`name` as the record gives it). */
  itemOf: (name: string) => string;
  /** A period the record gives only a start for ("from Jan 15, 2020"): still going, not one day. */
  onlyFrom: (start: string) => string;
  /** The author's signature holds but names no record (another app's): who wrote it is sure, not that it is their latest version. */
  authorUnnamed: string;
  /** A record the reader had open whose access its author took back since: it is shown no longer. `name` is its author's, as shown. */
  takenBack: (name: string) => string;
  /**
   * A name that stands for more than one person or pet among the records shown (two dogs called
   * Max), told apart by whose it is: `whose` is the owner's name for a pet (`animal`), else the
   * person's own key or the host's name for them.
   */
  nameApart: (name: string, whose: string, animal: boolean) => string;
  /** How `nameApart` tells apart two people of one name when their birth dates differ: `date` is one's, as the page writes dates. */
  bornOn: (date: string) => string;
  /** A patient's own phone numbers, email addresses, address and the languages they speak, on their card. */
  fact_phone: string;
  fact_email: string;
  fact_address: string;
  fact_language: string;
  /** A device's identifiers as a recall asks for them, and when it was made and expires. */
  fact_udi: string;
  fact_serial: string;
  fact_made: string;
  fact_expires: string;
  /**
   * On a record whose author signed a new version of its content while the viewer showed it (a
   * correction): what is shown now is that version, signed on `day`.
   */
  changedWhileOpen: (day: string) => string;
  /** Printed only, above a list a search narrowed (the search box is not printed): the words searched for, as typed. */
  printedSearch: (words: string) => string;
  /** Printed only, when the reader unticked sections (the boxes are not printed): those sections' names, as a list. */
  printedLeftOut: (sections: string) => string;
  /** After an attachment's name: a file (a PDF) inside the record itself that the viewer does not open or show. */
  attachmentInline: string;
  /** A record the reader had open that its owner deleted (or moved where the reader has no access) since: it is shown no longer. `name` is its author's, as shown. */
  deletedByOwner: (name: string) => string;
  /**
   * The name of a downloaded record's file: `id` (a short key, or empty) tells records apart without
   * health data; `whole` is false when parts of the record were not found. Keep to letters, digits and dashes.
   */
  downloadName: (id: string, whole: boolean) => string;
}

/** Section headings ("Vaccinations") from the kit's vocabulary, in `audience`'s words. */
function sectionNames(lang: Language, audience: Audience): SectionStrings {
  return Object.fromEntries(Object.entries(SECTION_KINDS).map(([key, kind]) => [`section_${key}`, kindHeading(lang, kind, audience)])) as SectionStrings;
}

/** The strings that depend on who reads: section headings and kinds of items. */
export type AudienceStrings = SectionStrings & Pick<RecordViewerStrings, 'kind'>;

/**
 * Where the patient reads of their own records ("Unlock my records"), a clinician (a clinic's
 * staff, a kennel) reads of the records patients shared with them.
 */
export type RecipientStrings = Pick<RecordViewerStrings, 'introMine' | 'unlockMine' | 'searchingRelays' | 'pastItems'>;

const recipientEn: RecipientStrings = {
  introMine: 'The records shared with you are encrypted. Unlock them to read them here; your signer will be asked once per record.',
  unlockMine: 'Unlock the records shared with you',
  searchingRelays: 'Looking for the records shared with you on your storage servers…',
  pastItems: 'Inactive or ruled out',
};

/** The strings that depend on who reads, from the kit's vocabulary in `lang`. */
function audienceStrings(lang: Language, audience: Audience): AudienceStrings {
  return { ...sectionNames(lang, audience), kind: (type) => kindLabel(lang, type, audience) };
}

const en: Omit<RecordViewerStrings, LateKey> = {
  introMine: 'Your records are encrypted. Unlock them to read them here; your signer will be asked once for each of your records and each one you shared.',
  introOne: 'This record is encrypted. Unlock it to read it here; your signer will be asked once.',
  unlockMine: 'Unlock my records',
  unlockOne: 'Unlock this record',
  retry: 'Try again',
  waitingSigner: 'Waiting for your signer: it will be asked to unlock each record and each one you shared (once each).',
  waitingSignerOne: 'Waiting for your signer: it will be asked once, to unlock this record.',
  searchingRelays: 'Looking for your records on your storage servers…',
  preparing: (count, formatted) => plural('en', count, { one: 'Preparing 1 item…', other: `Preparing ${formatted} items…` }),
  unlocking: (done, total) => `Unlocking ${done} of ${total}…`,
  unlockingLabel: 'Unlocking records',
  opened: (count, countText, shared = 0, sharedText = String(shared)) =>
    `${plural('en', count, { one: '1 record unlocked', other: `${countText} records unlocked` })}${shared ? `, and ${sharedText} you shared` : ''}.`,
  noneFound: 'No records were found for you on these storage servers.',
  notFound: 'This record was not found. It may have been deleted, or be kept on a storage server this page does not use: ask whoever shared it with you.',
  badLink: 'This link does not lead to a health record: it may be cut short or copied wrongly. Ask whoever sent it to send it again.',
  severalLinks: 'This text holds links to more than one record, so none was opened. Ask whoever sent it to send only the one they meant.',
  noSigner: stateStringsEn.noSigner,
  signInFirst: 'You are not signed in. Sign in to see your records.',
  refused: 'Your signer declined to unlock the records. Nothing was opened.',
  noKey: (said) => `Your signer has no key ready, so nothing was opened.${noKeyTailEn(said)}`,
  locked: (detail) => `${detail} Nothing was opened.`,
  timedOut: 'Your signer did not answer in time. Check that it is open and unlocked, then try again.',
  relayError: 'The storage servers could not be reached. Check your internet connection, then try again.',
  partLostRetry: 'Part of this page could not be loaded, so your records are not shown. Check your internet connection, then try again.',
  partLostReload: 'Part of this page could not be loaded, so these records are not shown. Check your internet connection, then reload the page.',
  searchLost: 'Part of this page could not be loaded, so the search did not run. Check your internet connection, then try again.',
  downloadLost: (button) => `Part of this page could not be loaded, so no copy was downloaded. Check your internet connection, then press “${button}” again.`,
  extrasLost: 'Part of this page could not be loaded, so some details on this page are not shown, such as tables or attached files. Check your internet connection, then try again.',
  narrativeLost: 'Part of this page could not be loaded, so the original text of these records is not shown. Check your internet connection, then try again.',
  partRetry: 'Try again',
  badStorageSettings: stateStringsEn.badStorageSettings,
  badData: 'This record could not be read.',
  errorDetail: errorDetailEn,
  cancelled: 'Unlocking was cancelled. Nothing was opened.',
  accountChanged: stateStringsEn.accountChanged,
  checkingAccount: stateStringsEn.checkingAccount,
  someFailed: (count, countText) => plural('en', count, { one: '1 record could not be opened:', other: `${countText} records could not be opened:` }),
  relayStatus: (status, signIn) =>
    status === 'auth-required'
      ? `asked you to sign in${signIn ? `; ${signIn === 'failed' ? 'the sign-in did not go through' : 'you did not'}, so nothing there was looked at` : ', and let nothing be read'}`
      : ({ complete: 'answered', incomplete: 'sent only part of what it holds', closed: 'closed the request', timeout: 'did not answer in time', unreachable: 'could not be reached' })[status] ?? status,
  notSignedIn: (signIn) => `A storage server ${en.relayStatus('auth-required', signIn)}.`,
  clockOff: clockOffEn,
  // The words the consent prompt and the access list say (action-state-strings.ts, not loaded with the viewer).
  waitSignIn: stateStringsEn.waiting('A storage server asks you to sign in first.'),
  stopWaiting: 'Stop waiting',
  failureReason: recordFailureEn,
  recordsOlder: 'Some of your records may not have been checked yet: many newer items came first. Open more records to look further back.',
  openMore: 'Open more records',
  ...audienceStrings('en', 'patient'),
  codeWord: codeWordFrom(codeWordsEn),
  dosageTiming: (frequency, period, unit, frequencyText, periodText) => {
    const times = frequency === 1 ? 'once' : frequency === 2 ? 'twice' : `${frequencyText} times`;
    const words = Object.hasOwn(TIME_UNITS_EN, unit) ? TIME_UNITS_EN[unit]! : undefined;
    if (!words) return `${times} every ${periodText} ${unit}`;
    return period === 1 ? `${times} ${words[0]}` : `${times} every ${periodText} ${words[1]}`;
  },
  searchLabel: 'Search these records',
  viewLabel: 'View',
  viewSummary: 'Summary',
  viewTimeline: 'Timeline',
  showNarratives: 'Show original text',
  print: 'Print',
  printPreparing: (count, formatted) => plural('en', count, { one: 'Preparing 1 item for printing…', other: `Preparing ${formatted} items for printing…` }),
  exportJson: 'Download a copy',
  filterLegend: 'Sections to show',
  sectionCount: (label, count) => `${label} (${count})`,
  showing: (shown, total) => `Showing ${shown} of ${total} items`,
  stillSearching: (showing) => `${showing}, still searching…`,
  showMore: (step, left) => `Show ${step} more (${left} not shown)`,
  notPrinted: (count, left, print) =>
    plural('en', count, { one: `1 more item is not in this printout: use the ${print} button.`, other: `${left} more items are not in this printout: use the ${print} button.` }),
  noMatches: 'Nothing matches this search.',
  noneLeft: 'Nothing is left to show with the filters chosen.',
  emptyRecord: 'This record has no items.',
  timelineEmpty: 'No dated items to show.',
  undatedNotOnTimeline: (count, formatted) =>
    plural('en', count, { one: '1 item has no date, so it is not on the timeline. The summary lists it.', other: `${formatted} items have no date, so they are not on the timeline. The summary lists them.` }),
  recordHeading: (_index, total, indexText, totalText) => (total > 1 ? `Record ${indexText} of ${totalText}` : 'Health record'),
  bundleHeading: 'Health record',
  bundleProvenance: 'Provided directly by this page: there is no signature to say who wrote it.',
  authorLabel: 'Author',
  sharerLabel: 'Shared by',
  verified: 'signature checked',
  unverified: 'Unverified author: the signature of whoever wrote this record does not check out. Treat its contents with care.',
  authorUnchecked: 'Author not confirmed: parts of this record are missing, so the signature of whoever wrote it cannot be checked yet. Treat its contents with care.',
  notBound: 'Not confirmed as current: its author signed this for another record, perhaps an earlier version that was corrected since. Check the date it was signed.',
  signedLabel: 'Signed by the author',
  savedLabel: 'Saved',
  roleLabel: 'Your access',
  roleEditor: 'editor (can change it)',
  roleViewer: 'viewer (read only)',
  shareEnded: (day) =>
    `This share ended${day ? ` on ${day}` : ''}. It shows the record as it was then, not as it is now.`,
  shareUntil: (day) => `Shared with you until ${day}.`,
  onlyUntil: (end) => `until ${end}`,
  partsMissing: (_have, _total, haveText, totalText) => `Only ${haveText} of ${totalText} parts of this record were found: some items may be missing.`,
  youHid: (hidden, who, hiddenText) =>
    hidden === undefined ? `You hid some items from ${who}.` : plural('en', hidden, { one: `You hid 1 item from ${who}.`, other: `You hid ${hiddenText} items from ${who}.` }),
  itemSigned: (name, date) => `from ${name} · signed ${date} · signature checked`,
  itemAddedBy: (name) => `added by ${name}`,
  itemChanged: (name) => `changed after ${name} signed it`,
  itemOtherPatient: (name) => `signed by ${name}, but for a patient whose details differ from these`,
  itemUnsigned: 'not signed by anyone',
  signedOnly: 'Only items signed by someone other than the patient',
  signedOnlyOwner: 'Only items signed by someone other than the owner',
  enteredInError: 'Entered in error',
  pastItems: 'No longer current',
  unnamed: (kind) => kind,
  narrativeLabel: (title) => `Original text: ${title}`,
  narrativeOwnWords: 'The record\'s own text, as written by its author:',
  section_other: 'Other items',
  fact_status: 'Status',
  fact_clinicalStatus: 'Clinical status',
  fact_verification: 'Verification',
  fact_criticality: 'Risk of a severe reaction',
  fact_severity: 'Severity',
  fact_category: 'Category',
  fact_reaction: 'Reaction',
  fact_onset: 'Onset',
  fact_resolved: 'Resolved',
  fact_recorded: 'Recorded',
  fact_dosage: 'Dosage',
  fact_intent: 'Intent',
  fact_prescriber: 'Prescriber',
  fact_reason: 'Reason',
  fact_date: 'Date',
  fact_value: 'Value',
  fact_interpretation: 'Interpretation',
  fact_range: 'Reference range',
  fact_performer: 'Performed by',
  fact_lot: 'Lot',
  fact_site: 'Site',
  fact_route: 'Route',
  fact_location: 'Location',
  fact_period: 'Period',
  fact_type: 'Type',
  fact_attachment: 'Attachment',
  fact_birthDate: 'Born',
  fact_gender: 'Gender',
  fact_species: 'Species',
  fact_breed: 'Breed',
  fact_resourceType: 'Kind',
  fact_author: 'Author',
  fact_outcome: 'Outcome',
  fact_notAvailable: 'Not available',
  fact_note: 'Note',
  fact_provider: 'Provider',
  fact_died: 'Died',
  fact_conclusion: 'Conclusion',
  fact_results: 'Results',
  fact_activities: 'Planned care',
  fact_members: 'Members',
  fact_total: 'Total',
  fact_contact: 'Contact',
  recordAbout: (heading, names) => `${heading}: ${names}`,
  itemOf: (name) => `For ${name}`,
  onlyFrom: (start) => `from ${start}`,
  authorUnnamed: "Its author's signature does not say which record it was written for, so it may not be their latest version. Check the date it was signed.",
  takenBack: (name) => `Access to a record shared by ${name} was taken back. What you already saw may have been kept.`,
  nameApart: (name, whose, animal) => (animal ? `${name} (${whose}'s)` : `${name} (${whose})`),
  bornOn: (date) => `born ${date}`,
  fact_phone: 'Phone',
  fact_email: 'Email',
  fact_address: 'Address',
  fact_language: 'Language',
  fact_udi: 'Device identifier',
  fact_serial: 'Serial number',
  fact_made: 'Made',
  fact_expires: 'Expires',
  changedWhileOpen: (day) => `Changed while you had it open: this is the newest version, signed on ${day}. What you read before may have been corrected.`,
  printedSearch: (words) => `Only items matching “${words}”`,
  printedLeftOut: (sections) => `Sections left out: ${sections}`,
};

/** The Spanish tables, in `audience`'s words: section headings come from the vocabulary, loaded alongside. */
async function spanish(audience: Audience): Promise<RecordViewerStrings> {
  const [pack] = await Promise.all([import('./record-viewer.strings.es.js').then((m) => m.recordViewerPackEs), loadVocabulary('es')]);
  const recipient = audience === 'clinician' ? pack.recipient : {};
  return { ...pack.strings, ...recipient, codeWord: codeWordFrom(pack.codeWords), ...audienceStrings('es', audience) };
}

/** The built-in strings, in patient words (the default audience); Spanish once the page speaks it. */
export const recordViewerStrings = languageTables(en as RecordViewerStrings, { es: () => spanish('patient') });

/**
 * The built-in strings for `audience="clinician"`: sections and kinds in the words of the hidden-item
 * flag, and the records are the ones shared with the reader.
 */
export const recordViewerClinicianStrings = languageTables({ ...en, ...recipientEn, ...audienceStrings('en', 'clinician') } as RecordViewerStrings, { es: () => spanish('clinician') });

/**
 * Adds the words of the parts fetched later to both English tables: a new table, so each viewer
 * resolves its strings again (the host's overrides on top, checked as before) at its next render.
 */
export function addLateStrings(late: Pick<RecordViewerStrings, LateKey>): void {
  for (const tables of [recordViewerStrings, recordViewerClinicianStrings] as { en: RecordViewerStrings }[]) tables.en = { ...tables.en, ...late };
}
