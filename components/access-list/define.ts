import { Nip82AccessList } from './access-list.js';

if (!customElements.get('nip82-access-list')) customElements.define('nip82-access-list', Nip82AccessList);

declare global {
  interface HTMLElementTagNameMap {
    'nip82-access-list': Nip82AccessList;
  }
}

export { Nip82AccessList };
