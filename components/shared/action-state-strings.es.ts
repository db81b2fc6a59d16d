/**
 * The words of action-state-strings.ts in Spanish: a pack of their own, so the Spanish pack of the
 * session and the record viewer does not carry them.
 */
import type { SignerPageStrings, StopWaitingStrings } from './action-state-strings.js';

export const signerPageStringsEs: SignerPageStrings = {
  signerPage: (host) => `Su firmador remoto quiere que confirme en su propia página, en ${host}, antes de responder. Abra esa página, confirme allí y vuelva aquí.`,
  signerPageOpen: (host) => `Abrir ${host} en una pestaña nueva`,
};

export const stopWaitingStringsEs: Pick<StopWaitingStrings, 'stopWaiting' | 'waitSignIn' | 'finishRelays'> = {
  stopWaiting: 'Dejar de esperar',
  waitSignIn: 'Un servidor de almacenamiento le pide que inicie sesión primero.',
  finishRelays: 'Enviar a los servidores de almacenamiento que no lo recibieron',
};
