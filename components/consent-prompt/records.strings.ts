/**
 * Strings `<nip82-consent-prompt>` and `<nip82-access-list>` share word for word: kinds of items,
 * loading the user's records, the consent history table and the dialog buttons. Each element
 * spreads them into its own table, so they stay overridable per element through `.strings`.
 */
import type { Language } from '../shared/strings.js';
import { typeHeading, typeList } from './type-names.js';

export interface RecordsStrings {
  typeHeading: (type: string) => string;
  typeList: (types: string[]) => string;
  waitUnlock: string;
  loaded: (records: number, skipped: number) => string;
  cancel: string;
  close: string;
  historyDate: string;
  historyWho: string;
  historyDecision: string;
  historyTypes: string;
  historyUntil: string;
  decision: (d: 'active' | 'rejected') => string;
  none: string;
}

const en: RecordsStrings = {
  typeHeading: (type: string) => typeHeading('en', type),
  typeList: (types: string[]) => typeList('en', types),
  waitUnlock: 'Your signer will be asked to unlock each of your records (once per record).',
  loaded: (n: number, skipped: number) =>
    `${n} ${n === 1 ? 'record' : 'records'} loaded.${skipped ? ` ${skipped} could not be opened and ${skipped === 1 ? 'was' : 'were'} left out.` : ''}`,
  cancel: 'Cancel',
  close: 'Close',
  historyDate: 'Date',
  historyWho: 'Who',
  historyDecision: 'Decision',
  historyTypes: 'What',
  historyUntil: 'Until',
  decision: (d: 'active' | 'rejected') => (d === 'active' ? 'approved' : 'denied'),
  none: '—',
};

const es: RecordsStrings = {
  typeHeading: (type: string) => typeHeading('es', type),
  typeList: (types: string[]) => typeList('es', types),
  waitUnlock: 'Tu firmador te pedirá desbloquear cada uno de tus historiales (una vez por historial).',
  loaded: (n: number, skipped: number) =>
    `${n} ${n === 1 ? 'historial cargado' : 'historiales cargados'}.${skipped ? ` ${skipped} no se ${skipped === 1 ? 'pudo' : 'pudieron'} abrir y se ${skipped === 1 ? 'dejó' : 'dejaron'} fuera.` : ''}`,
  cancel: 'Cancelar',
  close: 'Cerrar',
  historyDate: 'Fecha',
  historyWho: 'Quién',
  historyDecision: 'Decisión',
  historyTypes: 'Qué',
  historyUntil: 'Hasta',
  decision: (d: 'active' | 'rejected') => (d === 'active' ? 'aprobada' : 'rechazada'),
  none: '—',
};

export const recordsStrings: Record<Language, RecordsStrings> = { en, es };
