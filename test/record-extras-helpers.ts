/**
 * Shared by the tests of the viewer's extras (record-extras.ts, fetched on demand): a Bundle with a
 * lens prescription and attachments, how the page's fetch of the part is seen, and a catch of the
 * downloads an anchor's click would start.
 */
import type { FhirBundle, FhirResource } from '../components/core/fhir/types.js';

export const EXTRAS_MODULE = '/components/record-viewer/record-extras';
export const PIXEL = 'http://127.0.0.1:9/pixel.png';
export const b64 = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text)));

/** Whether the page has fetched the extras (each test file runs in a page of its own). */
export const extrasFetched = () => performance.getEntriesByType('resource').some((e) => new URL(e.name).pathname.startsWith(EXTRAS_MODULE));

/** Two documents (one text, one remote image) and a glasses prescription: what the extras render. */
export function extrasResources(): FhirResource[] {
  return [
    {
      resourceType: 'DocumentReference', id: 'd1', status: 'current', type: { text: 'Discharge summary' }, date: '2023-03-16T12:00:00Z',
      content: [{ attachment: { contentType: 'text/plain; charset=utf-8', data: b64('Patient discharged in good health. Señal estable.') } }],
    },
    {
      resourceType: 'DocumentReference', id: 'd2', status: 'current', description: 'Chest X-ray image', date: '2022-11-01',
      content: [{ attachment: { contentType: 'image/png', url: PIXEL, title: 'xray.png' } }],
    },
    {
      resourceType: 'VisionPrescription', id: 'v1', status: 'active', dateWritten: '2022-09-01', prescriber: { display: 'Dr. Okafor' },
      lensSpecification: [
        { product: { text: 'Spectacles' }, eye: 'right', sphere: -2.25, cylinder: -0.5, axis: 180, add: 1.5, prism: [{ amount: 0.5, base: 'down' }] },
        { product: { text: 'Spectacles' }, eye: 'left', sphere: -1.75, cylinder: -0.25, axis: 175, add: 1.5 },
      ],
    },
  ];
}

/** The entry of `resource` numbered `n` in a test Bundle. */
export const entryOf = (resource: FhirResource, n: number) => ({ fullUrl: `urn:uuid:00000000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`, resource });

/** A Bundle with a glasses prescription and two documents (one text, one remote image). */
export function extrasBundle(): FhirBundle {
  return {
    resourceType: 'Bundle',
    type: 'collection',
    identifier: { system: 'urn:ietf:rfc:3986', value: 'urn:uuid:7e0c1b7e-1111-4222-8333-944455556666' },
    entry: [
      entryOf({ resourceType: 'Patient', id: 'p1', name: [{ family: 'Rivera', given: ['Ana'] }], birthDate: '1990-04-02' }, 1),
      ...extrasResources().map((resource, i) => entryOf(resource, 2 + i)),
    ],
  };
}

/** Catches the downloads started by an anchor's click (its file name and URL) until `restore`. */
export function catchDownloads() {
  const original = HTMLAnchorElement.prototype.click;
  const downloads: { name: string; href: string }[] = [];
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    if (this.download) downloads.push({ name: this.download, href: this.href });
    else original.call(this);
  };
  return { downloads, restore: () => void (HTMLAnchorElement.prototype.click = original) };
}
