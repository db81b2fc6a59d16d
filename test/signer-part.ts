/**
 * A module a test's signer fetches before it answers, standing for a part of the page that signer
 * needs: a test makes the page's server lose it (scripts/wtr-lost-module-plugin.mjs), then find it.
 */
export const signerPart = 'arrived';
