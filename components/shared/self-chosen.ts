/**
 * Self-chosen names that pass for someone: kept apart from identity.ts so that only the elements
 * at consent moments (the consent prompt, the access list, the picker) carry it, not the record page.
 */
import { cleanName, type KnownNames } from './identity.js';
import { fold } from '../core/fold.js';

/** What reads as a key's fingerprint: `npub1…`, or a run of key letters, an ellipsis, another run. */
const FINGERPRINT = /npub1|[02-9ac-hj-np-z]{4,}\s*\.\.\.\s*[02-9ac-hj-np-z]{4,}/i;

/**
 * A name as a reader tells names apart: as the find fields fold it (compatibility forms, case,
 * accents, invisible marks, look-alike letters make no difference: "Clínica" passes for "Clinica"), and spaces aside.
 */
const folded = (name: string) => fold(name.normalize('NFKC').replace(LOOKS_LATIN, (c) => LATIN.get(c)!)).replace(/\s/g, '').replace(/[l1]/g, 'i');

/**
 * Letters drawn as a Latin one (Cyrillic "С", Greek "Ο", a digit as a letter; I, l and 1 are one):
 * "Нarbor Сlinic" typed in two scripts reads as "Harbor Clinic". Both names are read this way.
 */
const LATIN = new Map(Object.entries({
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', У: 'Y', Ѕ: 'S', І: 'I', Ӏ: 'I', Ј: 'J',
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', ѕ: 's', і: 'i', ј: 'j', ԁ: 'd', һ: 'h', ӏ: 'i',
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X', ο: 'o', ν: 'v', ι: 'i',
  '0': 'o',
}));
const LOOKS_LATIN = new RegExp(`[${[...LATIN.keys()].join('')}]`, 'g');

/** Each host table's names, folded once (a host gives a new table to change names, as for any property). */
const foldedTables = new WeakMap<KnownNames, Set<string>>();

/**
 * A self-chosen (profile) name fit to show, '' when it is not: one that carries what reads as a
 * key's fingerprint (the real one stands beside it, and two side by side leave a reader to pick),
 * or one that reads as a name the host vouches for (`tables`: a key the host names is shown by the
 * host's name, so a profile name that matches is someone else passing for them).
 */
export function selfChosen(name: string | undefined, ...tables: (KnownNames | undefined)[]): string {
  if (!name || FINGERPRINT.test(name.normalize('NFKC'))) return '';
  const mine = folded(name);
  for (const table of tables) {
    if (!table) continue;
    let known = foldedTables.get(table);
    if (!known) foldedTables.set(table, (known = new Set(Object.values(table).map((n) => folded(cleanName(n))))));
    if (known.has(mine)) return '';
  }
  return name;
}
