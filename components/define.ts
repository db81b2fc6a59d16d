/**
 * Registers every element of the kit (guarded: loading it twice is harmless). This is also the
 * entry of the embed bundle `dist/cdn/nip82-elements.js`, which re-exports the classes and the
 * protocol core for pages that use a plain `<script type="module">`.
 */
import './session/define.js';
import './npub-picker/define.js';
import './hidden-flag/define.js';
import './record-viewer/define.js';
import './consent-prompt/define.js';
import './access-list/define.js';

export * from './index.js';
