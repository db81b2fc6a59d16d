// The viewer renders <nip82-hidden-flag>; its class registers nothing, so its define module does.
import '../hidden-flag/define.js';
import { Nip82RecordViewer } from './record-viewer.js';

export { Nip82RecordViewer };

if (!customElements.get('nip82-record-viewer')) customElements.define('nip82-record-viewer', Nip82RecordViewer);

declare global {
  interface HTMLElementTagNameMap {
    'nip82-record-viewer': Nip82RecordViewer;
  }
}
