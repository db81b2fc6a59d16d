/**
 * The built-in strings of `<nip82-record-viewer>` in Spanish, but for those record-viewer.strings.ts
 * makes of data: section headings and kinds of items from the kit's vocabulary, and the words for
 * FHIR codes from the table exported here. This pack imports none of the viewer's own modules, so
 * that it can travel apart from them.
 */
import type { AudienceStrings, RecipientStrings, RecordViewerStrings } from './record-viewer.strings.js';
import { errorDetailEs, recordFailureEs } from '../shared/error-details.es.js';
import { plural } from '../shared/plural.js';
import { theDayEs } from '../shared/dates.js';
import { clockOffEs, noKeyTailEs, stateStringsEs } from '../shared/state-strings.es.js';

import { codeWordsEs } from './code-words.es.js';

/** Per FHIR unit of time: "al día" (una vez al día) and "días" (cada 2 días). */
const TIME_UNITS_ES: Record<string, [string, string]> = {
  s: ['por segundo', 'segundos'], min: ['por minuto', 'minutos'], h: ['por hora', 'horas'], d: ['al día', 'días'],
  wk: ['a la semana', 'semanas'], mo: ['al mes', 'meses'], a: ['al año', 'años'],
};

export const recordViewerStringsEs: Omit<RecordViewerStrings, keyof AudienceStrings | 'codeWord'> = {
  introMine: 'Sus historiales están cifrados. Desbloquéelos para leerlos aquí; su firmador le preguntará una vez por cada historial suyo y por cada uno que usted compartió.',
  introOne: 'Este historial está cifrado. Desbloquéelo para leerlo aquí; su firmador le preguntará una vez.',
  unlockMine: 'Desbloquear mis historiales',
  unlockOne: 'Desbloquear este historial',
  retry: 'Intentar de nuevo',
  waitingSigner: 'Esperando a su firmador: se le pedirá desbloquear cada historial y cada uno que usted compartió (una vez cada uno).',
  searchingRelays: 'Buscando sus historiales en sus servidores de almacenamiento…',
  preparing: (count, formatted) => plural('es', count, { one: 'Preparando 1 elemento…', other: `Preparando ${formatted} elementos…` }),
  unlocking: (done, total) => `Desbloqueando ${done} de ${total}…`,
  unlockingLabel: 'Desbloqueando historiales',
  opened: (count, countText, shared = 0, sharedText = String(shared)) =>
    `${plural('es', count, { one: '1 historial desbloqueado', other: `${countText} historiales desbloqueados` })}${shared ? `, y ${sharedText} que usted compartió` : ''}.`,
  noneFound: 'No se encontraron historiales para usted en estos servidores de almacenamiento.',
  notFound: 'No se encontró este historial. Puede que se haya borrado o que esté en un servidor de almacenamiento que esta página no usa: pregunte a quien lo compartió con usted.',
  badLink: 'Este enlace no lleva a un historial de salud: puede estar incompleto o mal copiado. Pida a quien se lo envió que se lo vuelva a enviar.',
  severalLinks: 'Este texto tiene enlaces a más de un historial, así que no se abrió ninguno. Pida a quien se lo envió que le envíe solo el que quería.',
  noSigner: stateStringsEs.noSigner,
  signInFirst: 'No ha iniciado sesión. Inicie sesión para ver sus historiales.',
  refused: 'Su firmador rechazó desbloquear los historiales. No se abrió nada.',
  noKey: (said) => `Su firmador no tiene ninguna clave lista, así que no se abrió nada.${noKeyTailEs(said)}`,
  locked: (detail) => `${detail} No se abrió nada.`,
  timedOut: 'Su firmador no respondió a tiempo. Compruebe que está abierto y desbloqueado, y vuelva a intentarlo.',
  relayError: 'No se pudo contactar con los servidores de almacenamiento. Compruebe su conexión a internet y vuelva a intentarlo.',
  partLostRetry: 'No se pudo cargar una parte de esta página, así que no se muestran sus historiales. Compruebe su conexión a internet y vuelva a intentarlo.',
  badStorageSettings: stateStringsEs.badStorageSettings,
  badData: 'No se pudo leer este historial.',
  errorDetail: errorDetailEs,
  accountChanged: stateStringsEs.accountChanged,
  checkingAccount: stateStringsEs.checkingAccount,
  cancelled: 'Se canceló el desbloqueo. No se abrió nada.',
  someFailed: (count, countText) => plural('es', count, { one: 'No se pudo abrir 1 historial:', other: `No se pudieron abrir ${countText} historiales:` }),
  relayReport: (relay, status) => `${relay}: ${status}`,
  relayStatus: (status, signIn) =>
    status === 'auth-required'
      ? `pidió que usted iniciara sesión${signIn ? `; ${signIn === 'failed' ? 'el inicio de sesión no se completó' : 'usted no lo hizo'}, así que no se buscó nada allí` : ' y no dejó leer nada'}`
      : ({ complete: 'respondió', incomplete: 'envió solo una parte de lo que tiene', closed: 'cerró la consulta', timeout: 'no respondió a tiempo', unreachable: 'no se pudo contactar' })[status] ?? status,
  notSignedIn: (signIn) => `Un servidor de almacenamiento ${recordViewerStringsEs.relayStatus('auth-required', signIn)}.`,
  clockOff: clockOffEs,
  waitSignIn: stateStringsEs.waiting('Un servidor de almacenamiento le pide que inicie sesión primero.'),
  stopWaiting: 'Dejar de esperar',
  failureReason: recordFailureEs,
  failureLine: (reason, count, countText) => (count > 1 ? `${reason} (${countText} historiales)` : reason),
  moreFailures: (count, countText) => plural('es', count, { one: 'Y 1 historial más, por otros motivos.', other: `Y ${countText} historiales más, por otros motivos.` }),
  recordsLeft: (count, countText) =>
    plural('es', count, {
      one: 'Aún no se abrió 1 historial más, para no pedirle demasiado a su firmador de una vez.',
      other: `Aún no se abrieron ${countText} historiales más, para no pedirle demasiado a su firmador de una vez.`,
    }),
  recordsOlder: 'Puede que aún no se hayan revisado algunos de sus historiales: antes llegaron muchos elementos más recientes. Abra más historiales para buscar más atrás.',
  openMore: 'Abrir más historiales',
  searchLabel: 'Buscar en estos historiales',
  viewLabel: 'Vista',
  viewSummary: 'Resumen',
  viewTimeline: 'Cronología',
  showNarratives: 'Mostrar el texto original',
  print: 'Imprimir',
  printPreparing: (count, formatted) => plural('es', count, { one: 'Preparando 1 elemento para imprimir…', other: `Preparando ${formatted} elementos para imprimir…` }),
  exportJson: 'Descargar una copia',
  filterLegend: 'Secciones a mostrar',
  sectionCount: (label, count) => `${label} (${count})`,
  showing: (shown, total) => `Mostrando ${shown} de ${total} elementos`,
  stillSearching: (showing) => `${showing}; sigue buscando…`,
  showMore: (step, left) => `Mostrar ${step} más (${left} sin mostrar)`,
  notPrinted: (count, left, print) =>
    plural('es', count, { one: `Falta 1 elemento más en esta impresión: use el botón ${print}.`, other: `Faltan ${left} elementos más en esta impresión: use el botón ${print}.` }),
  noMatches: 'Nada coincide con esta búsqueda.',
  noneLeft: 'No queda nada que mostrar con los filtros elegidos.',
  emptyRecord: 'Este historial no tiene elementos.',
  timelineEmpty: 'No hay elementos con fecha.',
  undatedNotOnTimeline: (count, formatted) =>
    plural('es', count, { one: '1 elemento no tiene fecha, así que no está en la cronología. El resumen lo incluye.', other: `${formatted} elementos no tienen fecha, así que no están en la cronología. El resumen los incluye.` }),
  recordHeading: (_index, total, indexText, totalText) => (total > 1 ? `Historial ${indexText} de ${totalText}` : 'Historial de salud'),
  bundleHeading: 'Historial de salud',
  bundleProvenance: 'Proporcionado directamente por esta página: no hay firma que indique quién lo escribió.',
  authorLabel: 'Autor',
  sharerLabel: 'Compartido por',
  verified: 'firma comprobada',
  unverified: 'Autor no verificado: la firma de quien escribió este historial no es válida. Trate su contenido con cautela.',
  authorUnchecked: 'Autor no confirmado: faltan partes de este historial, así que aún no se puede comprobar la firma de quien lo escribió. Trate su contenido con cautela.',
  notBound: 'No confirmado como vigente: su autor lo firmó para otro historial, quizá una versión anterior corregida después. Compruebe la fecha de la firma.',
  signedLabel: 'Firmado por el autor',
  savedLabel: 'Guardado',
  roleLabel: 'Su acceso',
  roleEditor: 'editor (puede modificarlo)',
  roleViewer: 'lector (solo lectura)',
  shareEnded: (day) =>
    `Este acceso compartido terminó${day ? ` el ${day}` : ''}. Muestra el historial como era entonces, no como es ahora.`,
  shareUntil: (day) => `Compartido con usted hasta el ${day}.`,
  onlyUntil: (end) => `hasta ${theDayEs(end)}`,
  dosageTiming: (frequency, period, unit, frequencyText, periodText) => {
    const times = frequency === 1 ? 'una vez' : `${frequencyText} veces`;
    const words = Object.hasOwn(TIME_UNITS_ES, unit) ? TIME_UNITS_ES[unit]! : undefined;
    if (!words) return `${times} cada ${periodText} ${unit}`;
    return period === 1 ? `${times} ${words[0]}` : `${times} cada ${periodText} ${words[1]}`;
  },
  partsMissing: (_have, _total, haveText, totalText) => `Solo se encontraron ${haveText} de ${totalText} partes de este historial: pueden faltar elementos.`,
  youHid: (hidden, who, hiddenText) =>
    hidden === undefined
      ? `Usted ocultó algunos elementos a ${who}.`
      : plural('es', hidden, { one: `Usted ocultó 1 elemento a ${who}.`, other: `Usted ocultó ${hiddenText} elementos a ${who}.` }),
  itemSigned: (name, date) => `de ${name} · firmado el ${date} · firma comprobada`,
  itemAddedBy: (name) => `añadido por ${name}`,
  itemChanged: (name) => `modificado después de que ${name} lo firmara`,
  itemOtherPatient: (name) => `firmado por ${name}, pero para un paciente cuyos datos no son estos`,
  itemUnsigned: 'sin firma de nadie',
  signedOnly: 'Solo lo firmado por alguien distinto del paciente',
  signedOnlyOwner: 'Solo lo firmado por alguien distinto del dueño',
  enteredInError: 'Registrado por error',
  pastItems: 'Ya no vigentes',
  unnamed: (kind) => kind,
  narrativeLabel: (title) => `Texto original: ${title}`,
  narrativeOwnWords: 'Texto propio del historial, tal como lo escribió su autor:',
  attachmentRemote: 'Guardado en otro lugar; no se cargó.',
  attachmentText: 'Texto del documento',
  shortened: '(recortado)',
  eyeRight: 'Derecho',
  eyeLeft: 'Izquierdo',
  lensCaption: 'Lentes',
  lensEye: 'Ojo',
  lensProduct: 'Producto',
  lensSphere: 'Esfera',
  lensCylinder: 'Cilindro',
  lensAxis: 'Eje',
  lensAdd: 'Adición',
  lensPrism: 'Prisma',
  section_other: 'Otros elementos',
  fact_status: 'Estado',
  fact_clinicalStatus: 'Estado clínico',
  fact_verification: 'Verificación',
  fact_criticality: 'Riesgo de reacción grave',
  fact_severity: 'Gravedad',
  fact_category: 'Categoría',
  fact_reaction: 'Reacción',
  fact_onset: 'Inicio',
  fact_resolved: 'Resuelto',
  fact_recorded: 'Registrado',
  fact_dosage: 'Dosis',
  fact_intent: 'Intención',
  fact_prescriber: 'Prescriptor',
  fact_reason: 'Motivo',
  fact_date: 'Fecha',
  fact_value: 'Valor',
  fact_interpretation: 'Interpretación',
  fact_range: 'Intervalo de referencia',
  fact_performer: 'Realizado por',
  fact_lot: 'Lote',
  fact_site: 'Sitio',
  fact_route: 'Vía',
  fact_location: 'Lugar',
  fact_period: 'Periodo',
  fact_type: 'Tipo',
  fact_attachment: 'Adjunto',
  fact_birthDate: 'Nacimiento',
  fact_gender: 'Género',
  fact_species: 'Especie',
  fact_breed: 'Raza',
  fact_resourceType: 'Clase',
  fact_author: 'Autor',
  fact_outcome: 'Resultado',
  fact_notAvailable: 'No disponible',
  fact_note: 'Nota',
  fact_provider: 'Proveedor',
  fact_died: 'Fallecimiento',
  fact_conclusion: 'Conclusión',
  fact_results: 'Resultados',
  fact_activities: 'Cuidados previstos',
  fact_members: 'Miembros',
  fact_total: 'Total',
  fact_contact: 'Contacto',
  recordAbout: (heading, names) => `${heading}: ${names}`,
  itemOf: (name) => `De ${name}`,
  onlyFrom: (start) => `desde ${theDayEs(start)}`,
  authorUnnamed: 'La firma de su autor no dice para qué historial lo escribió, así que puede no ser su versión más reciente. Compruebe la fecha de la firma.',
  takenBack: (name) => `Se retiró el acceso a un historial compartido por ${name}. Lo que ya vio puede haberse guardado.`,
  nameApart: (name, whose, animal) => (animal ? `${name} (de ${whose})` : `${name} (${whose})`),
  bornOn: (date) => `nacimiento: ${date}`,
  fact_phone: 'Teléfono',
  fact_email: 'Correo electrónico',
  fact_address: 'Dirección',
  fact_language: 'Idioma',
  fact_udi: 'Identificador del dispositivo',
  fact_serial: 'Número de serie',
  fact_made: 'Fabricación',
  fact_expires: 'Caducidad',
  changedWhileOpen: (day) => `Cambió mientras lo tenía abierto: esta es la versión más reciente, firmada ${theDayEs(day)}. Lo que leyó antes puede haberse corregido.`,
  printedSearch: (words) => `Solo los elementos que coinciden con «${words}»`,
  printedLeftOut: (sections) => `Secciones omitidas: ${sections}`,
  attachmentInline: 'Un archivo de este historial que no se puede mostrar aquí.',
  deletedByOwner: (name) => `Su propietario eliminó o trasladó un historial compartido por ${name}. Lo que ya vio puede haberse guardado.`,
  downloadName: (id, whole) => `historial-de-salud${id ? `-${id}` : ''}${whole ? '' : '-incompleto'}.json`,
};

/** For `audience="clinician"`: the records patients shared with the reader, not the reader's own. */
export const recordViewerRecipientStringsEs: RecipientStrings = {
  introMine: 'Los historiales compartidos con usted están cifrados. Desbloquéelos para leerlos aquí; su firmador le preguntará una vez por historial.',
  unlockMine: 'Desbloquear los historiales compartidos con usted',
  searchingRelays: 'Buscando los historiales compartidos con usted en sus servidores de almacenamiento…',
  pastItems: 'Inactivos o descartados',
};

/** The pack as the viewer loads it: one export, so that the single file holds the tables themselves (no module object). */
export const recordViewerPackEs = { strings: recordViewerStringsEs, recipient: recordViewerRecipientStringsEs, codeWords: codeWordsEs };
