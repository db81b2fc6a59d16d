// The prompt renders <nip82-npub-picker>; its class registers nothing, so its define module does.
import '../npub-picker/define.js';
import { Nip82ConsentPrompt } from './consent-prompt.js';
import { defineTag } from '../shared/define-tag.js';

defineTag('nip82-consent-prompt', Nip82ConsentPrompt);

declare global {
  interface HTMLElementTagNameMap {
    'nip82-consent-prompt': Nip82ConsentPrompt;
  }
}

export { Nip82ConsentPrompt };
