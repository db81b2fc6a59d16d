/**
 * A session around a portal's page: its slot holds the portal's own text and every record. A
 * click there (to select text, or on nothing in particular) leaves the keyboard where it was: it
 * does not land on the session's Sign out, where the next Space would sign the user out. And who
 * is signed in is the signer's to say: the page cannot set the session's `pubkey`.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { waitUntil } from './wait.js';
import '../components/session/define.js';
import type { Nip82Session } from '../components/session/session.js';
import { person } from './helpers.js';
import { buttonByText } from './element-helpers.js';

/** A real mouse click in the middle of `el`. */
async function clickOn(el: Element): Promise<void> {
  const box = el.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.x + Math.min(20, box.width / 2)), Math.round(box.y + box.height / 2)] });
}

/** Where the keyboard is, in words (a failing assertion on an element would print the whole of it). */
const focusName = (session: Nip82Session) => {
  const inside = session.shadowRoot!.activeElement;
  return inside ? `${inside.localName} "${inside.textContent?.trim()}"` : document.activeElement?.localName;
};

describe('a session around the portal\'s page', () => {
  afterEach(() => sendMouse({ type: 'move', position: [0, 0] }));

  it('a click on the page\'s text, then Space: the user is still signed in, and the focus is not on Sign out', async () => {
    const patient = await person();
    const session = await fixture<Nip82Session>(html`<nip82-session .signer=${patient.signer}>
      <p id="portal-text">Welcome back to your clinic portal. Your records are below.</p>
    </nip82-session>`);
    await waitUntil(() => session.pubkey === patient.pubkey && buttonByText(session, 'Sign out'), 'never signed in');
    await clickOn(session.querySelector('#portal-text')!);
    expect(focusName(session), 'where the click left the focus').to.equal('body');
    await sendKeys({ press: 'Space' });
    await session.updateComplete;
    expect(session.pubkey, 'signed out by a click on the page and a Space').to.equal(patient.pubkey);
    expect(!!buttonByText(session, 'Sign out'), 'the signed-in bar is still there').to.equal(true);
  });

  it('signed out, a click on the page\'s text does not move the focus to the sign-in controls', async () => {
    const session = await fixture<Nip82Session>(html`<nip82-session>
      <p id="portal-text">Welcome to your clinic portal.</p>
    </nip82-session>`);
    await waitUntil(() => session.shadowRoot?.querySelector('details > summary'), 'no sign-in controls');
    await clickOn(session.querySelector('#portal-text')!);
    expect(focusName(session), 'where the click left the focus').to.equal('body');
  });

  it('the page cannot set who is signed in: `pubkey` is read-only, and the bar still offers a sign-in', async () => {
    const session = await fixture<Nip82Session>(html`<nip82-session></nip82-session>`);
    const someone = (await person()).pubkey;
    expect(() => { (session as { pubkey?: string }).pubkey = someone; }, 'setting pubkey').to.throw(TypeError);
    await session.updateComplete;
    expect(session.pubkey).to.equal(undefined);
    expect(session.shadowRoot!.querySelector('.bar')!.textContent).not.to.contain('Signed in as');
    expect(!!buttonByText(session, 'Sign out'), 'a Sign out with no one signed in').to.equal(false);
  });
});
