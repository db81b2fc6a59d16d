/**
 * A host registers the session and the viewer under tags of its own, then loads the kit's define
 * modules: the kit's tags then hold subclasses. A session under either tag still reaches a viewer
 * under either tag inside it (it is not signed in, so the viewer offers signing in, not a signer to
 * install). This file must import no define module statically: it runs in its own page.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import * as kit from '../components/index.js';
import { buttonByText, text } from './element-helpers.js';

describe('a session and a viewer under the host\'s own tags, then the kit\'s define modules', () => {
  it('the session gives its context to the viewer inside it, whichever tag each is under', async () => {
    customElements.define('host-session', kit.Nip82Session);
    customElements.define('host-viewer', kit.Nip82RecordViewer);
    await import('../components/define.js');
    const page = await fixture(html`<div>
      <nip82-record-viewer id="alone"></nip82-record-viewer>
      <nip82-session relays="wss://relay.invalid"><nip82-record-viewer id="a"></nip82-record-viewer><host-viewer id="b"></host-viewer></nip82-session>
      <host-session relays="wss://relay.invalid"><nip82-record-viewer id="c"></nip82-record-viewer><host-viewer id="d"></host-viewer></host-session>
    </div>`);
    const viewer = (id: string) => page.querySelector(`#${id}`)!;
    const status = (id: string) => text(viewer(id).shadowRoot!.querySelector('[part=status]'));
    const ids = ['alone', 'a', 'b', 'c', 'd'];
    await waitUntil(() => ids.every((id) => buttonByText(viewer(id), 'Unlock my records')), 'every viewer offers to unlock');
    for (const id of ids) buttonByText(viewer(id), 'Unlock my records')!.click();
    await waitUntil(() => ids.every((id) => status(id)), 'every viewer said why it could not');
    expect(status('alone'), 'outside a session').to.match(/^No signer was found/);
    for (const id of ['a', 'b', 'c', 'd']) expect(status(id), `inside a session (${id})`).to.match(/^You are not signed in\. Sign in/);
  });
});
