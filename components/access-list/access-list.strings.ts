import type { Language } from '../shared/strings.js';
import type { Role } from '../core/nip82/record.js';
import { stateStrings, type StateStrings } from '../shared/state-strings.js';
import { recordsStrings, type RecordsStrings } from '../shared/records.strings.js';
import { plural } from '../shared/plural.js';

/** Every built-in string of `<nip82-access-list>`; each one can be overridden through `.strings`. */
export interface AccessListStrings extends StateStrings, RecordsStrings {
  showAccess: string;
  noRecords: string;
  sharesTitle: string;
  shareTerms: (since: string, items: string) => string;
  shareItemCount: (n: number) => string;
  sharePurpose: (purpose: string) => string;
  dialogRecord: (record: string) => string;
  yourRoleEditor: string;
  yourRoleViewer: string;
  role: (r: Role) => string;
  you: string;
  listedTitle: string;
  listedExplain: string;
  peopleTitle: string;
  revoke: string;
  revokeWho: (who: string) => string;
  dialogTitle: (who: string) => string;
  stops: string;
  stays: string;
  editorMoves: string;
  partlyRevoked: (sent: number, total: number) => string;
  notEverywhere: string;
  finishRelays: string;
  overdueNotice: (n: number) => string;
  revokeEnded: (n: number) => string;
  endedTitle: (n: number) => string;
  endedOn: (day: string) => string;
  confirmEnded: (n: number) => string;
  endedRevoked: (n: number, ok: number, total: number) => string;
  confirmRevoke: (who: string) => string;
  waitRevoke: string;
  publishing: (events: number, relays: number) => string;
  revoked: (who: string, ok: number, total: number) => string;
  moved: string;
  showHistory: string;
  waitHistory: string;
  historyTitle: string;
  noHistory: string;
}

/** How many storage servers took a change: the plural follows the total ("1 of 1", "1 of 2"). */
const storageAcceptedEn = (ok: number, total: number) =>
  plural('en', total, { one: `${ok} of 1 storage server accepted the change.`, other: `${ok} of ${total} storage servers accepted the change.` });
const storageAcceptedEs = (ok: number, total: number) =>
  plural('es', total, {
    one: `${ok} de 1 servidor de almacenamiento aceptó el cambio.`,
    other: `${ok} de ${total} servidores de almacenamiento aceptaron el cambio.`,
  });

const en: AccessListStrings = {
  ...stateStrings.en,
  ...recordsStrings.en,
  showAccess: 'Show who has access',
  noRecords: 'No records list you yet.',
  sharesTitle: 'What you shared',
  shareTerms: (since: string, items: string) => `Shared on ${since}: ${items}.`,
  shareItemCount: (n: number) => plural('en', n, { one: '1 item', other: `${n} items` }),
  sharePurpose: (purpose: string) => `Why: ${purpose}`,
  dialogRecord: (record: string) => `Record: ${record}`,
  yourRoleEditor: 'You can view and share this record.',
  yourRoleViewer: 'You can view this record.',
  role: (r: Role) => (r === 'viewer' ? 'can view' : 'can view and share'),
  you: 'you',
  listedTitle: 'Listed on this record',
  listedExplain:
    'Only people who can share a record can see who can do what. These keys are listed on it; being listed does not prove that someone can open it.',
  peopleTitle: 'Who has access',
  revoke: 'Revoke',
  revokeWho: (who: string) => `Revoke access for ${who}`,
  dialogTitle: (who: string) => `Revoke access for ${who}?`,
  stops:
    'What stops: the record is locked again with new keys, so they can no longer open it from the storage servers, this version or any later one.',
  stays:
    'What cannot be taken back: anything they already opened, downloaded or copied stays with them. A storage server that keeps old copies may still hand out the old version, which the old key still opens.',
  editorMoves: 'Because they could edit, the record moves to a new address and the old one is deleted; the others on the record are told where it went.',
  partlyRevoked: (sent: number, total: number) =>
    `Only part of this went out: ${sent} of ${plural('en', total, { one: '1 step', other: `${total} steps` })} reached a storage server, so access is not fully revoked yet. Try again to send the rest; nothing new will be signed.`,
  notEverywhere: 'A storage server that did not take it still serves the old version, which they can still open from there: send it there too.',
  finishRelays: 'Send to the storage servers that missed it',
  overdueNotice: (n: number) =>
    plural('en', n, {
      one: 'The end date of one share has passed, but that person can still open it until you revoke it.',
      other: `The end date of ${n} shares has passed, but those people can still open them until you revoke them.`,
    }),
  revokeEnded: (n: number) => plural('en', n, { one: 'Revoke the ended share…', other: `Revoke the ${n} ended shares…` }),
  endedTitle: (n: number) => plural('en', n, { one: 'Revoke the share whose end date has passed?', other: `Revoke the ${n} shares whose end date has passed?` }),
  endedOn: (day: string) => `Ended on ${day}`,
  confirmEnded: (n: number) => plural('en', n, { one: 'Revoke it', other: `Revoke all ${n}` }),
  endedRevoked: (n: number, ok: number, total: number) =>
    `${plural('en', n, { one: 'The ended share was revoked.', other: `All ${n} ended shares were revoked.` })} ${storageAcceptedEn(ok, total)}`,
  confirmRevoke: (who: string) => `Revoke ${who}`,
  waitRevoke: 'Your signer will be asked to sign a notice to the remaining people.',
  publishing: (events: number, relays: number) =>
    `Sending ${plural('en', events, { one: '1 change', other: `${events} changes` })} to ${plural('en', relays, { one: '1 storage server', other: `${relays} storage servers` })}…`,
  revoked: (who: string, ok: number, total: number) => `Access revoked for ${who}. ${storageAcceptedEn(ok, total)}`,
  moved: 'The record moved to a new address; the others were told.',
  // The stopped states say what this element did not do (nothing was changed).
  refused: 'Your signer declined. Nothing was changed.',
  timedOut: 'Your signer did not answer in time. Nothing was changed; you can try again.',
  relayError: 'Not enough storage servers accepted the change, so access was not revoked yet. You can try again.',
  cancelled: 'Cancelled. Nothing was changed.',
  showHistory: 'Show consent history',
  waitHistory: 'Your signer will be asked to open your messages (once per message).',
  historyTitle: 'Your consent history',
  noHistory: 'You have not shared anything or answered any requests yet.',
};

const es: AccessListStrings = {
  ...stateStrings.es,
  ...recordsStrings.es,
  showAccess: 'Ver quién tiene acceso',
  noRecords: 'Todavía no aparece en ningún historial.',
  sharesTitle: 'Lo que usted compartió',
  shareTerms: (since: string, items: string) => `Compartido el ${since}: ${items}.`,
  shareItemCount: (n: number) => plural('es', n, { one: '1 elemento', other: `${n} elementos` }),
  sharePurpose: (purpose: string) => `Para qué: ${purpose}`,
  dialogRecord: (record: string) => `Historial: ${record}`,
  yourRoleEditor: 'Puede ver y compartir este historial.',
  yourRoleViewer: 'Puede ver este historial.',
  role: (r: Role) => (r === 'viewer' ? 'puede ver' : 'puede ver y compartir'),
  you: 'usted',
  listedTitle: 'Aparecen en este historial',
  listedExplain:
    'Solo quien puede compartir un historial ve quién puede hacer qué. Estas claves aparecen en él; aparecer no demuestra que alguien pueda abrirlo.',
  peopleTitle: 'Quién tiene acceso',
  revoke: 'Revocar',
  revokeWho: (who: string) => `Revocar el acceso de ${who}`,
  dialogTitle: (who: string) => `¿Revocar el acceso de ${who}?`,
  stops:
    'Qué se detiene: el historial se vuelve a cerrar con claves nuevas, así que esa persona ya no podrá abrirlo desde los servidores de almacenamiento, ni esta versión ni las siguientes.',
  stays:
    'Qué no se puede recuperar: lo que ya haya abierto, descargado o copiado se queda con esa persona. Un servidor de almacenamiento que guarde copias antiguas aún puede entregar la versión anterior, que la clave antigua sigue abriendo.',
  partlyRevoked: (sent: number, total: number) =>
    `Solo salió una parte: ${sent} de ${plural('es', total, { one: '1 paso llegó', other: `${total} pasos llegaron` })} a un servidor de almacenamiento, así que el acceso aún no está revocado del todo. Vuelva a intentarlo para enviar el resto; no se firmará nada nuevo.`,
  notEverywhere: 'Un servidor de almacenamiento que no lo recibió sigue entregando la versión anterior, que esa persona aún puede abrir desde allí: envíelo también a ese servidor.',
  finishRelays: 'Enviar a los servidores de almacenamiento que no lo recibieron',
  overdueNotice: (n: number) =>
    plural('es', n, {
      one: 'Ya pasó la fecha de fin de un historial compartido, pero esa persona aún puede abrirlo hasta que usted lo revoque.',
      other: `Ya pasó la fecha de fin de ${n} historiales compartidos, pero esas personas aún pueden abrirlos hasta que usted los revoque.`,
    }),
  revokeEnded: (n: number) => plural('es', n, { one: 'Revocar el historial compartido vencido…', other: `Revocar los ${n} historiales compartidos vencidos…` }),
  endedTitle: (n: number) =>
    plural('es', n, { one: '¿Revocar el historial compartido cuya fecha de fin ya pasó?', other: `¿Revocar los ${n} historiales compartidos cuya fecha de fin ya pasó?` }),
  endedOn: (day: string) => `Terminó el ${day}`,
  confirmEnded: (n: number) => plural('es', n, { one: 'Revocarlo', other: `Revocar los ${n}` }),
  endedRevoked: (n: number, ok: number, total: number) =>
    `${plural('es', n, { one: 'Se revocó el historial compartido vencido.', other: `Se revocaron los ${n} historiales compartidos vencidos.` })} ${storageAcceptedEs(ok, total)}`,
  editorMoves: 'Como podía editar, el historial pasa a una dirección nueva y la antigua se borra; se avisa a los demás de dónde está.',
  confirmRevoke: (who: string) => `Revocar a ${who}`,
  waitRevoke: 'Su firmador le pedirá firmar un aviso para las personas que siguen teniendo acceso.',
  publishing: (events: number, relays: number) =>
    `Enviando ${plural('es', events, { one: '1 cambio', other: `${events} cambios` })} a ${plural('es', relays, { one: '1 servidor de almacenamiento', other: `${relays} servidores de almacenamiento` })}…`,
  revoked: (who: string, ok: number, total: number) =>
    `Acceso revocado para ${who}. ${storageAcceptedEs(ok, total)}`,
  moved: 'El historial pasó a una dirección nueva; se avisó a los demás.',
  refused: 'Su firmador lo rechazó. No se cambió nada.',
  timedOut: 'Su firmador no respondió a tiempo. No se cambió nada; puede volver a intentarlo.',
  relayError: 'No aceptaron el cambio suficientes servidores de almacenamiento, así que el acceso aún no se ha revocado. Puede volver a intentarlo.',
  cancelled: 'Cancelado. No se cambió nada.',
  showHistory: 'Ver historial de consentimientos',
  waitHistory: 'Su firmador le pedirá abrir sus mensajes (una vez por mensaje).',
  historyTitle: 'Su historial de consentimientos',
  noHistory: 'Todavía no ha compartido nada ni respondido a ninguna solicitud.',
};

export const accessListStrings: Record<Language, AccessListStrings> = { en, es };
