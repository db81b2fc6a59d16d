/**
 * The words of action-state-strings.ts in Spanish: a pack of their own, so the Spanish pack of the
 * session and the record viewer does not carry them.
 */
import type { PartLostStrings, SignerPageStrings, StopWaitingStrings } from './action-state-strings.js';
import type { ReceiptStrings } from './state-strings.js';
import type { RefusalKind } from '../core/relay/refusal.js';

export const signerPageStringsEs: SignerPageStrings = {
  signerPage: (host) => `Su firmador remoto quiere que confirme en su propia página, en ${host}, antes de responder. Abra esa página, confirme allí y vuelva aquí.`,
  signerPageOpen: (host) => `Abrir ${host} en una pestaña nueva`,
  signerApproval: (_n, formatted, what) => `Aprobación ${formatted} en su firmador para esto. ${what}`,
  unlockingRecord: (_n, _total, nText, totalText) => `Desbloqueando ${nText} de ${totalText}.`,
  signedInAs: 'Sesión iniciada como',
  refusedApproval: (_n, nText) => `Rechazó la aprobación ${nText}: las aprobaciones anteriores no se usan. Para seguir adelante, vuelva a intentarlo; su firmador le pedirá cada una de nuevo.`,
};

export const partLostStringsEs: PartLostStrings = {
  sendLost: 'No se pudo cargar una parte de esta página, así que no se envió nada. Compruebe su conexión a internet y vuelva a intentarlo.',
  unlockLost: 'No se pudo cargar una parte de esta página, así que sus historiales no se desbloquearon. Compruebe su conexión a internet y vuelva a intentarlo.',
};

export const stopWaitingStringsEs: Pick<StopWaitingStrings, 'stopWaiting' | 'waitSignIn' | 'finishRelays'> = {
  stopWaiting: 'Dejar de esperar',
  waitSignIn: 'Un servidor de almacenamiento le pide que inicie sesión primero.',
  finishRelays: 'Enviar a los servidores de almacenamiento que no lo recibieron',
};

const REFUSED_ES: Partial<Record<RefusalKind, string>> = {
  duplicate: 'ya lo tenía',
  pow: 'pide a su dispositivo un trabajo extra que esta página no hace',
  blocked: 'este servidor no acepta su cuenta',
  'rate-limited': 'demasiados mensajes, vuelva a intentarlo más tarde',
  invalid: 'encontró algo incorrecto en lo enviado',
  restricted: 'este servidor no lo permite desde su cuenta',
  mute: 'no lo guardó',
  error: 'el servidor tuvo un problema, vuelva a intentarlo más tarde',
  'auth-required': 'pide que inicie sesión primero',
};

export const refusedWhyEs: Pick<ReceiptStrings, 'refusedWhy'> = {
  refusedWhy: (kind) => REFUSED_ES[kind] ?? '',
};
