/**
 * The detail line under a failure, per error code. In English it is the protocol core's own
 * message, which names exactly what was wrong; in other languages a sentence per code, since the
 * core speaks English. Every element's strings carry it as `errorDetail`, so a host can reword it.
 * The `nip82-error` event always carries the core's message, for the host's logs.
 */
import type { Language } from './strings.js';
import type { Nip82ErrorCode } from './events.js';

export type ErrorDetail = (code: Nip82ErrorCode, message: string) => string;

const ES: Record<Nip82ErrorCode, string> = {
  malformed: 'Un evento o un registro no tiene la forma esperada.',
  'bad-signature': 'Una firma no es válida: el evento pudo ser alterado y no se usó.',
  'not-a-participant': 'Este registro no te incluye.',
  'bad-key': 'La clave de acceso de este registro no lo abre.',
  'decrypt-failed': 'No se pudo descifrar: puede que ya no tengas acceso.',
  'too-large': 'Es demasiado grande para los relés.',
  unsupported: 'Este tipo de dato no está admitido.',
  'future-dated': 'Una versión tiene fecha futura y se ignoró.',
  rollback: 'Se vio antes una versión más nueva que no se pudo obtener ahora; la copia antigua no se muestra.',
  deleted: 'Quien lo creó borró o trasladó este registro; la copia que aún queda en esta dirección no se muestra.',
  stale: 'Un relé tiene una versión más nueva de este registro; vuelve a cargarlo antes de cambiar el acceso.',
  'not-an-editor': 'Solo quien puede editar el registro puede cambiar quién tiene acceso.',
  'invalid-input': 'Algún dato indicado no es válido.',
  'wrong-reader': 'Este historial se abrió para otra persona que ya no tiene la sesión iniciada; vuelve a abrir tus historiales.',
  signer: 'El firmador no pudo completar la petición.',
  absent: 'No se encontró ninguna extensión firmadora de Nostr (NIP-07) en este navegador.',
  refused: 'El firmador rechazó la petición.',
  timeout: 'El firmador no respondió a tiempo.',
  'bad-response': 'El firmador respondió algo que no se pudo usar.',
  failed: 'El firmador no pudo completar la petición.',
  connection: 'No se pudo conectar con el firmador remoto.',
  'invalid-url': 'Una dirección de relé no es válida.',
  'no-relays': 'No hay relés configurados.',
  'not-accepted': 'No hubo suficientes relés que lo aceptaran.',
  'relay-unavailable': 'Ningún relé respondió.',
  cancelled: 'Se canceló. No se firmó ni se envió nada.',
  unknown: 'Algo salió mal.',
};

export const errorDetails: Record<Language, ErrorDetail> = {
  en: (_code, message) => message,
  es: (code, message) => ES[code] ?? `Detalle técnico (en inglés): ${message}`,
};
