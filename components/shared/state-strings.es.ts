/** The state words of state-strings.ts in Spanish (those of action-state-strings.ts are in action-state-strings.es.ts). */
import type { CommonStateStrings } from './state-strings.js';
import { errorDetailEs } from './error-details.es.js';

/** A sign-in refused for the device's time, in Spanish (see clockOffEn in state-strings.ts). */
export const clockOffEs = 'Rechazó el inicio de sesión porque la fecha y la hora de este dispositivo no coinciden con las suyas: corrija el reloj de este dispositivo y vuelva a intentarlo.';

/** What every element's `noKey` words end with, in Spanish (see noKeyTailEn in state-strings.ts). */
export const noKeyTailEs = (said: string): string => ` Añádale una clave o desbloquéelo y vuelva a intentarlo.${said ? ` Mensaje de su firmador: «${said}»` : ''}`;

export const stateStringsEs: CommonStateStrings = {
  receiptsTitle: 'Servidores de almacenamiento',
  receiptServer: (_n, nText) => `Servidor de almacenamiento ${nText}`,
  receiptAddress: 'Dirección',
  receiptStatus: (status, _accepted, total, _reason, signIn, acceptedText, totalText, why) => {
    if (status === 'accepted') return `${acceptedText} de ${totalText} ${total === 1 ? 'parte guardada' : 'partes guardadas'}`;
    if (status === 'rejected') return why ? `rechazado: ${why}` : 'rechazado';
    if (status === 'timeout') return 'no respondió a tiempo';
    if (status === 'auth-required') {
      if (signIn === 'failed') return 'pidió que usted iniciara sesión; el inicio de sesión no se completó, así que no lo aceptó';
      return signIn === 'declined' ? 'pidió que usted iniciara sesión; usted no lo hizo, así que no lo aceptó' : 'pidió que usted iniciara sesión y no lo aceptó';
    }
    return 'no se pudo conectar';
  },
  tryAgain: 'Reintentar',
  waiting: (what: string) => `Esperando a su firmador. ${what}`,
  noSigner: 'No se encontró ningún firmador: añada una extensión de firmador a este navegador o inicie sesión con su aplicación de firmador.',
  signInFirst: 'No ha iniciado sesión. Inicie sesión y vuelva a intentarlo.',
  badStorageSettings: 'La configuración de los servidores de almacenamiento de esta página es incorrecta; por favor, avise al equipo del sitio.',
  badData: (message: string) => `Hay datos que no se pudieron usar. ${message}`,
  errorDetail: errorDetailEs,
  accountChanged: 'Su firmador usa ahora otra cuenta. Los historiales de la persona anterior se cerraron.',
  checkingAccount: 'Comprobando qué cuenta usa su firmador.',
};
