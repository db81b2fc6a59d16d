/** A patient's record and two shares of it, published: what "Unlock my records" opens as one record and two shared. */
import { npubEncode } from 'nostr-tools/nip19';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { createShare } from '../components/core/nip82/share.js';
import { consentSource, grantConsent } from '../components/core/nip82/grant-create.js';
import { person, publishTo, sampleBundle } from './helpers.js';

/** A hospital's record about the patient, who may edit it, and the patient's shares of it to a clinic and a lab, published at `url`; the patient returned. */
export async function recordSharedTwice(url: string) {
  const [patient, hospital, clinic, lab] = await Promise.all([person(), person(), person(), person()]);
  const made = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: hospital.signer, participants: [{ pubkey: patient.pubkey, role: 'editor' }] });
  const record = await openRecord(made, patient.signer);
  const shareWith = async (who: string) => {
    const { source, fullUrl } = consentSource(record, grantConsent({ patient: patient.pubkey, recipient: who, role: 'viewer' }));
    return createShare({ from: [record, source], include: [...record.bundle.entry!.map((e) => e.fullUrl!), fullUrl], author: patient.signer, participants: [{ pubkey: who, role: 'viewer' }] });
  };
  await publishTo(url, [...made, ...(await shareWith(clinic.pubkey)), ...(await shareWith(lab.pubkey))]);
  return { patient };
}
