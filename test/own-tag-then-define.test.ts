/**
 * A host registers a class under its own tag, and later the kit's define module for that element is
 * imported too (the kit's full define, the embed, or an element's define for the tag another element
 * renders): nothing throws, and both tags show the element. This file must import no define module
 * statically: it runs in its own page.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import * as kit from '../components/index.js';

describe('a class under the host\'s own tag, then the kit\'s define modules', () => {
  it('registers the kit\'s tags without throwing, and both tags render', async () => {
    customElements.define('host-flag', kit.Nip82HiddenFlag);
    customElements.define('host-picker', kit.Nip82NpubPicker);
    customElements.define('host-viewer', kit.Nip82RecordViewer);
    const failures: string[] = [];
    for (const load of [() => import('../components/hidden-flag/define.js'), () => import('../components/define.js')]) {
      await load().catch((error: Error) => failures.push(`${error.name}: ${error.message}`));
    }
    expect(failures, 'importing the define modules').to.deep.equal([]);
    for (const tag of ['nip82-hidden-flag', 'nip82-npub-picker', 'nip82-record-viewer', 'nip82-session', 'nip82-consent-prompt', 'nip82-access-list']) {
      expect(customElements.get(tag), tag).to.not.equal(undefined);
    }
    const page = await fixture(html`<div>
      <host-flag disclose="count" count="2"></host-flag>
      <nip82-hidden-flag disclose="count" count="3"></nip82-hidden-flag>
      <nip82-npub-picker label="Clinician"></nip82-npub-picker>
    </div>`);
    const said = (tag: string) => page.querySelector(tag)!.shadowRoot?.textContent ?? '';
    await waitUntil(() => said('host-flag').includes('2') && said('nip82-hidden-flag').includes('3'), 'both flags show their counts');
    await waitUntil(() => said('nip82-npub-picker').includes('Clinician'), 'the picker under the kit\'s tag shows its label');
  });
});
