/** The built-in strings of `<nip82-session>` in Spanish. */
import type { SessionStrings } from './session.strings.js';
import { errorDetailEs } from '../shared/error-details.es.js';
import { stateStringsEs } from '../shared/state-strings.es.js';

export const sessionStringsEs: SessionStrings = {
  errorDetail: errorDetailEs,
  signedInAs: 'Sesión iniciada como',
  via: (kind: string) => `mediante ${kind}`,
  kindExtension: 'la extensión del navegador',
  kindRemote: 'su firmador remoto',
  kindInjected: 'este sitio',
  signOut: 'Cerrar sesión',
  signedOut: 'Sesión cerrada. Las claves usadas se borraron de la memoria.',
  signIn: 'Inicie sesión con su firmador Nostr',
  useExtension: 'Usar la extensión del navegador',
  noExtension: 'No se encontró ninguna extensión de firmador en este navegador. Instale una extensión de firmador Nostr o conecte un firmador remoto abajo.',
  remoteTitle: 'Usar un firmador remoto',
  bunkerLabel: 'Dirección del firmador remoto (bunker://…)',
  secretRemoved: 'Por su seguridad, se quitó de la dirección su código secreto de un solo uso: copie de nuevo la dirección desde su aplicación de firmador.',
  bunkerHelp: 'Su aplicación de firmador muestra esta dirección. Nunca pegue aquí ni en ningún otro sitio su clave privada (nsec).',
  connect: 'Conectar',
  showCode: 'Mostrar un código para mi aplicación de firmador',
  scanCode: 'Escanee este código con su aplicación de firmador remoto, o copie el texto en ella:',
  waitingForRemote: 'Esperando a que se conecte su firmador remoto…',
  cancel: 'Cancelar',
  asking: 'Se pedirá su clave pública a su firmador.',
  connected: 'Sesión iniciada.',
  neverNsec: 'Esa es una clave privada (nsec). No la comparta nunca; no se guardó ni se envió.',
  authNeeded: (host: string) => `Su firmador remoto quiere que confirme en su propia página, en ${host}, antes de responder. Abra esa página, confirme allí y vuelva aquí.`,
  authWait: (minutes: number) => `Esta página espera hasta ${minutes} ${minutes === 1 ? 'minuto' : 'minutos'} a que termine allí.`,
  authOpen: (host: string) => `Abrir ${host} en una pestaña nueva`,
  badStorageSettings: stateStringsEs.badStorageSettings,
  authRefused: 'Su firmador remoto pidió abrir una página cuya dirección no es segura (https), así que no se muestra. Revise su aplicación de firmador.',
};
