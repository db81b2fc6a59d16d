import { Nip82HiddenFlag } from './hidden-flag.js';
import { defineTag } from '../shared/define-tag.js';

export { Nip82HiddenFlag };
/** For elements that render a flag and forward a host's overrides to it (types only: registers nothing more). */
export type { HiddenFlagStrings } from './hidden-flag.strings.js';

defineTag('nip82-hidden-flag', Nip82HiddenFlag);

declare global {
  interface HTMLElementTagNameMap {
    'nip82-hidden-flag': Nip82HiddenFlag;
  }
}
