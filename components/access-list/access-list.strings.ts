import type { Language } from '../shared/strings.js';
import type { Role } from '../core/nip82/record.js';
import { stateStrings, type StateStrings } from '../shared/state-strings.js';
import { recordsStrings, type RecordsStrings } from '../shared/records.strings.js';

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

const en: AccessListStrings = {
  ...stateStrings.en,
  ...recordsStrings.en,
  showAccess: 'Show who has access',
  noRecords: 'No records list you yet.',
  sharesTitle: 'What you shared',
  shareTerms: (since: string, items: string) => `Shared on ${since}: ${items}.`,
  shareItemCount: (n: number) => `${n} ${n === 1 ? 'item' : 'items'}`,
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
    'What stops: the record is locked again with new keys, so they can no longer open it from relays, this version or any later one.',
  stays:
    'What cannot be taken back: anything they already opened, downloaded or copied stays with them. A relay that keeps old copies may still hand out the old version, which the old key still opens.',
  editorMoves: 'Because they could edit, the record moves to a new address and the old one is deleted; the others on the record are told where it went.',
  partlyRevoked: (sent: number, total: number) =>
    `Only part of this went out: ${sent} of ${total} ${total === 1 ? 'step' : 'steps'} reached a relay, so access is not fully revoked yet. Try again to send the rest; nothing new will be signed.`,
  notEverywhere: 'A relay that did not take it still serves the old version, which they can still open from there: send it there too.',
  finishRelays: 'Send to the relays that missed it',
  overdueNotice: (n: number) =>
    n === 1
      ? 'The end date of one share has passed, but that person can still open it until you revoke it.'
      : `The end date of ${n} shares has passed, but those people can still open them until you revoke them.`,
  revokeEnded: (n: number) => (n === 1 ? 'Revoke the ended share…' : `Revoke the ${n} ended shares…`),
  endedTitle: (n: number) => (n === 1 ? 'Revoke the share whose end date has passed?' : `Revoke the ${n} shares whose end date has passed?`),
  endedOn: (day: string) => `Ended on ${day}`,
  confirmEnded: (n: number) => (n === 1 ? 'Revoke it' : `Revoke all ${n}`),
  endedRevoked: (n: number, ok: number, total: number) =>
    `${n === 1 ? 'The ended share was revoked.' : `All ${n} ended shares were revoked.`} ${ok} of ${total} ${total === 1 ? 'relay' : 'relays'} accepted the change.`,
  confirmRevoke: (who: string) => `Revoke ${who}`,
  waitRevoke: 'Your signer will be asked to sign a notice to the remaining people.',
  publishing: (events: number, relays: number) => `Publishing ${events} ${events === 1 ? 'change' : 'changes'} to ${relays} ${relays === 1 ? 'relay' : 'relays'}…`,
  revoked: (who: string, ok: number, total: number) => `Access revoked for ${who}. ${ok} of ${total} ${total === 1 ? 'relay' : 'relays'} accepted the change.`,
  moved: 'The record moved to a new address; the others were told.',
  // The stopped states say what this element did not do (nothing was changed).
  refused: 'Your signer declined. Nothing was changed.',
  timedOut: 'Your signer did not answer in time. Nothing was changed; you can try again.',
  relayError: 'Not enough relays accepted the change, so access was not revoked yet. You can try again.',
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
  noRecords: 'Todavía no apareces en ningún historial.',
  sharesTitle: 'Lo que compartiste',
  shareTerms: (since: string, items: string) => `Compartido el ${since}: ${items}.`,
  shareItemCount: (n: number) => `${n} ${n === 1 ? 'elemento' : 'elementos'}`,
  sharePurpose: (purpose: string) => `Para qué: ${purpose}`,
  dialogRecord: (record: string) => `Historial: ${record}`,
  yourRoleEditor: 'Puedes ver y compartir este historial.',
  yourRoleViewer: 'Puedes ver este historial.',
  role: (r: Role) => (r === 'viewer' ? 'puede ver' : 'puede ver y compartir'),
  you: 'tú',
  listedTitle: 'Aparecen en este historial',
  listedExplain:
    'Solo quien puede compartir un historial ve quién puede hacer qué. Estas claves aparecen en él; aparecer no demuestra que alguien pueda abrirlo.',
  peopleTitle: 'Quién tiene acceso',
  revoke: 'Revocar',
  revokeWho: (who: string) => `Revocar el acceso de ${who}`,
  dialogTitle: (who: string) => `¿Revocar el acceso de ${who}?`,
  stops:
    'Qué se detiene: el historial se vuelve a cerrar con claves nuevas, así que ya no podrá abrirlo desde los relés, ni esta versión ni las siguientes.',
  stays:
    'Qué no se puede recuperar: lo que ya haya abierto, descargado o copiado se queda con esa persona. Un relé que guarde copias antiguas aún puede entregar la versión anterior, que la clave antigua sigue abriendo.',
  partlyRevoked: (sent: number, total: number) =>
    `Solo salió una parte: ${sent} de ${total} ${total === 1 ? 'paso llegó' : 'pasos llegaron'} a un relé, así que el acceso aún no está revocado del todo. Reintenta para enviar el resto; no se firmará nada nuevo.`,
  notEverywhere: 'Un relé que no lo recibió sigue entregando la versión anterior, que aún puede abrir desde allí: envíalo también a ese relé.',
  finishRelays: 'Enviar a los relés que no lo recibieron',
  overdueNotice: (n: number) =>
    n === 1
      ? 'Ya pasó la fecha de fin de un historial compartido, pero esa persona aún puede abrirlo hasta que lo revoques.'
      : `Ya pasó la fecha de fin de ${n} historiales compartidos, pero esas personas aún pueden abrirlos hasta que los revoques.`,
  revokeEnded: (n: number) => (n === 1 ? 'Revocar el historial compartido vencido…' : `Revocar los ${n} historiales compartidos vencidos…`),
  endedTitle: (n: number) => (n === 1 ? '¿Revocar el historial compartido cuya fecha de fin ya pasó?' : `¿Revocar los ${n} historiales compartidos cuya fecha de fin ya pasó?`),
  endedOn: (day: string) => `Terminó el ${day}`,
  confirmEnded: (n: number) => (n === 1 ? 'Revocarlo' : `Revocar los ${n}`),
  endedRevoked: (n: number, ok: number, total: number) =>
    `${n === 1 ? 'Se revocó el historial compartido vencido.' : `Se revocaron los ${n} historiales compartidos vencidos.`} ${ok} de ${total} ${total === 1 ? 'relé aceptó' : 'relés aceptaron'} el cambio.`,
  editorMoves: 'Como podía editar, el historial pasa a una dirección nueva y la antigua se borra; se avisa a los demás de dónde está.',
  confirmRevoke: (who: string) => `Revocar a ${who}`,
  waitRevoke: 'Tu firmador te pedirá firmar un aviso para las personas que siguen teniendo acceso.',
  publishing: (events: number, relays: number) => `Publicando ${events} ${events === 1 ? 'cambio' : 'cambios'} en ${relays} ${relays === 1 ? 'relé' : 'relés'}…`,
  revoked: (who: string, ok: number, total: number) =>
    `Acceso revocado para ${who}. ${ok} de ${total} ${total === 1 ? 'relé aceptó' : 'relés aceptaron'} el cambio.`,
  moved: 'El historial pasó a una dirección nueva; se avisó a los demás.',
  refused: 'Tu firmador lo rechazó. No se cambió nada.',
  timedOut: 'Tu firmador no respondió a tiempo. No se cambió nada; puedes reintentarlo.',
  relayError: 'No aceptaron el cambio suficientes relés, así que el acceso aún no se ha revocado. Puedes reintentarlo.',
  cancelled: 'Cancelado. No se cambió nada.',
  showHistory: 'Ver historial de consentimientos',
  waitHistory: 'Tu firmador te pedirá abrir tus mensajes (una vez por mensaje).',
  historyTitle: 'Tu historial de consentimientos',
  noHistory: 'Todavía no has compartido nada ni respondido a ninguna solicitud.',
};

export const accessListStrings: Record<Language, AccessListStrings> = { en, es };
