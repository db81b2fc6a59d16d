/** The words for the FHIR codes of code-words.ts in Spanish: every code the viewer meets, since none is a Spanish word. */
import type { CodeWords } from './code-words.js';
import { speciesWordsEs } from '../shared/species.es.js';

export const codeWordsEs: CodeWords = {
  yesNo: { true: 'sí', false: 'no' },
  prismBase: { up: 'base arriba', down: 'base abajo', in: 'base interna', out: 'base externa' },
  // The resource statuses the viewer meets, across resource types.
  status: {
    active: 'activo', inactive: 'inactivo', completed: 'completado', final: 'definitivo', preliminary: 'preliminar',
    amended: 'modificado', corrected: 'corregido', registered: 'registrado', cancelled: 'cancelado', finished: 'terminado',
    planned: 'previsto', 'in-progress': 'en curso', stopped: 'suspendido', 'on-hold': 'en pausa', draft: 'borrador', current: 'vigente',
    superseded: 'sustituido por una versión más nueva', 'not-done': 'no realizado', 'entered-in-error': 'registrado por error',
    unknown: 'desconocido', intended: 'previsto', 'not-taken': 'no tomado', revoked: 'revocado', rejected: 'rechazado',
    proposed: 'propuesto', accepted: 'aceptado', arrived: 'ha llegado', triaged: 'clasificado en triaje', onleave: 'de permiso',
    onhold: 'en pausa', preparation: 'en preparación', partial: 'disponible en parte', appended: 'definitivo, con añadidos posteriores',
    suspended: 'suspendido', pending: 'pendiente', booked: 'reservado', fulfilled: 'realizado', noshow: 'no acudió', 'checked-in': 'registrada la llegada',
    waitlist: 'en lista de espera', available: 'disponible', unavailable: 'no disponible', unsatisfactory: 'no apto', declined: 'rechazado',
    'health-unknown': 'salud desconocida', deceased: 'fallecido', 'deceased-female': 'fallecida', retired: 'retirado', requested: 'solicitado', received: 'recibido', ready: 'listo', failed: 'fallido',
  },
  clinicalStatus: { active: 'activo', recurrence: 'ha vuelto', relapse: 'recaída', inactive: 'inactivo', remission: 'en remisión', resolved: 'resuelto' },
  verification: {
    unconfirmed: 'sin confirmar', provisional: 'provisional', differential: 'uno de varios diagnósticos posibles', confirmed: 'confirmado', refuted: 'descartado',
    'entered-in-error': 'registrado por error',
  },
  criticality: { low: 'bajo', high: 'alto', 'unable-to-assess': 'sin evaluar' },
  severity: { mild: 'leve', moderate: 'moderada', severe: 'grave' },
  intent: {
    proposal: 'propuesto', plan: 'planificado', order: 'prescrito', 'original-order': 'prescrito', 'reflex-order': 'prescrito',
    'filler-order': 'prescrito', 'instance-order': 'prescrito', option: 'una de varias opciones',
  },
  gender: { male: 'masculino', female: 'femenino', other: 'otro', unknown: 'desconocido' },
  animalGender: { male: 'macho', female: 'hembra', other: 'otro', unknown: 'desconocido' },
  allergyCategory: { food: 'alimento', medication: 'medicamento', environment: 'entorno', biologic: 'producto biológico' },
  conditionCategory: { 'problem-list-item': 'en la lista de problemas de salud', 'encounter-diagnosis': 'diagnosticado en una consulta', 'health-concern': 'preocupación de salud' },
  observationCategory: {
    'social-history': 'hábitos de vida', 'vital-signs': 'signos vitales', imaging: 'imagen', laboratory: 'análisis de laboratorio', procedure: 'procedimiento',
    survey: 'cuestionario', exam: 'exploración', therapy: 'terapia', activity: 'actividad física',
  },
  encounterClass: {
    AMB: 'consulta ambulatoria', EMER: 'urgencias', IMP: 'hospitalización', ACUTE: 'hospitalización', NONAC: 'hospitalización',
    OBSENC: 'en observación', PRENC: 'antes del ingreso', SS: 'estancia corta', VR: 'consulta a distancia', HH: 'visita a domicilio', FLD: 'atención fuera del centro',
  },
  unit: {
    a: 'años', mo: 'meses', wk: 'semanas', d: 'días', h: 'horas', min: 'minutos', s: 'segundos',
    '/d': 'al día', '/h': 'por hora', '/min': 'por minuto',
  },
  unitOne: { a: 'año', mo: 'mes', wk: 'semana', d: 'día', h: 'hora', min: 'minuto', s: 'segundo' },
  timing: {
    QD: 'una vez al día', BID: 'dos veces al día', TID: 'tres veces al día', QID: 'cuatro veces al día', QOD: 'cada dos días',
    AM: 'cada mañana', PM: 'cada tarde', WK: 'una vez a la semana', MO: 'una vez al mes',
    Q1H: 'cada hora', Q2H: 'cada 2 horas', Q3H: 'cada 3 horas', Q4H: 'cada 4 horas', Q6H: 'cada 6 horas', Q8H: 'cada 8 horas',
    // Not of that code system: what a dose taken only when needed is worded as (FHIR asNeeded).
    PRN: 'si lo necesita',
  },
  interpretation: {
    H: 'alto', L: 'bajo', HH: 'muy alto, crítico', LL: 'muy bajo, crítico', HU: 'muy alto', LU: 'muy bajo', A: 'anormal',
    AA: 'anormal, crítico', N: 'normal', POS: 'positivo', NEG: 'negativo',
  },
  contactRelationship: { C: 'contacto de emergencia', N: 'familiar más cercano' },
  species: speciesWordsEs,
  absent: {
    unknown: 'desconocido', 'asked-unknown': 'se preguntó, no se sabe', 'temp-unknown': 'aún no se sabe', 'not-asked': 'no se preguntó',
    'asked-declined': 'se preguntó, prefirió no contestar', masked: 'oculto', 'not-applicable': 'no procede', unsupported: 'el sistema no lo registra',
    'as-text': 'dado como texto', error: 'error', 'not-a-number': 'no es un número', 'negative-infinity': 'demasiado bajo para medirlo',
    'positive-infinity': 'demasiado alto para medirlo', 'not-performed': 'no realizado', 'not-permitted': 'no permitido',
  },
  doseWhen: {
    MORN: 'por la mañana', AFT: 'por la tarde', EVE: 'al atardecer', NIGHT: 'por la noche', HS: 'al acostarse', WAKE: 'al despertar',
    C: 'con las comidas', CM: 'con el desayuno', CD: 'con el almuerzo', CV: 'con la cena', AC: 'antes de las comidas', ACM: 'antes del desayuno',
    ACD: 'antes del almuerzo', ACV: 'antes de la cena', PC: 'después de las comidas', PCM: 'después del desayuno', PCD: 'después del almuerzo', PCV: 'después de la cena',
  },
};
