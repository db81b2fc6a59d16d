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
import type { Nip82Event } from '../components/shared/events.js';
import { RelayError } from '../components/core/errors.js';
import { waitUntil } from './wait.js';
import { expectRelayFixWithinUpdate, person, rejects } from './helpers.js';

class RelaysProbe extends Nip82Element {
  get inEffect() {
    return this.activeRelays;
  }
  client() {
    return this.relayClient();
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

  it('on an element: an entry that is no relay address is dropped and reported once per list; with none left, an action fails with invalid-url', async () => {
    const reported: Nip82Event<'nip82-error'>['detail'][] = [];
    const report = (e: Nip82Event<'nip82-error'>) => reported.push(e.detail);
    const el = await fixture<RelaysProbe>(html`<relays-probe relays="ws://127.0.0.1:1 relay.example.com" @nip82-error=${report}></relays-probe>`);
    expect(el.inEffect).to.deep.equal(['ws://127.0.0.1:1']);
    for (let i = 0; i < 3; i++) {
      el.requestUpdate();
      await el.updateComplete;
      expect(el.inEffect).to.deep.equal(['ws://127.0.0.1:1']);
    }
    expect(reported.map((r) => r.code)).to.deep.equal(['invalid-url']);
    expect(reported[0]!.message).to.contain('relay.example.com');
    expect(el.client().relays).to.deep.equal(['ws://127.0.0.1:1']);

    el.setAttribute('relays', 'https://127.0.0.1:7448');
    await el.updateComplete;
    expect(el.inEffect).to.deep.equal([]);
    expect(reported.map((r) => r.code)).to.deep.equal(['invalid-url', 'invalid-url']);
    const error = await rejects(() => el.client(), RelayError, 'invalid-url');
    expect(error.message).to.contain('https://127.0.0.1:7448');

    // A viewer with only bad relays of its own: Unlock says the page is set up wrong, in plain words.
    const reader = await person();
    const codes: string[] = [];
    const viewer = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer relays="relay.example.com" .signer=${reader.signer} @nip82-error=${(e: Nip82Event<'nip82-error'>) => codes.push(e.detail.code)}></nip82-record-viewer>`);
    const unlock = () => [...viewer.shadowRoot!.querySelectorAll('button')].find((b) => /Unlock my records/.test(b.textContent ?? ''));
    await waitUntil(() => unlock(), 'no unlock button', { timeout: 5000 });
    unlock()!.click();
    await waitUntil(() => viewer.status === 'relay-error', 'no relay error', { timeout: 5000 });
    await viewer.updateComplete;
    expect(codes).to.deep.equal(['invalid-url', 'invalid-url']);
    expect(viewer.shadowRoot!.querySelector('[part="status"]')!.textContent).to.contain("This page's storage server settings are wrong");
  });

  it('on an element: a handler that fixes the relays when told changes them within the update; alternating lists are each reported once', async () => {
    await expectRelayFixWithinUpdate(
      (bad, onError) => fixture<RelaysProbe>(html`<relays-probe relays=${bad} @nip82-error=${onError}></relays-probe>`),
      (el, good) => {
        expect(el.inEffect).to.deep.equal([good]);
      },
    );
  });
});
