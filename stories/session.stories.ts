import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import type { Nip82Session } from '../components/session/session.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { announces, button, element, inShadow, settles, text } from './support/dom.js';
import { installExtension } from './support/extension.js';
import { DEAD_RELAY, pubkeyOf } from './support/data.js';
import { onRelays } from './support/relays.js';
import { loadedSigner } from './support/signers.js';
import { npubEncode } from 'nostr-tools/nip19';

const session = (canvas: HTMLElement) => element<Nip82Session>(canvas, 'nip82-session');
const bar = (el: Element) => inShadow(el, '[part="bar"]')!;
const extensionButton = (el: Element) => button(el, /browser extension|extensión del navegador/);

/** Waits until the session has found the extension, then clicks to sign in with it, as a person would. */
async function signInWithExtension(el: Element): Promise<void> {
  await waitFor(() => expect(extensionButton(el).disabled).toBe(false), { timeout: LOOK_MS });
  await userEvent.click(extensionButton(el));
}

/** The session looks for an extension for up to 1.5 s before saying there is none. */
const LOOK_MS = 3_000;

const meta = {
  title: 'Elements/Session',
  component: 'nip82-session',
  render: (_, context) => html`<nip82-session relays=${DEAD_RELAY} .signer=${loadedSigner(context)}></nip82-session>`,
} satisfies Meta;

export default meta;
type Story = StoryObj;

/** Signed out, no extension in this browser: the extension button is disabled and the page says what to install. */
export const NoExtension: Story = {
  play: async ({ canvasElement }) => {
    const el = session(canvasElement);
    await waitFor(() => expect(text(bar(el))).toContain('No signer was found: add a signer extension to this browser, or connect a remote signer below.'), { timeout: LOOK_MS });
    expect(extensionButton(el).disabled).toBe(true);
    expect(el.getAttribute('status')).toBe('idle');
    expect(text(bar(el))).toContain('Sign in with your signer app');
  },
};

/** An extension is present: one click asks it for the public key, and the bar shows who is signed in. */
export const SignInWithExtension: Story = {
  beforeEach: () => installExtension('key'),
  play: async ({ canvasElement }) => {
    const el = session(canvasElement);
    await signInWithExtension(el);
    await settles(el, 'done');
    await announces(el, 'Signed in.');
    const npub = npubEncode(await pubkeyOf('patient'));
    expect(text(bar(el))).toContain('Signed in as');
    expect(text(bar(el))).toContain(npub.slice(0, 10));
    expect(text(bar(el))).toContain('through your browser extension');
  },
};

/** Signing out wipes the session's keys and says so. */
export const SignOut: Story = {
  beforeEach: () => installExtension('key'),
  play: async ({ canvasElement }) => {
    const el = session(canvasElement);
    await signInWithExtension(el);
    await settles(el, 'done');
    await userEvent.click(button(el, 'Sign out'));
    await settles(el, 'idle');
    await announces(el, 'Signed out. Your records were closed, and this page keeps nothing of yours. Your signer extension may still be unlocked in this browser: if others use this computer, lock it or close the browser.');
    expect(text(bar(el))).toContain('Sign in with your signer app');
  },
};

/**
 * Two tabs of the same site, here side by side: signing out in one closes the records in the
 * other, which says why. A host running deliberately separate sessions sets `no-shared-sign-out`.
 */
export const SignOutInAnotherTab: Story = {
  parameters: { signer: 'key' },
  render: (_, context) => html`
    <nip82-session id="tab-a" relays=${DEAD_RELAY} .signer=${loadedSigner(context)}></nip82-session>
    <nip82-session id="tab-b" relays=${DEAD_RELAY} .signer=${loadedSigner(context)}></nip82-session>`,
  play: async ({ canvasElement }) => {
    const [a, b] = [element<Nip82Session>(canvasElement, '#tab-a'), element<Nip82Session>(canvasElement, '#tab-b')];
    await settles(a, 'done');
    await settles(b, 'done');
    await userEvent.click(button(a, 'Sign out'));
    await settles(b, 'idle');
    await announces(b, 'Signed out in another tab or window of this site. Your records here were closed too, and this page keeps nothing of yours.');
    expect(text(bar(b))).toContain('Sign in with your signer app');
  },
};

/** The extension is asked and the user has not answered yet. */
export const WaitingForExtension: Story = {
  beforeEach: () => installExtension('hangs'),
  play: async ({ canvasElement }) => {
    const el = session(canvasElement);
    await signInWithExtension(el);
    await settles(el, 'waiting-signer');
    await announces(el, 'Your signer will be asked for your public key.');
  },
};

/** The user said no in their extension. */
export const ExtensionRefused: Story = {
  beforeEach: () => installExtension('refuses'),
  play: async ({ canvasElement }) => {
    const el = session(canvasElement);
    await waitFor(() => expect(extensionButton(el).disabled).toBe(false), { timeout: LOOK_MS });
    const error = new Promise<string>((resolve) => el.addEventListener('nip82-error', (e) => resolve(e.detail.code), { once: true }));
    await userEvent.click(extensionButton(el));
    await settles(el, 'refused');
    expect(await error).toBe('refused');
    await announces(el, 'Your signer said no, so you are not signed in.');
    expect(text(bar(el))).toContain('Sign in with your signer app');
  },
};

/** The host signs the user in with its own signer (`session.signer = …`). */
export const SignerFromHost: Story = {
  parameters: { signer: 'key' },
  play: async ({ canvasElement }) => {
    const el = session(canvasElement);
    await settles(el, 'done');
    expect(text(bar(el))).toContain('through this site');
    expect(el.pubkey).toBe(await pubkeyOf('patient'));
  },
};

/** The host's signer declined to say who the user is. */
export const SignerFromHostRefused: Story = {
  parameters: { signer: 'refuses-all' },
  play: async ({ canvasElement }) => {
    const el = session(canvasElement);
    await settles(el, 'refused');
    await announces(el, 'Your signer said no, so you are not signed in.');
  },
};

/** The host's signer never answered; the core's deadline turned that into a timeout. */
export const SignerFromHostTimedOut: Story = {
  parameters: { signer: 'times-out' },
  play: async ({ canvasElement }) => {
    const el = session(canvasElement);
    await settles(el, 'timed-out');
    await announces(el, /did not answer/);
    expect(el.pubkey).toBeUndefined();
  },
};

/** A private key pasted where a bunker:// address belongs is refused, not sent, and wiped from the field. */
export const PrivateKeyRefused: Story = {
  play: async ({ canvasElement }) => {
    const el = session(canvasElement);
    // With no extension in this browser, the remote signer's way in is open already.
    await waitFor(() => expect(inShadow<HTMLDetailsElement>(el, 'details')!.open).toBe(true));
    const input = inShadow<HTMLInputElement>(el, 'input[name="bunker"]')!;
    await userEvent.type(input, 'nsec1vl029mgpspedva04g90vltkh6fvh240zqtv9k0t9af8935ke9laqsnlfe5');
    await userEvent.click(button(el, 'Connect'));
    await settles(el, 'bad-data');
    await announces(el, 'That is a private key (nsec). Never share it; it was not stored or sent.');
    await waitFor(() => expect(input.value).toBe(''));
  },
};

/** A nostrconnect:// pairing code, as a QR and as text, while the session waits for the remote signer (on the local relay). */
export const PairingCode: Story = {
  tags: ['relay'],
  ...onRelays({
    render: ({ relays }) => html`<nip82-session relays=${relays.main}></nip82-session>`,
    play: async ({ canvasElement, data }) => {
      const el = session(canvasElement);
      // With no extension in this browser, the remote signer's way in is open already.
      await waitFor(() => expect(inShadow<HTMLDetailsElement>(el, 'details')!.open).toBe(true));
      await userEvent.click(button(el, 'Show a code for my signer app'));
      await settles(el, 'waiting-signer');
      await announces(el, 'Waiting for your remote signer to connect…');
      // The QR code's module loads on first use: wait for it, not for time.
      const qr = await waitFor(() => {
        const found = inShadow(el, '[part="qr"]');
        expect(found).toBeTruthy();
        return found!;
      });
      expect(qr.getAttribute('role')).toBe('img');
      expect(qr.getAttribute('aria-label')).toContain('Scan this code');
      expect(text(inShadow(el, '.uri'))).toMatch(/^nostrconnect:\/\/[0-9a-f]{64}\?/);
      expect(text(inShadow(el, '.uri'))).toContain(encodeURIComponent(data.relays.main));
    },
  }),
};

/** Elements inside the session use its relays and signer: here the viewer reaches the session's (dead) relay. */
export const WithElementsInside: Story = {
  parameters: { signer: 'key' },
  render: (_, context) => html`<nip82-session relays=${DEAD_RELAY} .signer=${loadedSigner(context)}>
    <nip82-record-viewer></nip82-record-viewer>
  </nip82-session>`,
  play: async ({ canvasElement }) => {
    const el = session(canvasElement);
    await settles(el, 'done');
    const viewer = element<Nip82RecordViewer>(canvasElement, 'nip82-record-viewer');
    await userEvent.click(button(viewer, 'Unlock my records'));
    await settles(viewer, 'relay-error', 15_000);
    expect(text(inShadow(viewer, '.relays'))).toContain('127.0.0.1:9');
  },
};

/** Spanish, from the page's `lang`. */
export const Spanish: Story = {
  render: () => html`<div lang="es"><nip82-session></nip82-session></div>`,
  play: async ({ canvasElement }) => {
    const el = session(canvasElement);
    await waitFor(() => expect(text(bar(el))).toContain('No se encontró ningún firmador: añada una extensión de firmador a este navegador o conecte un firmador remoto abajo.'), { timeout: LOOK_MS });
    expect(text(bar(el))).toContain('Inicie sesión con su aplicación de firmador');
    expect(extensionButton(el).disabled).toBe(true);
  },
};

/** Right to left: the bar's controls flow from the right. */
export const RightToLeft: Story = {
  parameters: { signer: 'key' },
  render: (_, context) => html`<div dir="rtl" lang="ar"><nip82-session .signer=${loadedSigner(context)}></nip82-session></div>`,
  play: async ({ canvasElement }) => {
    const el = session(canvasElement);
    await settles(el, 'done');
    expect(getComputedStyle(bar(el)).direction).toBe('rtl');
    const who = inShadow(el, '.who')!.getBoundingClientRect();
    const signOut = button(el, 'Sign out').getBoundingClientRect();
    expect(who.right).toBeGreaterThan(signOut.right);
  },
};

/** Dark colour scheme. */
export const Dark: Story = {
  parameters: { signer: 'key' },
  render: (_, context) => html`<div style="background: #0d1117; padding: 1rem">
    <nip82-session style="color-scheme: dark" .signer=${loadedSigner(context)}></nip82-session>
  </div>`,
  play: async ({ canvasElement }) => {
    const el = session(canvasElement);
    await settles(el, 'done');
    const [r, g, b] = getComputedStyle(el).color.match(/\d+/g)!.map(Number);
    expect((r! + g! + b!) / 3).toBeGreaterThan(180);
  },
};

/** Theming: the bar's custom properties and `::part(bar)`. */
export const Themed: Story = {
  parameters: { signer: 'key' },
  render: (_, context) => html`<style>
      .brand nip82-session { --nip82-session-bar-background: rgb(232, 240, 255); --nip82-color-text: rgb(20, 40, 90); --nip82-session-bar-padding: 1.25rem; }
      .brand nip82-session::part(bar) { border-radius: 999px; }
    </style>
    <div class="brand"><nip82-session .signer=${loadedSigner(context)}></nip82-session></div>`,
  play: async ({ canvasElement }) => {
    const el = session(canvasElement);
    await settles(el, 'done');
    const style = getComputedStyle(bar(el));
    expect(style.backgroundColor).toBe('rgb(232, 240, 255)');
    expect(style.color).toBe('rgb(20, 40, 90)');
    expect(style.paddingTop).toBe('20px');
    expect(style.borderTopLeftRadius).toBe('999px');
  },
};
