import { Nip82NpubPicker } from './npub-picker.js';
import { defineTag } from '../shared/define-tag.js';

export { Nip82NpubPicker };
/** For elements that render a picker and forward a host's overrides to it (types only: registers nothing more). */
export type { NpubPickerStrings } from './npub-picker.strings.js';

defineTag('nip82-npub-picker', Nip82NpubPicker);

declare global {
  interface HTMLElementTagNameMap {
    'nip82-npub-picker': Nip82NpubPicker;
  }
}
