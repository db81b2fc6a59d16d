/**
 * A framework that prefers properties (Vue sets `relays` as a property when the element has one)
 * passes the template's space-separated string: the property takes it as the attribute does.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/session/define.js';
import '../components/record-viewer/define.js';
import type { Nip82Session } from '../components/session/session.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { Nip82Element } from '../components/shared/base.js';

class RelaysProbe extends Nip82Element {
  get inEffect() {
    return this.activeRelays;
  }
  override render() {
    return this.renderLive('');
  }
}
customElements.define('relays-probe', RelaysProbe);

describe('the relays property', () => {
  it('on <nip82-session> takes a space-separated string and hands the list to the elements inside', async () => {
    const el = await fixture<Nip82Session>(html`<nip82-session .relays=${'ws://127.0.0.1:1  ws://127.0.0.1:2'}><relays-probe></relays-probe></nip82-session>`);
    expect(el.relays).to.deep.equal(['ws://127.0.0.1:1', 'ws://127.0.0.1:2']);
    const probe = el.querySelector('relays-probe') as RelaysProbe;
    await probe.updateComplete;
    expect(probe.inEffect).to.deep.equal(['ws://127.0.0.1:1', 'ws://127.0.0.1:2']);
  });

  it('on an element takes a string, a list, or nothing', async () => {
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer .relays=${'ws://127.0.0.1:3,ws://127.0.0.1:4'}></nip82-record-viewer>`);
    expect(el.relays).to.deep.equal(['ws://127.0.0.1:3', 'ws://127.0.0.1:4']);
    el.relays = ['ws://127.0.0.1:5'];
    expect(el.relays).to.deep.equal(['ws://127.0.0.1:5']);
    el.relays = null;
    expect(el.relays).to.deep.equal([]);
    el.setAttribute('relays', 'ws://127.0.0.1:6 ws://127.0.0.1:7');
    expect(el.relays).to.deep.equal(['ws://127.0.0.1:6', 'ws://127.0.0.1:7']);
  });
});
