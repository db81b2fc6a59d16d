/**
 * The detail line under a failure in Spanish (see error-details.ts): a sentence per error code. The
 * sentences address nobody, so they fit the kit's one register (usted) wherever they appear, and say
 * "historial" for a record, as every element does.
 */
import type { Nip82ErrorCode } from './events.js';
import { listText } from './lists.js';
import { signerCannot, tooLarge, type ErrorDetail, type RecordFailureReason } from './error-details.js';
import { SIGN_IN_FAILED, UNREAD } from '../core/relay/unread.js';

const ES: Record<Nip82ErrorCode, string> = {
  malformed: 'Hay datos que no tienen la forma esperada.',
  'bad-signature': 'Una firma no es válida: los datos pudieron ser alterados y no se usaron.',
  'not-a-participant': 'Este historial no está compartido con esta cuenta.',
  'bad-key': 'La clave de acceso de este historial no lo abre.',
  'decrypt-failed': 'Su firmador no pudo desbloquear el historial: puede que ya no tenga acceso.',
  'too-large': 'Es demasiado grande para los servidores de almacenamiento.',
  unsupported: 'Este tipo de dato no está admitido.',
  'future-dated': 'Tiene una fecha posterior a la fecha y hora de este dispositivo: puede que el reloj de este dispositivo, o el de quien lo guardó, esté mal.',
  rollback: 'Se vio antes una versión más nueva que no se pudo obtener ahora; la copia antigua no se muestra.',
  deleted: 'Quien lo creó borró o trasladó este historial; la copia que aún queda en esta dirección no se muestra.',
  unchecked: 'No se pudo comprobar si un servidor de almacenamiento tiene una versión más nueva de este historial, así que no se cambió nada. Puede volver a intentarlo.',
  stale: 'Un servidor de almacenamiento tiene una versión más nueva de este historial; hay que volver a cargarlo antes de cambiar el acceso.',
  'not-an-editor': 'Solo quien puede editar el historial puede cambiar quién tiene acceso.',
  'invalid-input': 'Algún dato indicado no es válido.',
  'wrong-reader': 'Este historial se abrió para otra persona que ya no tiene la sesión iniciada; hay que volver a abrir los historiales.',
  signer: 'El firmador no pudo completar la petición.',
  absent: 'No se encontró ninguna extensión firmadora de Nostr en este navegador.',
  refused: 'El firmador rechazó la petición.',
  timeout: 'El firmador no respondió a tiempo.',
  'bad-response': 'El firmador respondió algo que no se pudo usar.',
  failed: 'El firmador no pudo completar la petición.',
  connection: 'No se pudo conectar con el firmador remoto.',
  'account-changed': 'El firmador usa ahora otra cuenta; no se usó nada de su respuesta.',
  'no-key': 'El firmador no tiene ninguna clave lista: añádale una clave o desbloquéelo.',
  locked: 'Su extensión del navegador está bloqueada. Desbloquéela y vuelva a intentarlo.',
  'invalid-url': 'Una dirección de servidor de almacenamiento no es válida.',
  'no-relays': 'No hay servidores de almacenamiento configurados.',
  'not-accepted': 'No lo aceptaron suficientes servidores de almacenamiento.',
  closed: 'La conexión con los servidores de almacenamiento se cerró; ya no se envía ni se lee nada por ella.',
  'relay-unavailable': 'Ningún servidor de almacenamiento respondió.',
  'auth-required': 'Un servidor de almacenamiento pidió que usted iniciara sesión, y no se inició, así que no se leyó nada allí.',
  'part-unavailable': 'No se pudo cargar una parte de esta página, así que no se hizo lo que pidió. Compruebe su conexión a internet y vuelva a intentarlo.',
  cancelled: 'Se canceló. No se firmó ni se envió nada.',
  unknown: 'Algo salió mal.',
  'no-websocket': 'Esta página no puede conectarse con los servidores de almacenamiento.',
};

/** Why a server was not checked, per the core's English reason (newest.ts): what the user may change before trying again. */
const UNCHECKED_WHY = new Map<string, string>([
  [UNREAD.incomplete!, 'envió solo parte de lo que guarda'],
  [UNREAD['auth-required']!, 'le pidió iniciar sesión y no lo hizo'],
  [SIGN_IN_FAILED, 'pidió un inicio de sesión que no se completó'],
]);

export const errorDetailEs: ErrorDetail = (code, message) => {
  // The core's message names each server it could not check (an address, in no language) and why, in brackets.
  const servers = code === 'unchecked' ? [...message.matchAll(/(wss?:\/\/[^\s,()]+)(?: \(([^()]*)\))?/g)] : [];
  if (servers.length) {
    const named = servers.map(([, server, why]) => {
      const reason = why === undefined ? undefined : UNCHECKED_WHY.get(why);
      return reason ? `${server} (${reason})` : server;
    });
    return `No se pudo comprobar si ${listText('es', named, 'or')} tiene una versión más nueva de este historial, así que no se cambió nada. Puede volver a intentarlo.`;
  }
  const big = code === 'too-large' ? tooLarge(message) : undefined;
  if (big === 'people') return 'Demasiadas personas tienen acceso a este historial para que los servidores de almacenamiento lo guarden.';
  if (big === 'item') return 'Un elemento es demasiado grande para los servidores de almacenamiento.';
  if (code === 'unsupported' && signerCannot(message)) return 'Su firmador no puede cerrar ni abrir historiales: actualícelo o use otro firmador.';
  return ES[code] ?? `Detalle técnico (en inglés): ${message}`;
};

/** Where a record's failure says something else than the same code elsewhere (a record too large to read, not to store). */
const RECORD_ES: Partial<Record<Nip82ErrorCode, string>> = {
  'too-large': 'El historial es demasiado grande para leerlo aquí.',
};

/**
 * Why a record could not be opened, in Spanish (see recordFailureEn in error-details.ts): the
 * sentences above already say it without the protocol's words, whatever the core's message.
 */
export const recordFailureEs: RecordFailureReason = (code) => RECORD_ES[code] ?? ES[code] ?? ES.unknown;

