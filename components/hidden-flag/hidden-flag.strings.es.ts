/** The built-in strings of `<nip82-hidden-flag>` in Spanish. */
import type { HiddenFlagStrings } from './hidden-flag.strings.js';
import { plural } from '../shared/plural.js';
import { clinicianKind, kindsLine } from '../shared/withheld-kinds.js';

export const hiddenFlagStringsEs: HiddenFlagStrings = {
  flagTitle: 'El paciente decidió no compartir algunos elementos',
  countTitle: (count, countText) => `El paciente no compartió ${plural('es', count, { one: `${countText} elemento`, other: `${countText} elementos` })} de este historial`,
  kind: clinicianKind('es'),
  kindsList: kindsLine,
  explanation: 'El paciente decidió no compartirlos aquí. Si pudieran ser importantes para la atención, conviene preguntarle por ellos.',
  flagTitleOwner: 'El dueño decidió no compartir algunos elementos',
  countTitleOwner: (count, countText) => `El dueño no compartió ${plural('es', count, { one: `${countText} elemento`, other: `${countText} elementos` })} de este historial`,
  explanationOwner: 'El dueño decidió no compartirlos aquí. Si pudieran ser importantes para la atención, conviene preguntarle al dueño por ellos.',
};
