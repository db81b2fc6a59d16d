import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import { npubEncode } from 'nostr-tools/nip19';
import type { Nip82NpubPicker } from '../components/npub-picker/npub-picker.js';
import { allInShadow, announces, button, element, inShadow, settles, text } from './support/dom.js';
import { DEAD_RELAY, pubkeyOf } from './support/data.js';

/** The NIP-19 specification's example private key: public test data, never anyone's key. */
const SPEC_NSEC = 'nsec1vl029mgpspedva04g90vltkh6fvh240zqtv9k0t9af8935ke9laqsnlfe5';

type People = { clinician: string; family: string; patient: string };

const picker = (canvas: HTMLElement) => element<Nip82NpubPicker>(canvas, 'nip82-npub-picker');
const field = (el: Element) => inShadow<HTMLInputElement>(el, '#input')!;
const errorText = (el: Element) => text(inShadow(el, '[part="error"]'));

const meta = {
  title: 'Elements/Npub picker',
  component: 'nip82-npub-picker',
  loaders: [async (): Promise<{ people: People }> => ({
    people: { clinician: await pubkeyOf('clinician'), family: await pubkeyOf('family'), patient: await pubkeyOf('patient') },
  })],
  render: () => html`<nip82-npub-picker></nip82-npub-picker>`,
} satisfies Meta;

export default meta;
type Story = StoryObj;

const people = (context: { loaded: Record<string, unknown> }) => (context.loaded as { people: People }).people;

/** Empty: a labelled combobox and what it accepts. */
export const Empty: Story = {
  play: async ({ canvasElement }) => {
    const el = picker(canvasElement);
    await settles(el, 'idle');
    const input = field(el);
    expect(input.getAttribute('role')).toBe('combobox');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(text(inShadow(el, 'label[for="input"]'))).toBe('Recipient');
    expect(text(inShadow(el, '[part="hint"]'))).toContain('npub');
    expect(inShadow(el, '[part="profile"]')).toBeNull();
  },
};

/** Pasting or typing an npub chooses that person and shows their key fingerprint. */
export const TypeAnNpub: Story = {
  play: async ({ canvasElement, loaded }) => {
    const el = picker(canvasElement);
    const { clinician } = people({ loaded });
    const chosen = new Promise<string>((resolve) => el.addEventListener('nip82-npub-select', (e) => resolve(e.detail.pubkey), { once: true }));
    await userEvent.type(field(el), npubEncode(clinician));
    expect(await chosen).toBe(clinician);
    await settles(el, 'done');
    await announces(el, /^Chosen: key npub1/);
    const profile = inShadow(el, '[part="profile"]')!;
    expect(profile.getAttribute('role')).toBe('group');
    expect(text(profile.querySelector('[part="fingerprint"]'))).toContain(npubEncode(clinician).slice(0, 10));
  },
};

/** A recipient the host chose already (`value`), with a way to clear it. */
export const Chosen: Story = {
  render: (_, context) => html`<nip82-npub-picker value=${people(context).family}></nip82-npub-picker>`,
  play: async ({ canvasElement, loaded }) => {
    const el = picker(canvasElement);
    await settles(el, 'done');
    expect(field(el).value).toBe(npubEncode(people({ loaded }).family));
    const cleared = new Promise<void>((resolve) => el.addEventListener('nip82-npub-clear', () => resolve(), { once: true }));
    await userEvent.click(button(el, 'Clear'));
    await cleared;
    await settles(el, 'idle');
    expect(field(el).value).toBe('');
  },
};

/** Recent people and follows, chosen with the keyboard. */
export const Suggestions: Story = {
  render: (_, context) => html`<nip82-npub-picker .recent=${[people(context).clinician]} .follows=${[people(context).family]}></nip82-npub-picker>`,
  play: async ({ canvasElement, loaded }) => {
    const el = picker(canvasElement);
    field(el).focus();
    await userEvent.keyboard('{ArrowDown}');
    await waitFor(() => expect(inShadow(el, '[role="listbox"]')).not.toBeNull());
    const options = allInShadow(el, '[role="option"]');
    expect(options.map((o) => text(o.querySelector('.source')))).toEqual(['Recent', 'Following']);
    expect(field(el).getAttribute('aria-expanded')).toBe('true');
    expect(field(el).getAttribute('aria-activedescendant')).toBe('option-0');
    await userEvent.keyboard('{ArrowDown}{Enter}');
    await settles(el, 'done');
    expect(el.value).toBe(people({ loaded }).family);
  },
};

/** Something that is not a key or a name: an inline error, and the field is marked invalid. */
export const Invalid: Story = {
  play: async ({ canvasElement }) => {
    const el = picker(canvasElement);
    await userEvent.type(field(el), 'not a key{Enter}');
    await settles(el, 'bad-data');
    expect(errorText(el)).toBe('This is neither a public key nor an address like alice@example.com. Check it with them.');
    expect(field(el).getAttribute('aria-invalid')).toBe('true');
  },
};

/** A private key is refused and wiped from the field; it is never echoed. */
export const PrivateKeyRefused: Story = {
  play: async ({ canvasElement }) => {
    const el = picker(canvasElement);
    let selected = false;
    el.addEventListener('nip82-npub-select', () => (selected = true));
    await userEvent.type(field(el), SPEC_NSEC);
    await settles(el, 'bad-data');
    expect(errorText(el)).toContain('That is a private key (nsec).');
    expect(field(el).value).toBe('');
    expect(text(el.shadowRoot)).not.toContain(SPEC_NSEC.slice(5));
    expect(selected).toBe(false);
  },
};

/** A NIP-05 name whose server does not answer (a loopback address with nothing on it). */
export const NameNotFound: Story = {
  play: async ({ canvasElement }) => {
    const el = picker(canvasElement);
    await userEvent.type(field(el), 'bob@127.0.0.1');
    await userEvent.click(button(el, 'Look up'));
    await settles(el, 'bad-data', 15_000);
    expect(errorText(el)).toContain('Could not find bob@127.0.0.1');
    expect(el.value).toBe('');
  },
};

/** The chosen person's profile cannot be loaded: the relays are down. The key is still shown. */
export const RelaysUnreachable: Story = {
  render: (_, context) => html`<nip82-npub-picker relays=${DEAD_RELAY} value=${people(context).clinician}></nip82-npub-picker>`,
  play: async ({ canvasElement }) => {
    const el = picker(canvasElement);
    await settles(el, 'done');
    await waitFor(() => expect(text(inShadow(el, '[part="profile"]'))).toContain('Could not reach your storage servers to load their profile.'), { timeout: 15_000 });
    expect(inShadow(el, '[part="fingerprint"]')).not.toBeNull();
  },
};

/** Spanish, from the page's `lang`. */
export const Spanish: Story = {
  render: () => html`<div lang="es"><nip82-npub-picker></nip82-npub-picker></div>`,
  play: async ({ canvasElement }) => {
    const el = picker(canvasElement);
    // Its first render waits for the Spanish language pack.
    await el.updateComplete;
    expect(text(inShadow(el, 'label[for="input"]'))).toBe('Destinatario');
    await userEvent.type(field(el), 'nada{Enter}');
    await settles(el, 'bad-data');
    expect(errorText(el)).not.toContain('Not a valid');
    expect(errorText(el)).not.toBe('');
  },
};

/** Right to left: the field and its button flow from the right; the npub itself stays left to right. */
export const RightToLeft: Story = {
  render: (_, context) => html`<div dir="rtl" lang="ar"><nip82-npub-picker label="المستلم" value=${people(context).clinician}></nip82-npub-picker></div>`,
  play: async ({ canvasElement }) => {
    const el = picker(canvasElement);
    await settles(el, 'done');
    expect(text(inShadow(el, 'label[for="input"]'))).toBe('المستلم');
    const input = field(el).getBoundingClientRect();
    const lookUp = inShadow(el, '[part~="lookup-button"]')!.getBoundingClientRect();
    expect(input.right).toBeGreaterThan(lookUp.right);
  },
};

/** Dark colour scheme. */
export const Dark: Story = {
  render: () => html`<div style="background: #0d1117; padding: 1rem"><nip82-npub-picker style="color-scheme: dark"></nip82-npub-picker></div>`,
  play: async ({ canvasElement }) => {
    const el = picker(canvasElement);
    const bg = getComputedStyle(field(el)).backgroundColor.match(/\d+/g)!.map(Number);
    expect(bg.slice(0, 3).reduce((a, b) => a + b) / 3).toBeLessThan(80);
  },
};

/** Theming: the field's width through its custom property, and `::part(input)`. */
export const Themed: Story = {
  render: () => html`<style>
      .narrow nip82-npub-picker { --nip82-npub-picker-input-width: 18rem; --nip82-color-accent: rgb(110, 40, 160); }
      .narrow nip82-npub-picker::part(input) { border: 2px solid rgb(110, 40, 160); }
    </style>
    <div class="narrow"><nip82-npub-picker></nip82-npub-picker></div>`,
  play: async ({ canvasElement }) => {
    const el = picker(canvasElement);
    const input = getComputedStyle(field(el));
    expect(input.borderTopColor).toBe('rgb(110, 40, 160)');
    expect(input.borderTopWidth).toBe('2px');
    expect(field(el).getBoundingClientRect().width).toBeCloseTo(288, 0);
  },
};
