/** A clinic's list at scale, for the access list's tests of thousands of records. */
import { createRecord, openRecord, type OpenedRecord } from '../components/core/nip82/record.js';
import { person, recordAbout, type Person } from './helpers.js';

/** `patients` patients' records for `clinic`, two each, made from one record shared with the clinic. */
export async function clinicRecords(clinic: Person, patients: number): Promise<OpenedRecord[]> {
  const author = await person();
  const base = await openRecord(await createRecord({ bundle: recordAbout('Patient 0', 'Flu'), author: author.signer, participants: [{ pubkey: clinic.pubkey, role: 'viewer' }] }), clinic.signer);
  return [...Array(patients * 2)].map((_, i) => {
    const patient = i % patients;
    return { ...base, signPubkey: i.toString(16).padStart(64, 'f'), subject: patient.toString(16).padStart(64, '0'), bundle: recordAbout(`Patient ${patient}`, 'Flu') };
  });
}
