import type { Language } from '../shared/strings.js';
import type { Disclosure } from '../core/fhir/withheld.js';
import type { Role } from '../core/nip82/record.js';
import { stateStrings, type StateStrings } from '../shared/state-strings.js';
import { recordsStrings, type RecordsStrings } from '../shared/records.strings.js';
import { typeCount } from '../shared/type-names.js';
import { plural } from '../shared/plural.js';
import type { PieceState } from './signed-action.js';

/** Every built-in string of `<nip82-consent-prompt>`; each one can be overridden through `.strings`. */
export interface ConsentPromptStrings extends StateStrings, RecordsStrings {
  // Resource types
  typeCount: (type: string, n: number) => string;
  // Loading
  loadRecords: string;
  loadingRecords: string;
  noRecords: string;
  // Share: trigger and dialog
  openShare: string;
  ready: (records: number, items: number) => string;
  shareTitle: string;
  recipientLegend: string;
  recipientHelp: string;
  recipientMissing: string;
  recipientIsYou: string;
  itemsLegend: string;
  itemsHelp: string;
  /** How to move through the item list with the keyboard. */
  itemsKeys: string;
  /** Items hidden from this recipient in an earlier share start hidden. */
  hiddenBefore: (n: number, who: string) => string;
  hide: string;
  hideItem: (label: string) => string;
  hideAll: string;
  /** Name of the button that hides every item of one kind. */
  hideGroup: (typeHeading: string, n: number) => string;
  hiddenTag: string;
  /** Name of the checkbox that shares or leaves out every item of one kind. */
  shareGroup: (typeHeading: string, n: number) => string;
  noLabel: string;
  nothingChosen: string;
  discloseLegend: string;
  disclose: (d: Disclosure) => string;
  roleLegend: string;
  role: (r: Role) => string;
  roleEditorHelp: string;
  expiryLabel: string;
  expiryHelp: string;
  expiryPast: string;
  purposeLabel: string;
  review: string;
  back: string;
  previewTitle: (who: string) => string;
  previewItems: (n: number) => string;
  previewHidden: (n: number) => string;
  /** Heading over the shared items that still name a hidden one. */
  mentionsTitle: (n: number) => string;
  mentionsHelp: string;
  /** One such item, and what it names. */
  mentionItem: (item: string, hidden: string) => string;
  hideMentions: (n: number) => string;
  /** When the share is too large to search whole for mentions of hidden items. */
  mentionsUnchecked: string;
  flagTells: (d: Disclosure, n: number, kinds: string) => string;
  /** The flag's clinician words for the hidden kinds, with the patient's words when they differ. */
  inYourWords: (flagWords: string, yours: string) => string;
  previewRole: (r: Role) => string;
  previewUntil: (date: string) => string;
  previewNoEnd: string;
  previewPurpose: (purpose: string) => string;
  previewNoPurpose: string;
  previewConsent: string;
  revokeWarning: string;
  confirm: (who: string) => string;
  waitShare: string;
  publishing: (relays: number) => string;
  shared: (who: string, ok: number, total: number) => string;
  /** No relay took any of it. */
  relayNothing: string;
  /** Some of it went out: exactly which pieces, and that finishing sends the rest as signed. */
  partial: (pieces: PieceState[], who: string) => string;
  finishSending: string;
  /** An item hidden from this recipient before would be shared without the patient unhiding it. */
  reshared: string;
  // Answer mode
  checkRequests: string;
  waitRead: string;
  reading: string;
  requestsTitle: string;
  noRequests: string;
  requestSummary: (who: string, types: string) => string;
  reviewRequest: string;
  reviewRequestFrom: (who: string) => string;
  answerTitle: string;
  whoLabel: string;
  invisibleWarning: string;
  whatLegend: string;
  whyLabel: string;
  noPurpose: string;
  periodLabel: string;
  period: (start: string, end: string) => string;
  noPeriod: string;
  untilLabel: string;
  untilHelp: string;
  untilInvalid: string;
  theirNote: string;
  recordsLegend: string;
  you: string;
  noTypesChosen: string;
  replyLabel: string;
  approve: (n: number) => string;
  /** The preview's approve button, naming who gets access. */
  confirmAnswer: (who: string) => string;
  deny: string;
  waitApprove: string;
  waitAnswer: string;
  approved: (who: string) => string;
  denied: (who: string) => string;
  historyTitle: string;
}

const en: ConsentPromptStrings = {
  ...stateStrings.en,
  ...recordsStrings.en,
  receiptsTitle: 'Where it was sent',
  receiptStatus: (status: string, accepted: number, total: number, reason?: string) => {
    if (status === 'accepted') return `accepted (${accepted} of ${total})`;
    if (status === 'rejected') return `refused${reason ? `: ${reason}` : ''}`;
    if (status === 'timeout') return 'did not answer in time';
    if (status === 'auth-required') return 'asked you to sign in, and did not accept it';
    return 'could not be reached';
  },
  typeCount: (type: string, n: number) => typeCount('en', type, n),
  loadRecords: 'Load my records',
  loadingRecords: 'Opening your records…',
  noRecords: 'You have no records to share yet.',
  openShare: 'Share records…',
  ready: (records: number, items: number) =>
    `${plural('en', items, { one: '1 item', other: `${items} items` })} from ${plural('en', records, { one: '1 record', other: `${records} records` })} can be shared.`,
  shareTitle: 'Share your records',
  recipientLegend: '1. Who will receive it',
  recipientHelp: 'Paste their npub. Check the short fingerprint with them.',
  recipientMissing: 'Choose who will receive the share.',
  recipientIsYou: 'That is your own key. Choose someone else.',
  itemsLegend: '2. What to share',
  itemsHelp:
    'Tick what to share. Unticked items are simply not part of this share. Hidden items are left out too, but they will be told that something was withheld, so a clinician knows to ask.',
  itemsKeys: 'The list is one stop for the Tab key: arrow keys move through it, Page Up and Page Down jump between kinds.',
  hiddenBefore: (n: number, who: string) =>
    plural('en', n, { one: `1 item you hid from ${who} before starts hidden.`, other: `${n} items you hid from ${who} before start hidden.` }),
  hide: 'Hide',
  hideItem: (label: string) => `Hide ${label}`,
  hideAll: 'Hide all',
  hideGroup: (typeHeading: string, n: number) => `Hide all ${typeHeading.toLowerCase()} (${n})`,
  hiddenTag: 'hidden, flagged',
  shareGroup: (typeHeading: string, n: number) => plural('en', n, { one: `Share the 1 item in ${typeHeading.toLowerCase()}`, other: `Share all ${n} ${typeHeading.toLowerCase()}` }),
  noLabel: '(no description)',
  nothingChosen: 'Choose at least one item to share.',
  discloseLegend: '3. If you hide items, the flag tells them',
  disclose: (d: Disclosure) => (d === 'flag' ? 'only that something is hidden' : d === 'count' ? 'how many' : 'how many and of which kind'),
  roleLegend: '4. They',
  role: (r: Role) => (r === 'viewer' ? 'can view' : 'can view and share with others'),
  roleEditorHelp: 'Someone who can share may also add and remove people on this shared record.',
  expiryLabel: '5. Until (optional)',
  expiryHelp: 'Written into the share as your terms. It does not lock them out by itself: revoke access when it ends.',
  expiryPast: 'Choose a date from today on.',
  purposeLabel: '6. Purpose (optional)',
  review: 'Review',
  back: 'Back',
  previewTitle: (who: string) => `What ${who} will be able to open`,
  previewItems: (n: number) => plural('en', n, { one: '1 shared item:', other: `${n} shared items:` }),
  previewHidden: (n: number) =>
    n === 0 ? 'Nothing is hidden, so there is no flag.' : plural('en', n, { one: '1 hidden item is left out.', other: `${n} hidden items are left out.` }),
  mentionsTitle: (n: number) => plural('en', n, { one: '1 shared item still mentions what you hid', other: `${n} shared items still mention what you hid` }),
  mentionsHelp: 'A visit’s reason, a clinical note or a bill can name a hidden item. Hide them too, or share them knowing this. Items that only hint at it (an X-ray of the same body part) are not found: check the list below.',
  mentionItem: (item: string, hidden: string) => `${item}, which mentions “${hidden}”`,
  hideMentions: (n: number) => plural('en', n, { one: 'Hide it too', other: `Hide these ${n} too` }),
  mentionsUnchecked: 'This share is too large to check every item for mentions of what you hid. Look through the list below before you share.',
  flagTells: (d: Disclosure, n: number, kinds: string) =>
    d === 'flag'
      ? 'The flag will tell them only that something was withheld: not how much, not what.'
      : d === 'count'
        ? `The flag will tell them that ${plural('en', n, { one: '1 item was', other: `${n} items were` })} withheld, but not of which kind.`
        : `The flag will tell them that ${plural('en', n, { one: '1 item was', other: `${n} items were` })} withheld: ${kinds}.`,
  inYourWords: (flagWords: string, yours: string) => `${flagWords} (in your words: ${yours})`,
  previewRole: (r: Role) => (r === 'viewer' ? 'They can view it.' : 'They can view it and share it with others (add and remove people).'),
  previewUntil: (date: string) => `Until ${date}: your stated terms. Revoke access to end it.`,
  previewNoEnd: 'No end date: access lasts until you revoke it.',
  previewPurpose: (purpose: string) => `Purpose: ${purpose}`,
  previewNoPurpose: 'No purpose stated.',
  previewConsent: 'The share also carries a consent note recording these terms.',
  revokeWarning: 'You can revoke later: they lose access to future versions. Anything they have already opened or copied cannot be taken back.',
  confirm: (who: string) => `Share with ${who}`,
  waitShare: 'Your signer will be asked to sign the shared record (once per part).',
  publishing: (n: number) => plural('en', n, { one: 'Sending to 1 storage server…', other: `Sending to ${n} storage servers…` }),
  shared: (who: string, ok: number, total: number) =>
    `Shared with ${who}. ${plural('en', total, { one: `${ok} of 1 storage server accepted it.`, other: `${ok} of ${total} storage servers accepted it.` })}`,
  relayNothing: 'No storage server accepted it. Nothing was shared or sent; you can try again.',
  partial: (pieces: PieceState[], who: string) => {
    const name = (p: PieceState) =>
      ({ share: `the shared record for ${who}`, answer: `your answer to ${who}`, copy: 'your own copy of the answer' })[p.name];
    const part = (p: PieceState) => (p.total > 1 && p.sent > 0 ? `${p.sent} of ${p.total} parts of ${name(p)}` : name(p));
    const out = pieces.filter((p) => p.sent > 0).map(part);
    const missing = pieces.filter((p) => p.sent < p.total).map((p) => name(p));
    return `Only part of this went out. Sent: ${out.join('; ')}. Not sent yet: ${missing.join('; ')}. Finish sending to complete it; nothing is signed again.`;
  },
  finishSending: 'Finish sending',
  reshared: 'An item you hid from them before would be shared. Hide it, or unhide it yourself to share it.',
  // The stopped states say what this element did not do (nothing was signed, shared or sent).
  refused: 'Your signer declined. Nothing was shared or sent.',
  timedOut: 'Your signer did not answer in time. Nothing was shared or sent; you can try again.',
  relayError: 'Not enough storage servers accepted it. Nothing is final yet; you can try again.',
  cancelled: 'Cancelled. Nothing was signed or sent.',
  checkRequests: 'Check for requests',
  waitRead: 'Your signer will be asked to open your messages (once per message).',
  reading: 'Reading your messages…',
  requestsTitle: 'Requests for your records',
  noRequests: 'No open requests.',
  requestSummary: (who: string, types: string) => `${who} asks for ${types}.`,
  reviewRequest: 'Review and answer',
  reviewRequestFrom: (who: string) => `Review and answer the request from ${who}`,
  answerTitle: 'Answer a request for your records',
  whoLabel: 'Who asks',
  invisibleWarning: 'Their name contained hidden characters, which were removed. Check the key with them.',
  whatLegend: 'What they ask for (untick to grant less)',
  whyLabel: 'Why',
  noPurpose: 'No reason given.',
  periodLabel: 'For how long',
  period: (start: string, end: string) => (end ? `From ${start || 'now'} until ${end}` : `From ${start || 'now'}, with no end date`),
  noPeriod: 'No period given.',
  untilLabel: 'Grant until (you can shorten it)',
  untilHelp: 'Written into your answer and the share. Revoke access to end it.',
  untilInvalid: 'Choose a date from today up to the date they asked for.',
  theirNote: 'Their note',
  recordsLegend: 'From which of your records',
  you: 'you',
  noTypesChosen: 'Keep at least one kind of item, or deny the request.',
  replyLabel: 'Your note to them (optional)',
  approve: (n: number) => plural('en', n, { one: 'Review: approve and share 1 item', other: `Review: approve and share ${n} items` }),
  confirmAnswer: (who: string) => `Approve and share with ${who}`,
  deny: 'Deny',
  waitApprove: 'Your signer will be asked to sign the shared record (once per part) and your answer.',
  waitAnswer: 'Your signer will be asked to sign your answer.',
  approved: (who: string) => `Approved. ${who} can now open what you granted.`,
  denied: (who: string) => `Denied. ${who} has been told.`,
  historyTitle: 'Your past answers',
};

const es: ConsentPromptStrings = {
  ...stateStrings.es,
  ...recordsStrings.es,
  receiptsTitle: 'Dónde se envió',
  receiptStatus: (status: string, accepted: number, total: number, reason?: string) => {
    if (status === 'accepted') return `aceptado (${accepted} de ${total})`;
    if (status === 'rejected') return `rechazado${reason ? `: ${reason}` : ''}`;
    if (status === 'timeout') return 'no respondió a tiempo';
    if (status === 'auth-required') return 'pidió que usted se identificara y no lo aceptó';
    return 'no se pudo conectar';
  },
  typeCount: (type: string, n: number) => typeCount('es', type, n),
  loadRecords: 'Cargar mis historiales',
  loadingRecords: 'Abriendo sus historiales…',
  noRecords: 'Todavía no tiene historiales para compartir.',
  openShare: 'Compartir historiales…',
  ready: (records: number, items: number) =>
    `${plural('es', items, { one: 'Se puede compartir 1 elemento', other: `Se pueden compartir ${items} elementos` })} de ${plural('es', records, { one: '1 historial', other: `${records} historiales` })}.`,
  shareTitle: 'Compartir sus historiales',
  recipientLegend: '1. Quién lo recibirá',
  recipientHelp: 'Pegue el npub de esa persona. Compruebe con ella la huella corta.',
  recipientMissing: 'Elija quién recibirá lo que comparte.',
  recipientIsYou: 'Esa es su propia clave. Elija a otra persona.',
  itemsLegend: '2. Qué compartir',
  itemsHelp:
    'Marque lo que quiere compartir. Lo que no marque simplemente no forma parte de lo compartido. Lo que oculte también queda fuera, pero se avisará a quien lo reciba de que se ocultó algo, para que un profesional sepa que debe preguntar.',
  itemsKeys: 'La lista es una sola parada de la tecla Tab: las flechas recorren los elementos; Re Pág y Av Pág saltan de un tipo a otro.',
  hiddenBefore: (n: number, who: string) =>
    plural('es', n, { one: `1 elemento que ya ocultó a ${who} empieza oculto.`, other: `${n} elementos que ya ocultó a ${who} empiezan ocultos.` }),
  hide: 'Ocultar',
  hideItem: (label: string) => `Ocultar ${label}`,
  hideAll: 'Ocultar todo',
  hideGroup: (typeHeading: string, n: number) => `Ocultar todo: ${typeHeading.toLowerCase()} (${n})`,
  hiddenTag: 'oculto, se avisa',
  shareGroup: (typeHeading: string, n: number) => plural('es', n, { one: `Compartir el elemento de ${typeHeading.toLowerCase()}`, other: `Compartir los ${n} elementos de ${typeHeading.toLowerCase()}` }),
  noLabel: '(sin descripción)',
  nothingChosen: 'Elija al menos un elemento para compartir.',
  discloseLegend: '3. Si oculta elementos, el aviso dirá',
  disclose: (d: Disclosure) => (d === 'flag' ? 'solo que hay algo oculto' : d === 'count' ? 'cuántos' : 'cuántos y de qué tipo'),
  roleLegend: '4. Esa persona',
  role: (r: Role) => (r === 'viewer' ? 'puede ver' : 'puede ver y compartir con otros'),
  roleEditorHelp: 'Quien puede compartir también puede añadir y quitar personas de este historial compartido.',
  expiryLabel: '5. Hasta (opcional)',
  expiryHelp: 'Queda escrito como sus condiciones. No quita el acceso por sí solo: revoque el acceso cuando termine.',
  expiryPast: 'Elija una fecha a partir de hoy.',
  purposeLabel: '6. Finalidad (opcional)',
  review: 'Revisar',
  back: 'Atrás',
  previewTitle: (who: string) => `Lo que ${who} podrá abrir`,
  previewItems: (n: number) => plural('es', n, { one: '1 elemento compartido:', other: `${n} elementos compartidos:` }),
  previewHidden: (n: number) =>
    n === 0 ? 'No hay nada oculto, así que no habrá aviso.' : plural('es', n, { one: '1 elemento oculto queda fuera.', other: `${n} elementos ocultos quedan fuera.` }),
  mentionsTitle: (n: number) =>
    plural('es', n, { one: '1 elemento compartido todavía menciona lo que usted ocultó', other: `${n} elementos compartidos todavía mencionan lo que usted ocultó` }),
  mentionsHelp: 'El motivo de una visita, una nota clínica o una factura pueden nombrar un elemento oculto. Ocúltelos también, o compártalos sabiéndolo. Lo que solo lo sugiere (una radiografía de la misma zona) no se detecta: revise la lista de abajo.',
  mentionItem: (item: string, hidden: string) => `${item}, que menciona «${hidden}»`,
  hideMentions: (n: number) => plural('es', n, { one: 'Ocultarlo también', other: `Ocultar estos ${n} también` }),
  mentionsUnchecked: 'Lo que comparte es demasiado grande para buscar en todo menciones de lo que ocultó. Revise la lista de abajo antes de compartir.',
  flagTells: (d: Disclosure, n: number, kinds: string) =>
    d === 'flag'
      ? 'El aviso solo dirá que se ocultó algo: ni cuánto ni qué.'
      : d === 'count'
        ? `El aviso dirá que se ${plural('es', n, { one: 'ocultó 1 elemento', other: `ocultaron ${n} elementos` })}, pero no de qué tipo.`
        : `El aviso dirá que se ${plural('es', n, { one: 'ocultó 1 elemento', other: `ocultaron ${n} elementos` })}: ${kinds}.`,
  inYourWords: (flagWords: string, yours: string) => `${flagWords} (en sus palabras: ${yours})`,
  previewRole: (r: Role) => (r === 'viewer' ? 'Podrá verlo.' : 'Podrá verlo y compartirlo con otros (añadir y quitar personas).'),
  previewUntil: (date: string) => `Hasta el ${date}: sus condiciones por escrito. Revoque el acceso para terminarlo.`,
  previewNoEnd: 'Sin fecha de fin: el acceso dura hasta que usted lo revoque.',
  previewPurpose: (purpose: string) => `Finalidad: ${purpose}`,
  previewNoPurpose: 'Sin finalidad indicada.',
  previewConsent: 'Lo compartido incluye también una nota de consentimiento con estas condiciones.',
  revokeWarning:
    'Puede revocarlo más tarde: esa persona perderá el acceso a las versiones futuras. Lo que ya haya abierto o copiado no se puede recuperar.',
  confirm: (who: string) => `Compartir con ${who}`,
  waitShare: 'Su firmador le pedirá firmar el historial compartido (una vez por parte).',
  publishing: (n: number) => plural('es', n, { one: 'Enviando a 1 servidor de almacenamiento…', other: `Enviando a ${n} servidores de almacenamiento…` }),
  shared: (who: string, ok: number, total: number) =>
    `Compartido con ${who}. ${plural('es', total, { one: `${ok} de 1 servidor de almacenamiento lo aceptó.`, other: `${ok} de ${total} servidores de almacenamiento lo aceptaron.` })}`,
  relayNothing: 'Ningún servidor de almacenamiento lo aceptó. No se compartió ni envió nada; puede volver a intentarlo.',
  partial: (pieces: PieceState[], who: string) => {
    const name = (p: PieceState) =>
      ({ share: `el historial compartido con ${who}`, answer: `su respuesta a ${who}`, copy: 'su propia copia de la respuesta' })[p.name];
    const part = (p: PieceState) => (p.total > 1 && p.sent > 0 ? `${p.sent} de ${p.total} partes de ${name(p)}` : name(p));
    const out = pieces.filter((p) => p.sent > 0).map(part);
    const missing = pieces.filter((p) => p.sent < p.total).map((p) => name(p));
    return `Solo salió una parte. Enviado: ${out.join('; ')}. Falta enviar: ${missing.join('; ')}. Termine el envío para completarlo; no se firma nada de nuevo.`;
  },
  finishSending: 'Terminar el envío',
  reshared: 'Se compartiría un elemento que usted ya le ocultó. Ocúltelo, o muéstrelo usted mismo para compartirlo.',
  refused: 'Su firmador lo rechazó. No se compartió ni envió nada.',
  timedOut: 'Su firmador no respondió a tiempo. No se compartió ni envió nada; puede volver a intentarlo.',
  relayError: 'No lo aceptaron suficientes servidores de almacenamiento. Todavía no hay nada definitivo; puede volver a intentarlo.',
  cancelled: 'Cancelado. No se firmó ni envió nada.',
  checkRequests: 'Ver solicitudes',
  waitRead: 'Su firmador le pedirá abrir sus mensajes (una vez por mensaje).',
  reading: 'Leyendo sus mensajes…',
  requestsTitle: 'Solicitudes de acceso a sus historiales',
  noRequests: 'No hay solicitudes pendientes.',
  requestSummary: (who: string, types: string) => `${who} pide acceso a: ${types}.`,
  reviewRequest: 'Revisar y responder',
  reviewRequestFrom: (who: string) => `Revisar y responder la solicitud de ${who}`,
  answerTitle: 'Responder a una solicitud de acceso',
  whoLabel: 'Quién lo pide',
  invisibleWarning: 'Su nombre contenía caracteres ocultos, que se han quitado. Compruebe la clave con esa persona.',
  whatLegend: 'Qué pide (desmarque para conceder menos)',
  whyLabel: 'Para qué',
  noPurpose: 'No indica el motivo.',
  periodLabel: 'Durante cuánto tiempo',
  period: (start: string, end: string) => (end ? `Desde ${start || 'ahora'} hasta el ${end}` : `Desde ${start || 'ahora'}, sin fecha de fin`),
  noPeriod: 'No indica un periodo.',
  untilLabel: 'Conceder hasta (puede acortarlo)',
  untilHelp: 'Queda escrito en su respuesta y en lo compartido. Revoque el acceso para terminarlo.',
  untilInvalid: 'Elija una fecha entre hoy y la fecha que pidió.',
  theirNote: 'Su nota',
  recordsLegend: 'De cuáles de sus historiales',
  you: 'usted',
  noTypesChosen: 'Deje al menos un tipo de elemento, o rechace la solicitud.',
  replyLabel: 'Su nota (opcional)',
  approve: (n: number) => plural('es', n, { one: 'Revisar: aprobar y compartir 1 elemento', other: `Revisar: aprobar y compartir ${n} elementos` }),
  confirmAnswer: (who: string) => `Aprobar y compartir con ${who}`,
  deny: 'Rechazar',
  waitApprove: 'Su firmador le pedirá firmar el historial compartido (una vez por parte) y su respuesta.',
  waitAnswer: 'Su firmador le pedirá firmar su respuesta.',
  approved: (who: string) => `Aprobado. ${who} ya puede abrir lo que usted concedió.`,
  denied: (who: string) => `Rechazado. Se ha avisado a ${who}.`,
  historyTitle: 'Sus respuestas anteriores',
};

export const consentPromptStrings: Record<Language, ConsentPromptStrings> = { en, es };
