/**
 * Large FHIR Bundles for the viewer benchmark, grown from one real (synthetic-patient) export:
 * its one Patient is kept, every other entry is copied round after round with fresh ids (so that
 * references between the copies still resolve within their round) and dates moved back by a
 * different number of days each round (so that the timeline and sort order are not degenerate).
 */
import type { BundleEntry, FhirBundle } from '../components/core/fhir/types.js';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const ISO_DATE = /"(\d{4})-(\d{2})-(\d{2})/g;
const DAY_MS = 86_400_000;

/** A copy of `uuid` unique to `round` (the last 8 hex digits carry the round). */
function freshId(uuid: string, round: number): string {
  return round === 0 ? uuid : `${uuid.slice(0, 28)}${round.toString(16).padStart(8, '0')}`;
}

/** `text` with every FHIR date moved back by `days` (times of day and zones kept). */
function shiftDates(text: string, days: number): string {
  if (days === 0) return text;
  return text.replace(ISO_DATE, (_m, y: string, mo: string, d: string) => {
    const t = Date.UTC(Number(y), Number(mo) - 1, Number(d)) - days * DAY_MS;
    return `"${new Date(t).toISOString().slice(0, 10)}`;
  });
}

/**
 * A collection Bundle of exactly `resources` resources (one Patient plus copies of the others).
 * Each round is the source's non-patient entries, as JSON, with ids and dates rewritten.
 */
export function growBundle(source: FhirBundle, resources: number): FhirBundle {
  const entries = source.entry ?? [];
  const patient = entries.find((e) => e.resource.resourceType === 'Patient');
  const others = entries.filter((e) => e !== patient).map((e) => JSON.stringify(e));
  if (!patient || others.length === 0) throw new Error('the source Bundle needs a Patient and other resources');
  const patientId = patient.resource.id ?? '';
  const out: BundleEntry[] = [patient];
  for (let round = 0; out.length < resources; round++) {
    // 13 days a round: 10,000 resources span about six years of extra history.
    const days = round * 13;
    for (const json of others) {
      if (out.length >= resources) break;
      const text = shiftDates(json.replace(UUID, (u) => (u === patientId ? u : freshId(u, round))), days);
      out.push(JSON.parse(text) as BundleEntry);
    }
  }
  return { resourceType: 'Bundle', type: 'collection', entry: out };
}
