/** Minimal FHIR R4 JSON types: enough structure to be safe, open to every resource type. */

/** Any FHIR resource. */
export interface FhirResource {
  resourceType: string;
  id?: string;
  meta?: { security?: Coding[]; tag?: Coding[]; [key: string]: unknown };
  [key: string]: unknown;
}

/** A FHIR Coding. */
export interface Coding {
  system?: string;
  code?: string;
  display?: string;
}

/** A Bundle entry as R4 writes it. */
export interface BundleEntry {
  fullUrl?: string;
  resource: FhirResource;
}

/** A FHIR R4 Bundle. */
export interface FhirBundle extends FhirResource {
  resourceType: 'Bundle';
  type: string;
  identifier?: { system?: string; value?: string };
  timestamp?: string;
  entry?: BundleEntry[];
}
