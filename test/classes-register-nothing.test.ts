/**
 * Importing the classes registers nothing (only the define modules do), so a host can register a
 * class under its own tag, as a framework's dev server does when it loads the class module itself.
 * This file must import no define module: it runs in its own page.
 */
import { expect, fixture, html } from '@open-wc/testing';
import * as kit from '../components/index.js';

const TAGS = ['nip82-session', 'nip82-npub-picker', 'nip82-hidden-flag', 'nip82-record-viewer', 'nip82-consent-prompt', 'nip82-access-list'];

describe('element classes', () => {
  it('importing every class registers no tag', () => {
    expect(typeof kit.Nip82RecordViewer).to.equal('function');
    for (const tag of TAGS) expect(customElements.get(tag), tag).to.equal(undefined);
  });

  it('a host registers each class under its own tag, and its define module still registers what it renders', async () => {
    const classes = [kit.Nip82Session, kit.Nip82NpubPicker, kit.Nip82HiddenFlag, kit.Nip82RecordViewer, kit.Nip82ConsentPrompt, kit.Nip82AccessList];
    for (const [i, cls] of classes.entries()) customElements.define(`host-el-${i}`, cls);
    expect(customElements.get('host-el-3')).to.equal(kit.Nip82RecordViewer);
    for (const tag of TAGS) expect(customElements.get(tag), tag).to.equal(undefined);
    const flag = await fixture(html`<host-el-2 disclose="count" count="2"></host-el-2>`);
    expect(flag.shadowRoot!.textContent).to.contain('2');
  });
});
