// Words pasted into a share's purpose or an answer's note often carry no-break spaces (from a web
// page or a word processor), form feeds (from a PDF) or line separators. The Consent sent must stay
// valid FHIR R4, whose strings allow no white space but space, tab and line breaks
// (R4 JSON Schema: "^[ \r\n\t\S]+$"): those become plain spaces, the words kept.
import { expect } from '@open-wc/testing';
import { grantConsent } from '../components/core/nip82/grant-create.js';
import { consentResource } from '../components/core/nip82/requests.js';

const R4_STRING = /^[ \r\n\t\S]+$/u;
const pasted = 'Segunda\u00A0opinión\u000Cdel cardiólogo\u2028gracias';

describe('consent: pasted purpose and note stay valid FHIR strings', () => {
  const [patient, recipient] = ['a'.repeat(64), 'b'.repeat(64)];

  it('a share with such a purpose', () => {
    const consent = grantConsent({ patient, recipient, role: 'viewer', purpose: pasted }) as unknown as { provision: { purpose: { display: string }[] } };
    const said = consent.provision.purpose[0]!.display;
    expect(said).to.match(R4_STRING);
    expect(said).to.equal('Segunda opinión del cardiólogo gracias');
  });

  it('an answer with such a reason and note', () => {
    const consent = consentResource({
      status: 'rejected', requester: recipient, patient, types: ['AllergyIntolerance'], purpose: pasted, note: pasted, period: { start: new Date().toISOString() }, records: [],
    }) as unknown as { provision: { purpose: { display: string }[] }; extension: { valueAnnotation: { text: string } }[] };
    expect(consent.provision.purpose[0]!.display).to.match(R4_STRING);
    expect(consent.extension[0]!.valueAnnotation.text).to.match(R4_STRING);
  });
});
