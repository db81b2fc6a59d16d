/** The words of signer-page.ts in Spanish. */
import type { SignerPageStrings } from './signer-page.js';

export const signerPageStringsEs: SignerPageStrings = {
  signerPage: (host) => `Su firmador remoto quiere que confirme en su propia página, en ${host}, antes de responder. Abra esa página, confirme allí y vuelva aquí.`,
  signerPageOpen: (host) => `Abrir ${host} en una pestaña nueva`,
};
