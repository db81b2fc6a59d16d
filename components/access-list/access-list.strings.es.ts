/** The built-in strings of `<nip82-access-list>` in Spanish. */
import type { AccessListStrings } from './access-list.strings.js';
import type { Role } from '../core/nip82/record.js';
import { noKeyTailEs, stateStringsEs } from '../shared/state-strings.es.js';
import { partLostStringsEs, refusedWhyEs, signerPageStringsEs, stopWaitingStringsEs } from '../shared/action-state-strings.es.js';
import { recordsStringsEs } from '../shared/records.strings.es.js';
import { plural } from '../shared/plural.js';

/** How many storage servers took a change: the plural follows the total ("1 de 1", "1 de 2"). */
const storageAcceptedEs = (total: number, okText: string, totalText: string) =>
  plural('es', total, {
    one: `${okText} de 1 servidor de almacenamiento aceptó el cambio.`,
    other: `${okText} de ${totalText} servidores de almacenamiento aceptaron el cambio.`,
  });

/** What went out of a revocation sent only in part, and the way on: the dialog and the notice beside the list say it alike. */
const partlyRestEs = (total: number, sentText: string, totalText: string) =>
  `${sentText} de ${plural('es', total, { one: '1 paso llegó', other: `${totalText} pasos llegaron` })} a un servidor de almacenamiento, así que el acceso aún no está revocado del todo. Vuelva a intentarlo para enviar el resto; no se firmará nada nuevo.`;

export const accessListStringsEs: AccessListStrings = {
  ...stateStringsEs,
  ...recordsStringsEs,
  ...signerPageStringsEs,
  ...stopWaitingStringsEs,
  ...partLostStringsEs,
  ...refusedWhyEs,
  showAccess: 'Desbloquear mis historiales',
  loadAgain: 'Volver a cargar sus historiales',
  noRecords: 'Todavía no aparece en ningún historial.',
  sharesTitle: 'Lo que usted compartió',
  shareTerms: (since: string, items: string) => `Compartido el ${since}: ${items}.`,
  shareNumber: (since: string, _n: number, _total: number, nText: string, totalText: string) => `${since} (${nText} de ${totalText})`,
  shareItemCount: (n: number, formatted: string) => plural('es', n, { one: '1 elemento', other: `${formatted} elementos` }),
  sharePurpose: (purpose: string) => `Para qué: ${purpose}`,
  dialogRecord: (record: string) => `Historial: ${record}`,
  yourRoleEditor: 'Puede ver y compartir este historial.',
  yourRoleViewer: 'Puede ver este historial.',
  yourShareEnded: (day: string) => `Compartido con usted hasta el ${day}: esa fecha ya pasó.`,
  role: (r: Role) => (r === 'viewer' ? 'puede ver' : 'puede ver y compartir'),
  you: 'usted',
  listedTitle: 'Aparecen en este historial',
  listedExplain:
    'Solo quien puede compartir un historial ve quién puede hacer qué. Estas claves aparecen en él; aparecer no demuestra que alguien pueda abrirlo.',
  peopleTitle: 'Quién tiene acceso',
  revoke: 'Revocar',
  revokeWho: (who: string) => `Revocar el acceso de ${who}`,
  revokeShare: (who: string, items: number, since: string, until: string | undefined, itemsText: string) =>
    `Revocar el acceso de ${who} ${plural('es', items, { one: 'al elemento compartido', other: `a los ${itemsText} elementos compartidos` })} el ${since}${until ? `, hasta el ${until}` : ''}`,
  dialogTitle: (who: string) => `¿Revocar el acceso de ${who}?`,
  doneTitle: (who: string, everywhere: boolean) => `Acceso revocado para ${who}${everywhere ? '' : ', pero aún no en todos los servidores de almacenamiento'}`,
  stops:
    'Qué se detiene: el historial se vuelve a cerrar con claves nuevas, así que esa persona ya no podrá abrirlo desde los servidores de almacenamiento, ni esta versión ni las siguientes.',
  stays:
    'Qué no se puede recuperar: lo que ya haya abierto, descargado o copiado se queda con esa persona. Un servidor de almacenamiento que guarde copias antiguas aún puede entregar la versión anterior, que la clave antigua sigue abriendo.',
  partsMissing: (who: string, _have: number, _total: number, haveText: string, totalText: string, record: string) =>
    `Solo se encontraron ${haveText} de ${totalText} partes de «${record}» en sus servidores de almacenamiento, así que aún no se puede revocar el acceso: un cambio ahora dejaría las partes no encontradas abiertas para ${who}, y las quitaría de su propio historial si aparecen más tarde. Vuelva a cargar sus historiales para buscarlas. Si es algo compartido que salió solo en parte, las partes que nunca se enviaron no aparecerán, y lo que salió sigue abierto para ${who}.`,
  partlyRevoked: (_sent: number, total: number, sentText: string, totalText: string) => `Solo salió una parte: ${partlyRestEs(total, sentText, totalText)}`,
  nothingRevoked: 'Se dejó de esperar a su firmador y ningún servidor de almacenamiento recibió el cambio, así que no se envió nada: el acceso no se revocó y todavía pueden abrir el historial. Puede volver a intentarlo.',
  unconfirmedRevoke:
    'Los servidores de almacenamiento no confirmaron el cambio a tiempo, así que puede que les haya llegado: quizá el acceso ya esté revocado, o todavía no. Vuelva a intentarlo para asegurarse; no se firmará nada nuevo.',
  unconfirmedNotice: (who: string) =>
    `La revocación del acceso de ${who} no se confirmó a tiempo: puede que haya llegado a los servidores de almacenamiento, o todavía no. Vuelva a intentarlo para asegurarse; no se firmará nada nuevo.`,
  unconfirmedEndedNotice: (n: number, nText: string) =>
    `${plural('es', n, { one: 'La revocación del historial compartido vencido', other: `La revocación de los ${nText} historiales compartidos vencidos` })} no se confirmó a tiempo: puede que haya llegado a los servidores de almacenamiento, o todavía no. Vuelva a intentarlo para asegurarse; no se firmará nada nuevo.`,
  notEverywhere: 'Un servidor de almacenamiento que no lo recibió sigue entregando la versión anterior, que esa persona aún puede abrir desde allí: envíelo también a ese servidor.',
  unfinishedNotice: (who: string) =>
    `El acceso de ${who} está revocado, pero aún no en todos los servidores de almacenamiento: uno que no lo recibió sigue entregando la versión anterior, que esa persona aún puede abrir desde allí.`,
  unfinishedEndedNotice: (n: number, nText: string) =>
    plural('es', n, {
      one: 'El historial compartido vencido está revocado, pero aún no en todos los servidores de almacenamiento: uno que no lo recibió sigue entregando la versión anterior, que esa persona aún puede abrir desde allí.',
      other: `Los ${nText} historiales compartidos vencidos están revocados, pero aún no en todos los servidores de almacenamiento: uno que no lo recibió sigue entregando la versión anterior, que esas personas aún pueden abrir desde allí.`,
    }),
  partlyNotice: (who: string, _sent: number, total: number, sentText: string, totalText: string) =>
    `La revocación del acceso de ${who} solo salió en parte: ${partlyRestEs(total, sentText, totalText)}`,
  partlyEndedNotice: (n: number, _sent: number, total: number, nText: string, sentText: string, totalText: string) =>
    `${plural('es', n, { one: 'La revocación del historial compartido vencido', other: `La revocación de los ${nText} historiales compartidos vencidos` })} solo salió en parte: ${partlyRestEs(total, sentText, totalText)}`,
  otherFirst: 'Otra revocación de este historial solo salió en parte. Envíe primero el resto (junto a la lista); hasta entonces no se puede cambiar nada más en este historial.',
  overdueNotice: (n: number, nText: string) =>
    plural('es', n, {
      one: 'Ya pasó la fecha de fin de un historial compartido, pero esa persona aún puede abrirlo hasta que usted lo revoque.',
      other: `Ya pasó la fecha de fin de ${nText} historiales compartidos, pero esas personas aún pueden abrirlos hasta que usted los revoque.`,
    }),
  revokeEnded: (n: number, nText: string) => plural('es', n, { one: 'Revocar el historial compartido vencido…', other: `Revocar los ${nText} historiales compartidos vencidos…` }),
  endedTitle: (n: number, nText: string) =>
    plural('es', n, { one: '¿Revocar el historial compartido cuya fecha de fin ya pasó?', other: `¿Revocar los ${nText} historiales compartidos cuya fecha de fin ya pasó?` }),
  endedDoneTitle: (n: number, nText: string, everywhere: boolean) =>
    `${plural('es', n, { one: 'Se revocó el historial compartido cuya fecha de fin ya pasó', other: `Se revocaron los ${nText} historiales compartidos cuya fecha de fin ya pasó` })}${everywhere ? '' : ', pero aún no en todos los servidores de almacenamiento'}`,
  endedOn: (day: string) => `Terminó el ${day}`,
  confirmEnded: (n: number, nText: string) => plural('es', n, { one: 'Revocarlo', other: `Revocar los ${nText}` }),
  confirmEndedRest: (n: number, nText: string) => plural('es', n, { one: 'Revocar el otro', other: `Revocar los otros ${nText}` }),
  endedRevoked: (n: number, _ok: number, total: number, nText: string, okText: string, totalText: string) =>
    `${plural('es', n, { one: 'Se revocó el historial compartido vencido.', other: `Se revocaron los ${nText} historiales compartidos vencidos.` })} ${storageAcceptedEs(total, okText, totalText)}`,
  endedWaiting: (n: number, nText: string) =>
    plural('es', n, {
      one: 'No se revocó el historial compartido al que le faltan partes: esa persona todavía puede abrirlo.',
      other: `No se revocaron los ${nText} historiales compartidos a los que les faltan partes: esas personas todavía pueden abrirlos.`,
    }),
  editorMoves: 'Como podía editar, el historial pasa a una dirección nueva y la antigua se borra; se avisa a los demás de dónde está.',
  editorMovesAlone: 'Como podía editar, el historial pasa a una dirección nueva y la antigua se borra.',
  editorOthers: (who: string, names: string, n: number) =>
    `Después de esto, ${names} ${n === 1 ? 'aún puede' : 'aún pueden'} abrirlo. ${who} podía añadir personas: revoque a quien usted no haya elegido.`,
  confirmRevoke: (who: string) => `Revocar el acceso de ${who}`,
  waitRevoke: 'Su firmador le pedirá firmar un aviso para las personas que siguen teniendo acceso.',
  preparing: 'Preparando el cambio. Todavía no se ha enviado nada.',
  publishing: (events: number, relays: number, eventsText: string, relaysText: string) =>
    `Enviando ${plural('es', events, { one: '1 cambio', other: `${eventsText} cambios` })} a ${plural('es', relays, { one: '1 servidor de almacenamiento', other: `${relaysText} servidores de almacenamiento` })}…`,
  sendingOn: 'Se dejó de esperar a su firmador. Se sigue enviando el cambio a los servidores de almacenamiento que no le pidieron iniciar sesión…',
  revoked: (who: string, _ok: number, total: number, okText: string, totalText: string) =>
    `Acceso revocado para ${who}. ${storageAcceptedEs(total, okText, totalText)}`,
  moved: 'El historial pasó a una dirección nueva; se avisó a los demás.',
  movedAlone: 'El historial pasó a una dirección nueva.',
  refused: 'Su firmador lo rechazó. No se cambió nada.',
  noKey: (said) => `Su firmador no tiene ninguna clave lista, así que no se cambió nada.${noKeyTailEs(said)}`,
  locked: (detail) => `${detail} No se cambió nada.`,
  timedOut: 'Su firmador no respondió a tiempo. No se cambió nada; puede volver a intentarlo.',
  relayError: 'No aceptaron el cambio suficientes servidores de almacenamiento, así que el acceso aún no se ha revocado. Puede volver a intentarlo.',
  cancelled: 'Cancelado. No se cambió nada.',
  stoppedWaiting: 'Se dejó de esperar a su firmador. No se cambió ni envió nada; puede volver a intentarlo.',
  showHistory: 'Ver historial de consentimientos',
  waitHistory: 'Su firmador le pedirá abrir sus mensajes (dos aprobaciones por mensaje).',
  historyLost: 'No se pudo cargar una parte de esta página, así que no se leyó su historial de consentimientos. Compruebe su conexión a internet y vuelva a intentarlo.',
  historyTitle: 'Su historial de consentimientos',
  noHistory: 'Todavía no ha compartido nada ni respondido a ninguna solicitud.',
  shareAbout: (patient: string) => `Paciente: ${patient}`,
  sharesAboutYou: 'Los suyos',
  alsoOpens: (who: string, n: number, nText: string) =>
    plural('es', n, {
      one: `Esta revocación es solo de este historial. ${who} aún puede abrir 1 historial más de los suyos, que sigue como está:`,
      other: `Esta revocación es solo de este historial. ${who} aún puede abrir ${nText} historiales más de los suyos, que siguen como están:`,
    }),
  stillOpens: (who: string, n: number, nText: string) =>
    plural('es', n, {
      one: `${who} aún puede abrir 1 historial más de los suyos, que sigue como está:`,
      other: `${who} aún puede abrir ${nText} historiales más de los suyos, que siguen como están:`,
    }),
  noPatientName: 'Sin paciente nombrado',
  findPatient: 'Buscar un paciente por su nombre',
  // The verb agrees with how many are shown: "Se muestra 1 de 7", "Se muestran 2 de 7".
  patientsShown: (shown: number, total: number, shownText: string, totalText: string) =>
    `${plural('es', shown, { one: 'Se muestra', other: 'Se muestran' })} ${shownText} de ${plural('es', total, { one: '1 paciente', other: `${totalText} pacientes` })}.`,
  noPatientFound: (typed: string) => `Ningún nombre de paciente contiene «${typed}».`,
  printedFound: (typed: string, _shown: number, total: number, shownText: string, totalText: string) =>
    `Esta impresión contiene solo los pacientes cuyo nombre contiene «${typed}»: ${shownText} de ${plural('es', total, { one: '1 paciente', other: `${totalText} pacientes` })}.`,
  notPrinted: (count: number, formatted: string) =>
    plural('es', count, {
      one: 'Falta 1 historial más en esta impresión: la lista aún se estaba mostrando. Vuelva a imprimir cuando esté completa.',
      other: `Faltan ${formatted} historiales más en esta impresión: la lista aún se estaba mostrando. Vuelva a imprimir cuando esté completa.`,
    }),
  sharesClosedTitle: 'Ya no compartido',
  historyOn: (what: string, record: string) => `${what}: ${record}`,
  shareKinds: (kinds: string) => `Incluye: ${kinds}.`,
  shareAlso: 'También pueden abrirlo:',
  shareChanged: (who: string, day: string) =>
    `Su historial cambió el ${day}, después de compartir esto: ${who} lo sigue teniendo tal como lo compartió. Compártalo de nuevo para enviarle el cambio.`,
  stillOpenElsewhere: (who: string, n: number, nText: string) =>
    `${who} todavía puede abrir ${plural('es', n, { one: '1 de estos elementos', other: `${nText} de estos elementos` })} en otro historial, compartido o no, que no entra en esta revocación. Revóquelo también para retirárselos.`,
  accountUnconfirmed: 'Su firmador no confirmó qué cuenta está usando, así que no se envió nada más.',
};
