/** A clinic's list at scale, for the access list's tests of thousands of records. */
import { createRecord, openRecord, type OpenedRecord } from '../components/core/nip82/record.js';
import { RelayClient } from '../components/core/relay/client.js';
import { person, recordAbout, silentAt, type Person } from './helpers.js';

/** `patients` patients' records for `clinic`, two each, made from one record shared with the clinic. */
export async function clinicRecords(clinic: Person, patients: number): Promise<OpenedRecord[]> {
  const author = await person();
  const base = await openRecord(await createRecord({ bundle: recordAbout('Patient 0', 'Flu'), author: author.signer, participants: [{ pubkey: clinic.pubkey, role: 'viewer' }] }), clinic.signer);
  return [...Array(patients * 2)].map((_, i) => {
    const patient = i % patients;
    return { ...base, signPubkey: i.toString(16).padStart(64, 'f'), subject: patient.toString(16).padStart(64, '0'), bundle: recordAbout(`Patient ${patient}`, 'Flu') };
  });
}

/**
 * A clinic's list of 61 records: one patient's, who may edit it (revoking them moves the record, and
 * the family is told in a notice the clinic's signer signs), published at `url`; and 60 other
 * patients' records, each with a colleague on it, so a Revoke button on each. The clinic signs
 * through `quiet`, which can hold a revocation at the signer.
 */
export async function clinicWithEditingPatient(url: string) {
  const [clinic, patient, family, colleague] = [await person(), await person(), await person(), await person()];
  const quiet = silentAt(clinic.signer);
  const events = await createRecord({ bundle: recordAbout('Ana Rivera', 'Flu', patient), author: clinic.signer, participants: [{ pubkey: patient.pubkey, role: 'editor' }, { pubkey: family.pubkey, role: 'viewer' }] });
  const client = new RelayClient({ relays: [url] });
  try {
    await client.publishAll(events);
  } finally {
    client.close();
  }
  const base = await openRecord(await createRecord({ bundle: recordAbout('Patient 0', 'Flu'), author: clinic.signer, participants: [{ pubkey: colleague.pubkey, role: 'viewer' }] }), clinic.signer);
  const others = [...Array(60)].map((_, i) => ({ ...base, signPubkey: i.toString(16).padStart(64, 'f'), subject: i.toString(16).padStart(64, '0'), bundle: recordAbout(`Patient ${i}`, 'Flu') }));
  return { clinic, patient, family, colleague, quiet, records: [await openRecord(events, clinic.signer), ...others] };
}
