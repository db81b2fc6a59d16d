/**
 * nip82-elements/core: the framework-free protocol core for NIP-82 medical records.
 * No Lit, no DOM: it runs in browsers and in Node 20 alike.
 * @packageDocumentation
 */
export * from './errors.js';
export type { NostrEvent, EventTemplate, UnsignedEvent } from './events.js';
export { verifiedEvent, isValidSignedEvent, cleanEvent, nowSeconds, eventBytes } from './events.js';
export { forgetSessionMemory, sessionMemorySize } from './memory.js';
export { INTEROP_MAX_PLAINTEXT, type Nip44Policy, nip44Encrypt, nip44Decrypt, conversationKey, nip44PayloadLength } from './crypto.js';

export type { DeadlineHook, Signer } from './signers/signer.js';
export { signChecked } from './signers/signer.js';
export { NIP07_WATCH_MS, hasNip07, nip07Signer, waitForNip07, type Nip07Options, type Nip07Provider } from './signers/nip07.js';
export { AUTH_WAIT_MS, KIT_PERMISSIONS, bunkerSigner, nostrConnect, type RemoteSigner, type RemoteSignerOptions, type NostrConnectOptions, type NostrConnectSession } from './signers/bunker.js';
export { secretKeySigner, type SecretKeySigner } from './signers/secret-key.js';

export * from './nip82/constants.js';
export {
  createRecord,
  openRecord,
  grantAccess,
  revokeAccess,
  updateRecord,
  deleteRecord,
  forgetRecord,
  groupRecords,
  type Role,
  type Participant,
  type OpenedRecord,
  type CreateRecordOptions,
  type OpenRecordOptions,
  type AccessChange,
} from './nip82/record.js';
export { RecordKeyCache } from './nip82/keys.js';
export { VersionTracker, addressOf, newestPerAddress } from './nip82/versions.js';
export { createShare, planShare, readShareNote, type CreateShareOptions, type SharePlan, type ShareNote } from './nip82/share.js';
export {
  attestBundle,
  verifyAttestations,
  verifyAttestationsInSlices,
  discloseEntries,
  isAttestation,
  ATTESTATION_KIND,
  type AttestationRole,
  type AttestOptions,
  type ItemProvenance,
  type ProvenanceReport,
} from './attest/attestation.js';
export { canonicalEntry, entryDigest } from './attest/merkle.js';
export { giftWrap, unwrapGift, unwrapMany, makeRumor, SEAL_KIND, GIFT_WRAP_KIND, type RumorTemplate, type Unwrapped } from './nip82/gift-wrap.js';
export { movedNotices, readMovedNotice, CHAT_MESSAGE_KIND } from './nip82/notices.js';
export {
  createAccessRequest,
  answerRequest,
  readConsentMessages,
  requestEnded,
  isFhirDateTime,
  sendBundle,
  receiveBundles,
  type ConsentMessage,
  type ConsentStatus,
  type AccessRequestOptions,
  type AnswerOptions,
  type SendBundleOptions,
  type ReceivedBundle,
  type ReceiveBundlesOptions,
  NOTE_EXTENSION,
  LARGE_SEND_TAG,
} from './nip82/requests.js';
export { consentHistoryBundle, type ConsentHistoryOptions } from './nip82/consent-export.js';

export { DeclineScope, RelayClient, checkRelays, sortRelays, type RelayClientOptions, type PublishReceipt, type ReceiptStatus, type QueryReport, type SignInFailure } from './relay/client.js';
export { fetchRelayInfo, eventBudget, type RelayInfo } from './relay/info.js';
export { DEFAULT_MAX_CHARS_PER_READ } from './relay/read-budget.js';
export { assertNewest } from './relay/newest.js';
export { refusalKind, type RefusalKind } from './relay/refusal.js';
export { openMovedRecord } from './relay/moved.js';
export { MAX_KEY_TAGS } from './nip82/parts.js';

export type { FhirResource, FhirBundle, BundleEntry, Coding } from './fhir/types.js';
export { readBundle, createBundle, resourcesOf, withoutNulls, ReferenceIndex, uuidUrn } from './fhir/bundle.js';
export { nostrIdentifier, nostrPubkeyOf, patientOf, animalOf, URI_SYSTEM, ANIMAL_EXTENSION } from './fhir/patient.js';
export { speciesCode, SNOMED_SYSTEM } from './fhir/species.js';
export { findMentions, termsOf, type Mention, type MentionReport } from './fhir/mentions.js';
export { isDocument, removeItems, type RemoveItemsInput } from './fhir/document.js';
export { markWithheld, MAX_WITHHELD_ENTRIES_PER_LIST, withheldList } from './fhir/withheld-mark.js';
export {
  readWithheld,
  isWithheldList,
  REDACTED,
  WITHHELD_TITLE,
  type Disclosure,
  type Withheld,
} from './fhir/withheld.js';

export { RecordStore, stopsEverything, MAX_WRAPS_PER_READ, MAX_WRAPS_DOWNLOADED_PER_READ, MAX_RECORD_DECRYPTS_PER_LOAD, MAX_RECORD_EVENTS_PER_LOAD, type RecordStoreOptions, type StoreChange, type OpenFailure, type TakenBack } from './store/record-store.js';
export { shareCopyOf, grantToReader, type ShareCopy, type ShareStatus, type GrantToReader } from './store/share-copies.js';
export { consentHistory, type ConsentEvent } from './store/history.js';
export { describeRecord, type RecordDescription } from './store/record-description.js';
export { readGrant, isGrantConsent, grantExpiration, expirationOf, GRANT_TAG, type Grant, type GrantTerms } from './nip82/grant.js';
export { grantConsent, consentSource } from './nip82/grant-create.js';
