import { Nip82RecordViewer, hiddenFlag } from './record-viewer.js';
import { warmFormatters } from './fhir-format.js';
import { OnDemand } from './on-demand.js';
import { defineTag } from '../shared/define-tag.js';

export { Nip82RecordViewer };

defineTag('nip82-record-viewer', Nip82RecordViewer);
// The viewer renders <nip82-hidden-flag>; its class registers nothing, so its define module does,
// the first time a record has withheld items.
hiddenFlag.part ??= new OnDemand(() => import('../hidden-flag/define.js').then((m) => m.Nip82HiddenFlag));

// The page's first number or date sets up the browser's locale data: done while the page is idle,
// not in the task that shows the first record.
if (typeof requestIdleCallback === 'function') requestIdleCallback(() => warmFormatters(), { timeout: 2000 });
else setTimeout(() => warmFormatters(), 0);

declare global {
  interface HTMLElementTagNameMap {
    'nip82-record-viewer': Nip82RecordViewer;
  }
}
