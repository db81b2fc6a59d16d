import { Nip82Session } from './session.js';

if (!customElements.get('nip82-session')) customElements.define('nip82-session', Nip82Session);

declare global {
  interface HTMLElementTagNameMap {
    'nip82-session': Nip82Session;
  }
}

export { Nip82Session };
