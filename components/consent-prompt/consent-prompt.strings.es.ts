/** The built-in strings of `<nip82-consent-prompt>` in Spanish. */
import type { ConsentPromptStrings } from './consent-prompt.strings.js';
import type { Disclosure } from '../core/fhir/withheld.js';
import type { Role } from '../core/nip82/record.js';
import { noKeyTailEs, stateStringsEs } from '../shared/state-strings.es.js';
import { partLostStringsEs, refusedWhyEs, signerPageStringsEs, stopWaitingStringsEs } from '../shared/action-state-strings.es.js';
import { recordsStringsEs } from '../shared/records.strings.es.js';
import { typeCount } from '../shared/type-names.js';
import { clinicianKind } from '../shared/withheld-kinds.js';
import { plural } from '../shared/plural.js';
import { speciesNamed } from '../shared/species.js';
import { speciesWordsEs } from '../shared/species.es.js';
import { theDayEs } from '../shared/dates.js';
import type { PieceState } from './signed-action.js';

export const consentPromptStringsEs: ConsentPromptStrings = {
  ...stateStringsEs,
  ...recordsStringsEs,
  ...signerPageStringsEs,
  ...stopWaitingStringsEs,
  ...partLostStringsEs,
  ...refusedWhyEs,
  receiptsTitle: 'Dónde se envió',
  typeCount: (type: string, n: number, written: string) => typeCount('es', type, n, written),
  loadRecords: 'Desbloquear mis historiales',
  loadAgain: 'Volver a cargar sus historiales',
  loadingRecords: 'Abriendo sus historiales…',
  noRecords: 'Todavía no tiene historiales para compartir.',
  openShare: 'Compartir historiales…',
  ready: (records: number, recordsText: string, items: number, itemsText: string) =>
    `${plural('es', items, { one: 'Se puede compartir 1 elemento', other: `Se pueden compartir ${itemsText} elementos` })} de ${plural('es', records, { one: '1 historial', other: `${recordsText} historiales` })}.`,
  shareTitle: 'Compartir sus historiales',
  shareTitleOf: (_names: string[], list: string) => (list ? `Compartir los historiales de ${list}` : 'Compartir historiales'),
  recipientLegend: '1. Quién lo recibirá',
  recipientHelp: 'Pegue su clave pública. Después compruebe con esa persona la Clave que se muestra para quien eligió.',
  recipientMissing: 'Elija quién recibirá lo que comparte.',
  recipientIsYou: 'Esa es su propia clave. Elija a otra persona.',
  recipientPresetInvalid: 'Esta página intentó indicar quién recibe lo que comparte, pero dio una clave que no es válida. Elija usted a la persona y, por favor, avise al equipo del sitio.',
  recipientPresetSecret: 'Esta página intentó indicar quién recibe lo que comparte, pero dio una clave privada, que aquí nunca se usa. Elija usted a la persona y, por favor, avise al equipo del sitio.',
  itemsLegend: '2. Qué compartir',
  itemsHelp:
    'Marque lo que quiere compartir. Lo que no marque simplemente no forma parte de lo compartido. Lo que oculte también queda fuera, pero se avisará a quien lo reciba de que se ocultó algo, para que un profesional sepa que debe preguntar.',
  itemsKeys: 'La lista es una sola parada de la tecla Tab: las flechas recorren los elementos; Re Pág y Av Pág saltan de un tipo a otro.',
  hiddenBefore: (n: number, formatted: string, who: string) =>
    plural('es', n, { one: `1 elemento que ya ocultó a ${who} empieza oculto.`, other: `${formatted} elementos que ya ocultó a ${who} empiezan ocultos.` }),
  privateHidden: 'Los elementos que los historiales marcan como privados empiezan ocultos. Para compartir uno, vuelva a pulsar su botón Ocultar.',
  hiddenUnlisted: (who: string) =>
    `Ya le ocultó elementos a ${who} en un historial compartido que esa persona puede editar. Cuáles fueron no se guarda, porque podría leerlo, así que nada empieza oculto: compruebe que no comparte ahora nada de lo que le ocultó.`,
  hide: 'Ocultar',
  hideItem: (label: string, date: string) => (date ? `Ocultar ${label}, ${date}` : `Ocultar ${label}`),
  hideAll: 'Ocultar todo',
  hideGroup: (typeHeading: string, _n: number, formatted: string) => `Ocultar todo: ${typeHeading.toLowerCase()} (${formatted})`,
  hiddenTag: 'oculto, se avisa',
  shareGroup: (typeHeading: string, _n: number, formatted: string) => `Compartir todo: ${typeHeading.toLowerCase()} (${formatted})`,
  showGroupItems: (_n: number, formatted: string) => `Ver los ${formatted} elementos uno a uno`,
  noLabel: '(sin descripción)',
  nothingChosen: 'Elija al menos un elemento para compartir.',
  discloseLegend: '3. Si oculta elementos, el aviso dirá',
  disclose: (d: Disclosure) => (d === 'flag' ? 'solo que hay algo oculto' : d === 'count' ? 'cuántos' : 'cuántos y de qué tipo'),
  roleLegend: '4. Esa persona',
  role: (r: Role) => (r === 'viewer' ? 'puede ver' : 'puede ver y compartir con otros'),
  roleEditorHelp: 'Quien puede compartir también puede añadir y quitar personas de este historial compartido.',
  expiryLabel: '5. Hasta (opcional)',
  expiryHelp: 'Queda escrito como sus condiciones. Los servidores de almacenamiento que respetan las fechas de fin dejan de entregarlo después de ese día, pero no todos lo hacen: cuando termine, su lista de quién tiene acceso le ofrecerá revocarlo.',
  expiryPast: 'Elija una fecha a partir de hoy.',
  purposeLabel: '6. Finalidad (opcional)',
  review: 'Revisar',
  back: 'Atrás',
  previewTitle: (who: string) => `Lo que ${who} podrá abrir`,
  previewItems: (n: number, formatted: string) => plural('es', n, { one: '1 elemento compartido:', other: `${formatted} elementos compartidos:` }),
  previewHidden: (n: number, formatted: string) =>
    n === 0 ? 'No hay nada oculto, así que no habrá aviso.' : plural('es', n, { one: '1 elemento oculto queda fuera.', other: `${formatted} elementos ocultos quedan fuera.` }),
  previewIdentity: 'Su nombre y sus datos personales acompañan lo que comparte, para que sepan de quién es esta información de salud. No se pueden ocultar.',
  mentionsTitle: (n: number, formatted: string) =>
    plural('es', n, { one: '1 elemento compartido todavía menciona lo que usted ocultó', other: `${formatted} elementos compartidos todavía mencionan lo que usted ocultó` }),
  mentionsHelp: 'El motivo de una visita, una nota clínica o una factura pueden nombrar un elemento oculto. Ocúltelos también, o compártalos sabiéndolo. Lo que solo lo sugiere (una radiografía de la misma zona) no se detecta: revise la lista de abajo.',
  mentionItem: (item: string, hidden: string) => `${item}, que menciona «${hidden}»`,
  hideMentions: (n: number, formatted: string) => plural('es', n, { one: 'Ocultarlo también', other: `Ocultar estos ${formatted} también` }),
  mentionsUnchecked: 'Lo que comparte es demasiado grande para buscar en todo menciones de lo que ocultó. Revise la lista de abajo antes de compartir.',
  flagTells: (d: Disclosure, n: number, formatted: string, kinds: string) =>
    d === 'flag'
      ? 'El aviso solo dirá que se ocultó algo: ni cuánto ni qué.'
      : d === 'count'
        ? `El aviso dirá que se ${plural('es', n, { one: 'ocultó 1 elemento', other: `ocultaron ${formatted} elementos` })}, pero no de qué tipo.`
        : `El aviso dirá que se ${plural('es', n, { one: 'ocultó 1 elemento', other: `ocultaron ${formatted} elementos` })}: ${kinds}.`,
  flagKind: clinicianKind('es'),
  inYourWords: (flagWords: string, yours: string) => `${flagWords} (en sus palabras: ${yours})`,
  previewRole: (r: Role) => (r === 'viewer' ? 'Podrá verlo.' : 'Podrá verlo y compartirlo con otros (añadir y quitar personas).'),
  previewUntil: (date: string) => `Hasta el ${date}: sus condiciones por escrito. Revoque el acceso para terminarlo.`,
  previewNoEnd: 'Sin fecha de fin: el acceso dura hasta que usted lo revoque.',
  previewPurpose: (purpose: string) => `Finalidad: ${purpose}`,
  previewNoPurpose: 'Sin finalidad indicada.',
  flagCarried: 'A lo que usted recibió le faltan elementos que se ocultaron. También se les dirá.',
  previewConsent: 'Lo compartido incluye también una nota de consentimiento con estas condiciones.',
  revokeWarning:
    'Puede revocarlo más tarde: esa persona ya no podrá abrirlo desde los servidores de almacenamiento. Lo que ya haya abierto, descargado o copiado se queda con esa persona.',
  undoHint: '¿Persona o datos equivocados? Revóquelo ahora en su lista de quién tiene acceso. Lo que ya haya podido abrir se queda con esa persona.',
  confirm: (who: string) => `Compartir con ${who}`,
  waitShare: 'Su firmador le pedirá una vez firmar el historial compartido.',
  preparing: 'Preparándolo para su firmador. Todavía no se ha compartido ni enviado nada.',
  publishing: (n: number, formatted: string) => plural('es', n, { one: 'Enviando a 1 servidor de almacenamiento…', other: `Enviando a ${formatted} servidores de almacenamiento…` }),
  shared: (who: string, _ok: number, total: number, okText: string, totalText: string) =>
    `Compartido con ${who}. ${plural('es', total, { one: `${okText} de 1 servidor de almacenamiento lo aceptó.`, other: `${okText} de ${totalText} servidores de almacenamiento lo aceptaron.` })}`,
  relayNothing: 'Ningún servidor de almacenamiento lo aceptó. No se compartió ni envió nada; puede volver a intentarlo.',
  sendingOn: 'Se dejó de esperar a su firmador. Se sigue enviando a los servidores de almacenamiento que no le pidieron iniciar sesión…',
  stoppedNothingOut: (share: boolean) =>
    `Se dejó de esperar a su firmador y ningún servidor de almacenamiento lo recibió, así que no se envió nada: ${share ? 'lo compartido no está en vigor' : 'su respuesta no se entregó'}. Puede volver a intentarlo.`,
  notEverywhere: 'No todos los servidores de almacenamiento lo recibieron. Está en vigor desde los que sí lo recibieron; envíelo también a los demás, para que quede guardado en todos.',
  partial: (pieces: PieceState[], who: string) => {
    const name = (p: PieceState) =>
      ({ share: `el historial compartido con ${who}`, answer: `su respuesta a ${who}`, copy: 'su propia copia de la respuesta' })[p.name];
    // "de el" contracts to "del" in Spanish.
    const part = (p: PieceState) => (p.total > 1 && p.sent > 0 ? `${p.sent} de ${p.total} partes de ${name(p)}`.replace(/ de el /, ' del ') : name(p));
    const out = pieces.filter((p) => p.sent > 0).map(part);
    const unsure = pieces.filter((p) => p.unsure).map(name);
    const missing = pieces.filter((p) => p.sent + (p.unsure ?? 0) < p.total).map(name);
    return `Solo salió una parte. Enviado: ${out.join('; ')}.${unsure.length ? ` Quizá enviado (los servidores de almacenamiento no lo confirmaron a tiempo): ${unsure.join('; ')}.` : ''}${missing.length ? ` Falta enviar: ${missing.join('; ')}.` : ''} Termine el envío para completarlo; no se firma nada de nuevo.`;
  },
  unconfirmed: (share: boolean, who: string) =>
    `Los servidores de almacenamiento no lo confirmaron a tiempo, así que puede que les haya llegado${share ? ` y que ${who} ya pueda abrirlo` : ` y que ${who} ya tenga su respuesta`}. Termine el envío para asegurarse; no se firma nada de nuevo.`,
  finishSending: 'Terminar el envío',
  leaveHelp: (who: string) =>
    `O déjelo como está y empiece a compartir de nuevo. No se envía nada más, pero lo que ya salió se queda, y ${who} puede abrirlo. Un envío que queda sin terminar ya no se puede terminar ni retirar.`,
  takeBack: 'Retirarlo',
  takeBackHelp: (who: string) =>
    `¿Lo compartió por error? Retírelo: lo que ya salió se sustituye en los servidores de almacenamiento por una copia que solo usted puede abrir, y ${who} ya no podrá abrirlo allí. Lo que ya haya abierto se queda con esa persona.`,
  waitTakeBack: 'Su firmador le pedirá abrir lo compartido, para retirarlo.',
  tookBack: (who: string) => `Retirado: ${who} ya no puede abrir lo compartido desde los servidores de almacenamiento. Lo que ya haya abierto se queda con esa persona.`,
  takeBackFailed: 'No se pudo retirar.',
  takeBackShort: (who: string, went: boolean) =>
    `${went ? 'Solo una parte de la retirada llegó a los servidores de almacenamiento' : 'Ningún servidor de almacenamiento aceptó el cambio'}: donde no llegó, ${who} quizá aún pueda abrir lo que salió. Vuelva a retirarlo; no se firma nada de nuevo.`,
  leaveUnfinished: 'Dejarlo así y compartir de nuevo',
  leftUnfinished: (who: string) =>
    `El envío sin terminar a ${who} se quedó como estaba. Lo que ya salió se queda, y esa persona puede abrirlo.`,
  partialNoDeny: (who: string, maybe?: boolean) =>
    `Usted aprobó esta solicitud y ${maybe ? `puede que el historial compartido ya haya llegado a un servidor de almacenamiento, donde ${who} podría abrirlo` : `parte del historial compartido ya llegó a un servidor de almacenamiento, donde ${who} puede abrirlo`}, así que ya no se puede rechazar. Para retirar el acceso después del envío, revoque el historial compartido.`,
  reshared: 'Se compartiría un elemento que usted ya le ocultó. Ocúltelo, o muéstrelo usted mismo para compartirlo.',
  refused: 'Su firmador lo rechazó. No se compartió ni envió nada.',
  noKey: (said) => `Su firmador no tiene ninguna clave lista, así que no se compartió ni envió nada.${noKeyTailEs(said)}`,
  locked: (detail) => `${detail} No se compartió ni envió nada.`,
  timedOut: 'Su firmador no respondió a tiempo. No se compartió ni envió nada; puede volver a intentarlo.',
  relayError: 'No lo aceptaron suficientes servidores de almacenamiento. Todavía no hay nada definitivo; puede volver a intentarlo.',
  cancelled: 'Cancelado. No se firmó ni envió nada.',
  stoppedNothingSent: 'Cancelado. No se envió nada.',
  stoppedWaiting: 'Se dejó de esperar a su firmador. No se compartió ni envió nada; puede volver a intentarlo.',
  stoppedReading: 'Se dejó de esperar a su firmador. Es posible que todavía le pida confirmar; si lo hace, sus historiales se cargarán aquí.',
  checkRequests: 'Ver solicitudes',
  requestsLost: 'No se pudo cargar una parte de esta página, así que no se vieron sus solicitudes. Compruebe su conexión a internet y vuelva a ver las solicitudes.',
  waitRead: 'Su firmador le pedirá abrir sus mensajes (dos aprobaciones por mensaje).',
  reading: 'Leyendo sus mensajes…',
  requestsTitle: 'Solicitudes de acceso a sus historiales',
  noRequests: 'No hay solicitudes pendientes.',
  mailAhead: 'Un mensaje para usted tiene una fecha posterior a la fecha y la hora de este dispositivo, así que no se leyó: el reloj de este dispositivo, o el de quien lo envió, puede estar mal.',
  showAllRequests: (n) => `Mostrar las ${n} solicitudes`,
  requestsWaiting: (n: number, formatted: string) => plural('es', n, { one: '1 solicitud espera su respuesta.', other: `${formatted} solicitudes esperan su respuesta.` }),
  requestSummary: (who: string, types: string) => `${who} pide acceso a: ${types}.`,
  requestEnded: (day: string) => `Esta solicitud terminó el ${day}: solo se puede rechazar.`,
  requestEndedNote: (day: string) => `El periodo que pidió terminó el ${day}, así que esta solicitud ya no se puede aprobar. Puede rechazarla, o cancelar para dejarla sin responder.`,
  reviewRequest: 'Revisar y responder',
  reviewRequestFrom: (who: string, types: string, sent: string) => `Revisar y responder la solicitud de ${who} de acceso a ${types}, enviada el ${sent}`,
  sentNumber: (sent: string, _n: number, _total: number, nText: string, totalText: string) => `${sent} (${nText} de ${totalText})`,
  answerTitle: 'Responder a una solicitud de acceso',
  whoLabel: 'Quién lo pide',
  invisibleWarning: 'Su nombre contenía caracteres ocultos, que se han quitado. Compruebe la clave con esa persona.',
  whatLegend: 'Qué pide (desmarque para conceder menos)',
  whyLabel: 'Para qué',
  noPurpose: 'No indica el motivo.',
  periodLabel: 'Durante cuánto tiempo',
  period: (start: string, end: string) => (end ? `Desde ${start ? theDayEs(start) : 'ahora'} hasta ${theDayEs(end)}` : `Desde ${start ? theDayEs(start) : 'ahora'}, sin fecha de fin`),
  noPeriod: 'No indica un periodo.',
  untilLabel: 'Conceder hasta (puede acortarlo)',
  untilHelp: 'Queda escrito en su respuesta y en lo compartido. Revoque el acceso para terminarlo.',
  untilInvalid: 'Elija una fecha entre hoy y la fecha que pidió.',
  theirNote: 'Su nota',
  recordsLegend: 'De cuáles de sus historiales',
  answerItemsLegend: '1. Qué compartir',
  answerDiscloseLegend: '2. Si oculta elementos, el aviso dirá',
  nothingAsked: (kinds) => `Ninguno de sus historiales contiene ${kinds}, así que no hay nada que compartir. Puede rechazar la solicitud y explicar por qué en una respuesta.`,
  you: 'usted',
  noTypesChosen: 'Deje al menos un tipo de elemento, o rechace la solicitud.',
  unlockToApprove: 'Desbloquee primero sus historiales; luego elija qué compartir de ellos, o rechace la solicitud.',
  replyLabel: 'Su nota (opcional)',
  approve: (n: number, formatted: string) => plural('es', n, { one: 'Revisar: aprobar y compartir 1 elemento', other: `Revisar: aprobar y compartir ${formatted} elementos` }),
  approveLocked: 'Revisar: aprobar',
  confirmAnswer: (who: string) => `Aprobar y compartir con ${who}`,
  deny: 'Rechazar',
  waitApprove: (_n: number, nText: string) => `Su firmador le pedirá ${nText} veces: una para firmar el historial compartido y las demás para su respuesta.`,
  waitAnswer: (n: number, nText: string) =>
    plural('es', n, { one: 'Su firmador le pedirá una vez firmar su respuesta.', other: `Su firmador le pedirá ${nText} veces firmar su respuesta.` }),
  approved: (who: string) => `Aprobado. ${who} ya puede abrir lo que usted concedió.`,
  denied: (who: string) => `Rechazado. Se ha avisado a ${who}.`,
  approvedRevoked: (day: string) => `aprobada; revocada el ${day}`,
  historyTitle: 'Su historial de consentimientos',
  alreadyAnswered: (who: string, approved: boolean, denying: boolean) =>
    approved && denying
      ? `Usted ya aprobó esta solicitud, así que ya no se puede rechazar: ${who} puede abrir lo que usted concedió. Para retirar el acceso, revoque el historial compartido.`
      : `Usted ya ${approved ? 'aprobó' : 'rechazó'} esta solicitud, quizá en otra ventana. No se envió nada más.`,
  itemOf: (label: string, patient: string) => `${label} · ${patient}`,
  previewIdentityOf: (names: string[], list: string) =>
    `${names.length === 1 ? `El nombre y los datos de ${list} acompañan` : `Los nombres y los datos de ${list} acompañan`} lo que comparte, para que sepan de quién es esta información de salud. No se pueden ocultar.`,
  severalPeople: 'Lo que eligió es de más de una persona o animal. Comparta los historiales de uno solo cada vez.',
  endedMeanwhile: (records: string[]) =>
    !records.length
      ? 'Algunos de los datos ofrecidos ya no se pueden pasar a otros (lo que le dieron de ellos cambió mientras esto estaba abierto) y se quitaron. Revise lo que queda antes de compartir.'
      : `Lo compartido con usted de ${records.map((r) => `«${r}»`).join(', ')} terminó mientras esto estaba abierto, así que sus datos ya no se pueden pasar a otros y se quitaron. Revise lo que queda antes de compartir.`,
  expiryUnreadable: 'Elija una fecha a partir de hoy, con un año de 4 cifras.',
  previewStillOpen: (who: string, n: number, formatted: string) =>
    `${who} todavía puede abrir ${plural('es', n, { one: '1 de los elementos que oculta', other: `${formatted} de los elementos que oculta` })}: ${n === 1 ? 'está' : 'están'} en algo que usted ya compartió con esa persona, o en un historial que puede abrir. Ocultar${n === 1 ? 'lo' : 'los'} aquí no se ${n === 1 ? 'lo' : 'los'} quita: para eso, revoque ese acceso.`,
  denyWho: (who: string) => `Rechazar la solicitud de ${who}`,
  alreadyShared: (who: string) =>
    `${who} ya puede abrir historiales que usted le compartió antes. Rechazar esta solicitud no se los quita; aprobarla los comparte otra vez. Para terminar su acceso, revoque lo que compartió.`,
  deniedStillOpen: (who: string) => `Rechazado. Se ha avisado a ${who}, pero todavía puede abrir lo que usted le compartió antes, hasta que lo revoque.`,
  requestSent: (sent: string) => `Enviada el ${sent}.`,
  selfNamed: 'Este nombre lo eligió esa persona; este sitio no la conoce por él, y cualquiera puede elegir cualquier nombre. Compruebe la clave con esa persona antes de aprobar.',
  unnamedAsker: 'Este sitio no sabe quién es, y no dio ningún nombre. Compruebe la clave con esa persona antes de aprobar.',
  aboutWhom: 'De quién son los historiales',
  aboutWhomHelp: 'Estos historiales son de más de una persona o animal. Cada vez que comparte, comparte lo de uno solo: elija de quién son los historiales entre los que elegir.',
  aboutYou: 'Los suyos',
  aboutYourAnimals: 'Sus animales',
  species: speciesNamed(speciesWordsEs),
  accountUnconfirmed: 'Su firmador no confirmó qué cuenta está usando, así que no se envió nada más.',
  passingAsker: 'Usa un nombre que este sitio conoce para otra persona, así que ese nombre no se muestra. Compruebe la clave con esa persona antes de aprobar.',
};
