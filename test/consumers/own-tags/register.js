import { Nip82Session, Nip82RecordViewer, Nip82HiddenFlag } from 'nip82-elements';

customElements.define('clinic-session', Nip82Session);
customElements.define('clinic-record-viewer', Nip82RecordViewer);
customElements.define('nip82-hidden-flag', Nip82HiddenFlag); // the viewer renders this tag
