import { Nip82NpubPicker } from './npub-picker.js';

export { Nip82NpubPicker };

if (!customElements.get('nip82-npub-picker')) customElements.define('nip82-npub-picker', Nip82NpubPicker);

declare global {
  interface HTMLElementTagNameMap {
    'nip82-npub-picker': Nip82NpubPicker;
  }
}
