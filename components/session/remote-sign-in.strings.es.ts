/** The words of a remote sign-in under way (remote-sign-in.strings.ts) in Spanish. */
import { signerPageStringsEs } from '../shared/action-state-strings.es.js';
import type { RemoteSignInStrings } from './remote-sign-in.strings.js';

export const remoteSignInStringsEs: RemoteSignInStrings = {
  scanCode: 'Escanee este código con su aplicación de firmador remoto, o copie el texto en ella:',
  copyCode: 'Copiar el código',
  codeCopied: 'Copiado. Péguelo en su aplicación de firmador.',
  copyFailed: 'No se pudo copiar aquí: seleccione el texto de arriba y cópielo.',
  openInApp: 'Abrir mi aplicación de firmador en este dispositivo',
  appName: 'Historial médico',
  authNeeded: signerPageStringsEs.signerPage,
  authWait: (minutes: number) => `Esta página espera hasta ${minutes} ${minutes === 1 ? 'minuto' : 'minutos'} a que termine allí.`,
  authOpen: signerPageStringsEs.signerPageOpen,
  authRefused: 'Su firmador remoto pidió abrir una página cuya dirección no es segura (https), así que no se muestra. Revise su aplicación de firmador.',
};
