import { Nip82AccessList } from './access-list.js';
import { defineTag } from '../shared/define-tag.js';

defineTag('nip82-access-list', Nip82AccessList);

declare global {
  interface HTMLElementTagNameMap {
    'nip82-access-list': Nip82AccessList;
  }
}

export { Nip82AccessList };
