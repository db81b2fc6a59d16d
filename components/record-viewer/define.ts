// The viewer renders <nip82-hidden-flag>; its class registers nothing, so its define module does.
import '../hidden-flag/define.js';
import { Nip82RecordViewer } from './record-viewer.js';
import { warmFormatters } from './fhir-format.js';

export { Nip82RecordViewer };

if (!customElements.get('nip82-record-viewer')) customElements.define('nip82-record-viewer', Nip82RecordViewer);

// The page's first number or date sets up the browser's locale data: done while the page is idle,
// not in the task that shows the first record.
if (typeof requestIdleCallback === 'function') requestIdleCallback(() => warmFormatters(), { timeout: 2000 });
else setTimeout(() => warmFormatters(), 0);

declare global {
  interface HTMLElementTagNameMap {
    'nip82-record-viewer': Nip82RecordViewer;
  }
}
