/**
 * NIP-82 records (kind 32225): create, open, grant, revoke, update and delete.
 *
 * A record is one FHIR Bundle under one per-record *sign* key pair (the events' author) and, when
 * there are view-only participants, one *view* key pair. A record too large for one event is split
 * into *parts*: several kind-32225 events under the same keys, each a complete record of a subset
 * of the entries, each with its own random `d`. Key material stays in memory as bytes.
 *
 * This module is the records' public face; the work is done by one module per job:
 *   record-types.ts    what a record, its participants and each operation's options look like
 *   record-create.ts   making a record: signing and sealing its parts (record-split.ts sizes them)
 *   record-events.ts   which fetched events make up a record, and which of them to open
 *   record-open.ts     unlocking and decrypting a record (record-read.ts reads its pieces)
 *   record-change.ts   granting, revoking, moving, updating and deleting
 *   record-secrets.ts  the key store: each opened record's keys, out of the host page's reach
 */
export type { Role, Participant, OpenedRecord, CreateRecordOptions, OpenRecordOptions, AccessChange } from './record-types.js';
export { MAX_EDITOR_NOTE } from './record-types.js';
export { createRecord } from './record-create.js';
export { openRecord } from './record-open.js';
export { groupRecords } from './record-events.js';
export { grantAccess, revokeAccess, updateRecord, deleteRecord } from './record-change.js';
export { forgetRecord } from './record-secrets.js';
export { addressOf } from './versions.js';
