import { Nip82HiddenFlag } from './hidden-flag.js';

export { Nip82HiddenFlag };

if (!customElements.get('nip82-hidden-flag')) customElements.define('nip82-hidden-flag', Nip82HiddenFlag);

declare global {
  interface HTMLElementTagNameMap {
    'nip82-hidden-flag': Nip82HiddenFlag;
  }
}
