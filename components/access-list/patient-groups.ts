/**
 * A clinic's access list holds dozens of patients' records: grouped under each patient's name, in
 * order by name, a clinician finds one patient's records as they would in a chart list. A
 * patient's own records (one person) are one group, which the list shows as it always did.
 */
import type { OpenedRecord } from '../core/nip82/record.js';
import { animalOf, patientOf } from '../core/fhir/patient.js';
import { readGrant } from '../core/nip82/grant.js';
import { humanName } from '../shared/record-text.js';

export interface PatientGroup {
  /** Who the records are about, told apart: by key where a record names one, else by name. */
  key: string;
  /** The patient's name as their newest record gives it; '' when none of them names the patient. */
  name: string;
  /** The key a record names for the patient (an animal's owner), shown beside a name another group bears too. */
  pubkey?: string;
  /** Set when another group bears the same name: two patients of one name are never one group. */
  namesake: boolean;
  /** In the list's order (newest first). */
  records: OpenedRecord[];
}

/**
 * The key a record names for its patient: the subject its author signed, else the patient of the
 * share it is (the Consent the patient signed names them).
 */
const keyOf = (r: OpenedRecord) => r.subject ?? readGrant(r.bundle)?.patient;

/**
 * `records` grouped by patient, in order by name as the page's language sorts (a record naming no
 * patient last). An animal is its own patient (its owner's key is on every pet's record); a record
 * naming no key joins the one patient of its name who has one, else stays with its namesakes.
 */
export function patientGroups(records: readonly OpenedRecord[], lang: string): PatientGroup[] {
  const groups = new Map<string, PatientGroup>();
  const unkeyed: [string, OpenedRecord][] = [];
  for (const r of records) {
    const patient = patientOf(r.bundle);
    const [name, pubkey] = [humanName(patient?.name), keyOf(r)];
    if (!pubkey) {
      unkeyed.push([name, r]);
      continue;
    }
    const key = animalOf(patient) ? `animal ${pubkey} ${name}` : `person ${pubkey}`;
    const group = groups.get(key);
    if (group) {
      group.records.push(r);
      group.name ||= name;
    } else groups.set(key, { key, name, pubkey, namesake: false, records: [r] });
  }
  const sort = new Intl.Collator(lang, { sensitivity: 'base', numeric: true });
  const same = (a: string, b: string) => sort.compare(a, b) === 0;
  for (const [name, r] of unkeyed) {
    const keyed = [...groups.values()].filter((g) => g.pubkey && same(g.name, name));
    const group = keyed.length === 1 ? keyed[0]! : groups.get(`name ${name}`);
    if (group) group.records.push(r);
    else groups.set(`name ${name}`, { key: `name ${name}`, name, namesake: false, records: [r] });
  }
  // A record joined to its patient later keeps its place among theirs: newest first.
  const at = new Map(records.map((r, i) => [r, i]));
  const list = [...groups.values()];
  for (const g of list) g.records.sort((a, b) => at.get(a)! - at.get(b)!);
  for (const g of list) g.namesake = list.some((o) => o !== g && same(o.name, g.name));
  return list.sort((a, b) => +!a.name - +!b.name || sort.compare(a.name, b.name) || (a.pubkey ?? '').localeCompare(b.pubkey ?? '') || a.key.localeCompare(b.key));
}
