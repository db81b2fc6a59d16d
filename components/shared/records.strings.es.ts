/** The shared strings of records.strings.ts in Spanish. */
import type { RecordNameParts, RecordsStrings } from './records.strings.js';
import { typeHeading, typeList } from './type-names.js';
import type { ConsentEvent } from '../core/store/history.js';
import type { ShareStatus } from '../core/store/share-copies.js';
import { plural } from './plural.js';
import { listText } from './lists.js';
import { clockOffEs } from './state-strings.es.js';

export const recordsStringsEs: RecordsStrings = {
  typeHeading: (type: string) => typeHeading('es', type),
  typeList: (types: string[]) => typeList('es', types),
  waitUnlock: 'Su firmador le pedirá desbloquear cada uno de sus historiales y cada uno que usted compartió (una vez cada uno).',
  loaded: (n: number, nText: string, skipped: number, skippedText: string, shared = 0, sharedText = String(shared)) =>
    `${plural('es', n, { one: '1 historial cargado', other: `${nText} historiales cargados` })}${shared ? `, y ${sharedText} que usted compartió` : ''}.`
    + `${skipped ? ` ${plural('es', skipped, { one: '1 no se pudo abrir y se dejó fuera.', other: `${skippedText} no se pudieron abrir y se dejaron fuera.` })}` : ''}`,
  cancel: 'Cancelar',
  close: 'Cerrar',
  historyDate: 'Fecha',
  historyWho: 'Quién',
  historyDecision: 'Decisión',
  historyTypes: 'Qué',
  historyUntil: 'Hasta',
  historyWhy: 'Para qué',
  decision: (d: 'active' | 'rejected') => (d === 'active' ? 'aprobada' : 'rechazada'),
  none: '—',
  recordName: ({ title, kinds, moreKinds, author, date, patient }: RecordNameParts) =>
    `${title ?? (kinds ? `${kinds.charAt(0).toLocaleUpperCase()}${kinds.slice(1)}${moreKinds ? ` y ${moreKinds} más` : ''}` : 'Historial vacío')}${patient ? ` (paciente: ${patient})` : ''} · de ${author} · ${date}`,
  historyWhat: 'Qué pasó',
  historyNow: 'Ahora',
  historyKind: (kind: ConsentEvent['kind']) =>
    ({ shared: 'compartido', approved: 'solicitud aprobada', denied: 'solicitud rechazada', revoked: 'acceso revocado', ended: 'llegó la fecha de fin' })[kind],
  inForce: (until: string | undefined) => (until ? `puede ver hasta el ${until}` : 'puede ver'),
  notInForce: 'ya no tiene acceso por esto',
  shareStatus: (status: ShareStatus, until: string | undefined, on?: string, editor?: boolean) =>
    ({
      active: `Puede ver${editor ? ' y compartir' : ''}${until ? ` hasta el ${until}` : ', sin fecha de fin'}.`,
      overdue: `La fecha de fin (${until}) ya pasó, pero aún puede abrirlo hasta que usted lo revoque.`,
      ended: `Terminó el ${until}.`,
      revoked: on ? `Revocado el ${on}.` : 'Revocado.',
    })[status],
  youHid: (hidden: number | undefined, who: string, hiddenText: string) =>
    hidden === undefined
      ? `Usted ocultó algunos elementos a ${who}.`
      : plural('es', hidden, { one: `Usted ocultó 1 elemento a ${who}.`, other: `Usted ocultó ${hiddenText} elementos a ${who}.` }),
  recordsLeft: (n: number, nText: string) =>
    plural('es', n, {
      one: 'Aún no se abrió 1 historial más, para no pedirle demasiado a su firmador de una vez. Vuelva a cargar sus historiales para abrirlo.',
      other: `Aún no se abrieron ${nText} historiales más, para no pedirle demasiado a su firmador de una vez. Vuelva a cargar sus historiales para abrirlos.`,
    }),
  recordsOlder: 'Puede que aún no se hayan revisado algunos de sus historiales: antes llegaron muchos elementos más recientes. Vuelva a cargar sus historiales para buscar más atrás.',
  mailLeft: (n: number, nText: string) =>
    plural('es', n, {
      one: 'Aún no se leyó 1 mensaje más, para no pedirle demasiado a su firmador de una vez. Vuelva a comprobar para leerlo.',
      other: `Aún no se leyeron ${nText} mensajes más, para no pedirle demasiado a su firmador de una vez. Vuelva a comprobar para leerlos.`,
    }),
  mailOlder: 'Aún no se revisaron algunos mensajes: antes llegaron muchos más recientes, o un servidor de almacenamiento no respondió. Vuelva a comprobar para buscar más.',
  mailSignIn: (servers: string[]) =>
    `Aún no se revisaron algunos mensajes: ${listText('es', servers)} ${servers.length > 1 ? 'pidieron' : 'pidió'} que usted se identificara y usted no lo hizo. Vuelva a comprobar para que se lo pidan de nuevo.`,
  mailSignInFailed: (servers: string[]) =>
    `Aún no se revisaron algunos mensajes: ${listText('es', servers)} ${servers.length > 1 ? 'pidieron' : 'pidió'} que usted se identificara, pero no se pudo completar. Vuelva a comprobar para intentarlo de nuevo.`,
  recordsUnchecked: (all: boolean) =>
    all
      ? 'No se pudieron revisar sus historiales en ningún servidor de almacenamiento.'
      : 'No se pudieron revisar sus historiales en todos los servidores de almacenamiento, así que puede que falten algunos aquí.',
  recordsUnreached: (servers: string[]) =>
    servers.length > 1 ? `No se pudo contactar con ${listText('es', servers)}, o no respondieron.` : `No se pudo contactar con ${listText('es', servers)}, o no respondió.`,
  recordsSignIn: (servers: string[]) => `${listText('es', servers)} ${servers.length > 1 ? 'pidieron' : 'pidió'} que usted se identificara y usted no lo hizo.`,
  recordsSignInFailed: (servers: string[]) => `${listText('es', servers)} ${servers.length > 1 ? 'pidieron' : 'pidió'} que usted se identificara, pero no se pudo completar.`,
  clockOff: clockOffEs,
  recordsRetry: 'Vuelva a cargar sus historiales para intentarlo de nuevo.',
  overdueInForce: 'la fecha de fin ya pasó; aún puede abrirlo hasta que usted lo revoque',
};
