/** The built-in strings of `<nip82-session>` in Spanish. */
import type { SessionBuiltins } from './session.strings.js';
import { errorDetailEs } from '../shared/error-details.es.js';
import { noKeyTailEs, stateStringsEs } from '../shared/state-strings.es.js';
import type { Nip82ErrorCode } from '../shared/events.js';

/** Why a sign-in failed, in a patient's words, in Spanish (see SIGN_IN_EN in session.strings.ts). */
const SIGN_IN_ES: Partial<Record<Nip82ErrorCode, string>> = {
  absent: 'No se encontró ninguna extensión de firmador en este navegador.',
  refused: 'Su firmador dijo que no, así que no ha iniciado sesión.',
  timeout: 'Su firmador no respondió a tiempo, así que no ha iniciado sesión. Puede volver a intentarlo.',
  connection: 'No se pudo contactar con su aplicación de firmador remoto. Compruebe que la aplicación está abierta, copie de nuevo la dirección que muestra y vuelva a intentarlo.',
  'bad-response': 'Su firmador respondió algo que esta página no puede usar. Vuelva a intentarlo; si vuelve a ocurrir, actualícelo o use otro firmador.',
  unsupported: 'Esta extensión de firmador no puede cerrar ni abrir historiales; actualícela o use otro firmador.',
  failed: 'Su firmador no pudo terminar de iniciar su sesión. Compruebe que está abierto y desbloqueado, y vuelva a intentarlo.',
  signer: 'Su firmador no pudo terminar de iniciar su sesión. Compruebe que está abierto y desbloqueado, y vuelva a intentarlo.',
};

export const sessionStringsEs: SessionBuiltins = {
  errorDetail: (code, message) => SIGN_IN_ES[code] ?? errorDetailEs(code, message),
  noKey: (said) => `Su firmador no tiene ninguna clave lista, así que no ha iniciado sesión.${noKeyTailEs(said)}`,
  signedInAs: 'Sesión iniciada como',
  accountKey: (shortKey: string) => `Cuenta ${shortKey}`,
  via: (kind: string) => `mediante ${kind}`,
  kindExtension: 'la extensión del navegador',
  kindRemote: 'su firmador remoto',
  kindInjected: 'este sitio',
  signOut: 'Cerrar sesión',
  signedOut: 'Sesión cerrada. Sus historiales se cerraron y esta página no guarda nada suyo.',
  accountChanged: stateStringsEs.accountChanged,
  signedOutElsewhere: 'Se cerró la sesión en otra pestaña o ventana de este sitio. Sus historiales de aquí también se cerraron y esta página no guarda nada suyo.',
  accountChangedElsewhere: 'Su firmador ahora usa otra cuenta (se notó en otra pestaña o ventana de este sitio). Los historiales de aquí se cerraron; inicie sesión para ver los suyos.',
  extensionStillOpen: 'Puede que su extensión firmadora siga desbloqueada en este navegador: si otras personas usan este equipo, bloquéela o cierre el navegador.',
  signIn: 'Inicie sesión con su aplicación de firmador',
  useExtension: 'Usar la extensión del navegador',
  noExtension: 'No se encontró ningún firmador: añada una extensión de firmador a este navegador o conecte un firmador remoto abajo.',
  remoteTitle: 'Usar un firmador remoto',
  bunkerLabel: 'Dirección del firmador remoto (bunker://…)',
  secretRemoved: 'Por su seguridad, se quitó de la dirección su código secreto de un solo uso: copie de nuevo la dirección desde su aplicación de firmador.',
  bunkerHelp: 'Su aplicación de firmador muestra esta dirección. Nunca pegue aquí ni en ningún otro sitio su clave privada (nsec).',
  connect: 'Conectar',
  showCode: 'Mostrar un código para mi aplicación de firmador',
  waitingForRemote: 'Esperando a que se conecte su firmador remoto…',
  cancel: 'Cancelar',
  asking: 'Se pedirá su clave pública a su firmador.',
  connected: 'Sesión iniciada.',
  neverNsec: 'Esa es una clave privada (nsec). No la comparta nunca; no se guardó ni se envió.',
  badStorageSettings: stateStringsEs.badStorageSettings,
  cardLost: 'No se pudo cargar el inicio de sesión. Compruebe su conexión a internet y vuelva a intentarlo.',
  remoteLost: 'No se pudo cargar el inicio de sesión con su aplicación de firmador. Compruebe su conexión a internet y vuelva a intentarlo.',
  signerLost: 'No se pudo cargar una parte de esta página, así que no ha iniciado sesión. Compruebe su conexión a internet y vuelva a cargar la página.',
  tryAgain: stateStringsEs.tryAgain,
  noExtensionInFrame: 'Ninguna extensión de firmador respondió en este marco: abra esta página en una pestaña propia o conecte un firmador remoto abajo.',
};
