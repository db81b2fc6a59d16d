import { Nip82Session } from './session.js';
import { defineTag } from '../shared/define-tag.js';

defineTag('nip82-session', Nip82Session);

declare global {
  interface HTMLElementTagNameMap {
    'nip82-session': Nip82Session;
  }
}

export { Nip82Session };
