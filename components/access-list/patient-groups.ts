/**
 * A clinic's access list holds dozens of patients' records: grouped under each patient's name, in
 * order by name, a clinician finds one patient's records as they would in a chart list. A
 * patient's own records (one person) are one group, which the list shows as it always did. A
 * patient's "What you shared" reads by the same groups: their own shares, each animal's.
 */
import type { OpenedRecord } from '../core/nip82/record.js';
import { animalOf, patientOf } from '../core/fhir/patient.js';
import { readGrant } from '../core/nip82/grant.js';
import { humanName } from '../shared/record-text.js';

export interface PatientGroup {
  /** Who the records are about, told apart: by key where a record names one, else by name. */
  key: string;
  /** The patient's name as their newest record gives it, their own record before others' (see `trust`); '' when none of them names the patient. */
  name: string;
  /**
   * Every name the group's records give the patient, `name` among them: two clinics may spell one
   * patient's name two ways ("Ana María Rivera", "Ana Rivera"), and either finds her.
   */
  names: string[];
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
 * How far a record's name for its patient (key `pubkey`) is to be believed: anyone may write a
 * record naming a patient's key and list the clinic on it. The patient's own first, then the
 * reader's (the clinic wrote it), then anyone's; among equals the newest, as the list comes.
 */
const trust = (r: OpenedRecord, pubkey: string) => (!r.authorVerified ? 0 : r.author === pubkey ? 2 : r.author === r.reader ? 1 : 0);

/**
 * `records` grouped by patient, in order by name as the page's language sorts (a record naming no
 * patient last). An animal is its own patient (its owner's key is on every pet's record); a record
 * naming no key joins the one patient of its name and kind (person, animal) who has one, else stays
 * with its namesakes.
 */
export function patientGroups(records: readonly OpenedRecord[], lang: string): PatientGroup[] {
  const groups = new Map<string, PatientGroup>();
  const unkeyed: [string, 'animal' | 'person', OpenedRecord][] = [];
  // How far the name a group bears is to be believed (see `trust`): a better one replaces it.
  const named = new Map<PatientGroup, number>();
  for (const r of records) {
    const patient = patientOf(r.bundle);
    const [name, pubkey, kind] = [humanName(patient?.name), keyOf(r), animalOf(patient) ? 'animal' : 'person'] as const;
    if (!pubkey) {
      unkeyed.push([name, kind, r]);
      continue;
    }
    const key = kind === 'animal' ? `animal ${pubkey} ${name}` : `person ${pubkey}`;
    let group = groups.get(key);
    if (group) group.records.push(r);
    else groups.set(key, (group = { key, name: '', names: [], pubkey, namesake: false, records: [r] }));
    if (name) group.names.push(name);
    const rank = trust(r, pubkey);
    if (name && rank > (named.get(group) ?? -1)) {
      group.name = name;
      named.set(group, rank);
    }
  }
  // Each spelling once, however many records give it (a set: thousands of one patient's records stay linear).
  for (const g of groups.values()) g.names = [...new Set(g.names)];
  const sort = new Intl.Collator(lang, { sensitivity: 'base', numeric: true });
  // Hundreds of patients at a clinic, grouped again at each keystroke in the search field: names are
  // sorted once and looked up by halves, never each against all (that took seconds at thousands).
  const keyed = [...groups.values()].sort((a, b) => sort.compare(a.name, b.name));
  for (const [name, kind, r] of unkeyed) {
    // A person's record never joins an animal of their name, nor the reverse; a record naming
    // nobody joins no one (nothing says whose it is).
    const named = name ? namesakes(keyed, name, sort).filter((g) => g.key.startsWith(`${kind} `)) : [];
    const key = `name ${kind} ${name}`;
    const group = named.length === 1 ? named[0]! : groups.get(key);
    if (group) group.records.push(r);
    else groups.set(key, { key, name, names: name ? [name] : [], namesake: false, records: [r] });
  }
  // A record joined to its patient later keeps its place among theirs: newest first.
  const at = new Map(records.map((r, i) => [r, i]));
  const list = [...groups.values()];
  for (const g of list) g.records.sort((a, b) => at.get(a)! - at.get(b)!);
  list.sort((a, b) => +!a.name - +!b.name || sort.compare(a.name, b.name) || (a.pubkey ?? '').localeCompare(b.pubkey ?? '') || a.key.localeCompare(b.key));
  // In that order namesakes stand side by side.
  const same = (a: PatientGroup | undefined, b: PatientGroup) => !!a && sort.compare(a.name, b.name) === 0;
  list.forEach((g, i) => (g.namesake = same(list[i - 1], g) || same(list[i + 1], g)));
  return list;
}

/** The groups of `sorted` (in order by name) whose name is `name`, as `sort` compares them: found by halves. */
function namesakes(sorted: readonly PatientGroup[], name: string, sort: Intl.Collator): PatientGroup[] {
  let [low, high] = [0, sorted.length];
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sort.compare(sorted[mid]!.name, name) < 0) low = mid + 1;
    else high = mid;
  }
  let end = low;
  while (end < sorted.length && sort.compare(sorted[end]!.name, name) === 0) end++;
  return sorted.slice(low, end);
}

/**
 * {@link patientGroups} worked out again only when the records held (each the same record, in the
 * same order) or the language change: a key typed in the find field, a name looked up, a dialog
 * opened filter or show the groups made before, never group a clinic's thousands of records again.
 * One per element; {@link forget} lets go of the last user's groups (a sign-out, another user).
 */
export class PatientGroupsMemo {
  private last?: { records: readonly OpenedRecord[]; lang: string; groups: PatientGroup[] };

  groups(records: readonly OpenedRecord[], lang: string): PatientGroup[] {
    const last = this.last;
    if (last && last.lang === lang && sameRecords(last.records, records)) return last.groups;
    // A copy: a list changed in place after this call is not taken for the one grouped.
    this.last = { records: [...records], lang, groups: patientGroups(records, lang) };
    return this.last.groups;
  }

  forget(): void {
    this.last = undefined;
  }
}

/** Whether two lists hold the same records in the same order. */
export const sameRecords = (a: readonly OpenedRecord[], b: readonly OpenedRecord[]) => a.length === b.length && a.every((r, i) => r === b[i]);
