/**
 * The kit inside another site's page (an EHR's frame), where a signer extension the user has often
 * cannot reach: the session does not say none is in the browser and ask them to install one; it
 * says what to do (open the page in a tab of its own, or use a remote signer).
 */
import { expect } from '@open-wc/testing';
import { waitUntil } from './wait.js';

describe('session shown inside another page', () => {
  let frame: HTMLIFrameElement | undefined;
  afterEach(() => frame?.remove());

  it('with no extension there, says the frame may keep it out instead of "install one"', async () => {
    frame = document.createElement('iframe');
    const loaded = new Promise((resolve) => frame!.addEventListener('load', resolve, { once: true }));
    // Another site: the same server under another name.
    const url = new URL('./fixtures/framed/page.html', import.meta.url);
    url.hostname = url.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1';
    frame.src = url.href;
    document.body.append(frame);
    await loaded;
    // Another site's frame cannot be read from here: it reads itself, when asked.
    const text = () => new Promise<string>((resolve) => {
      const answer = (event: MessageEvent) => { if (event.source === frame!.contentWindow) { removeEventListener('message', answer); resolve(String(event.data)); } };
      addEventListener('message', answer);
      frame!.contentWindow!.postMessage('session-text', '*');
    });
    let shown = '';
    await waitUntil(async () => (shown = await text()).includes('No signer extension'), 'the sign-in never said whether an extension was found', { timeout: 15000 });
    expect(shown).to.contain('No signer extension answered in this frame');
    expect(shown).to.contain('open this page in a tab of its own');
    expect(shown).not.to.contain('add a signer extension to this browser');
  });
});
