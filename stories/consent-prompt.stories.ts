import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import type { OpenedRecord } from '../components/core/nip82/record.js';
import type { ConsentMessage } from '../components/core/nip82/requests.js';
import { allInShadow, announces, button, element, inShadow, settles, text } from './support/dom.js';
import { DEAD_RELAY, accessRequest, openedRecord, pubkeyOf } from './support/data.js';
import { REFUSAL, onRelays, type RelayLoaded } from './support/relays.js';
import { loaded, type Cast } from './support/signers.js';
import { createAccessRequest } from '../components/core/nip82/requests.js';

type Data = { records: OpenedRecord[]; clinician: string; request: ConsentMessage };

/** Why the `refusing` relay turned a share down (its reason starts with `invalid:`), in the kit's words. */
const REFUSED_INVALID = 'it found something wrong in what was sent';
const prompt = (canvas: HTMLElement) => element<Nip82ConsentPrompt>(canvas, 'nip82-consent-prompt');
const dialog = (el: Element) => inShadow<HTMLDialogElement>(el, 'dialog')!;

/** The patient's own record, opened in memory, and a clinician who asks for part of it (demo keys unless `cast`). */
const patientData = async (cast?: Cast): Promise<Data> => ({
  records: [await openedRecord({ author: 'patient', cast })],
  clinician: await pubkeyOf('clinician', cast),
  request: await accessRequest(cast),
});

/** Share mode with the story's signer, the patient's records and the clinician preset as recipient. */
const share = (relays: string | undefined) => ({
  render: (_: unknown, context: { loaded: Record<string, unknown> }) => {
    const data = loaded<Data>(context);
    return html`<nip82-consent-prompt mode="share" relays=${relays ?? ''} recipient=${data.clinician} .records=${data.records} .signer=${data.signer}></nip82-consent-prompt>`;
  },
});

/** Answer mode with the clinician's request handed in. */
const answer = (relays: string | undefined) => ({
  render: (_: unknown, context: { loaded: Record<string, unknown> }) => {
    const data = loaded<Data>(context);
    return html`<nip82-consent-prompt mode="answer" relays=${relays ?? ''} .request=${data.request} .records=${data.records} .signer=${data.signer}></nip82-consent-prompt>`;
  },
});

/** The same two modes on the story relays, with the story's own people: the patient signs. */
const shareOnRelays = (relays: string, { cast, ...data }: RelayLoaded<Data>) =>
  html`<nip82-consent-prompt mode="share" relays=${relays} recipient=${data.clinician} .records=${data.records} .signer=${cast.patient}></nip82-consent-prompt>`;
const answerOnRelays = (relays: string, { cast, ...data }: RelayLoaded<Data>) =>
  html`<nip82-consent-prompt mode="answer" relays=${relays} .request=${data.request} .records=${data.records} .signer=${cast.patient}></nip82-consent-prompt>`;

async function openShare(el: Nip82ConsentPrompt): Promise<void> {
  await userEvent.click(button(el, 'Share records…'));
  await waitFor(() => expect(dialog(el).open).toBe(true));
}

async function review(el: Nip82ConsentPrompt): Promise<void> {
  await userEvent.click(button(el, 'Review'));
  await waitFor(() => expect(inShadow(el, '[part="preview"]')).not.toBeNull());
}

async function confirmShare(el: Nip82ConsentPrompt): Promise<void> {
  await openShare(el);
  await review(el);
  await userEvent.click(button(el, /^Share with npub1/));
}

async function openRequest(el: Nip82ConsentPrompt): Promise<void> {
  await userEvent.click(button(el, 'Review and answer'));
  await waitFor(() => expect(dialog(el).open).toBe(true));
}

const meta = {
  title: 'Elements/Consent prompt',
  component: 'nip82-consent-prompt',
  loaders: [() => patientData()],
  ...share(DEAD_RELAY),
} satisfies Meta;

export default meta;
type Story = StoryObj;

// ---------------------------------------------------------------------------------------------
// Share

/** Ready to share: how much can be shared, and one button. */
export const ReadyToShare: Story = {
  play: async ({ canvasElement }) => {
    const el = prompt(canvasElement);
    await settles(el, 'idle');
    expect(text(inShadow(el, '.ready'))).toBe('7 items from 1 record can be shared.');
    expect(dialog(el).open).toBe(false);
  },
};

/** The share dialog: recipient, items with hide toggles, what the flag reveals, role, end date, purpose. */
export const ShareDialog: Story = {
  play: async ({ canvasElement }) => {
    const el = prompt(canvasElement);
    await openShare(el);
    expect(dialog(el).getAttribute('aria-labelledby')).toBe('dialog-title');
    expect(text(inShadow(el, '#dialog-title'))).toBe('Share your records');
    // One Hide per item (each kind has its own Hide too), but none on the patient's own details,
    // which go with every share.
    const hide = allInShadow<HTMLButtonElement>(el, 'li.item button.hide');
    expect(hide).toHaveLength(6);
    await userEvent.click(hide.find((b) => b.getAttribute('aria-label')?.startsWith('Hide Migraine, '))!);
    await waitFor(() => expect(text(inShadow(el, 'li.item.hidden'))).toContain('hidden, flagged'));
    expect(inShadow(el, 'li.item.hidden button.hide')!.getAttribute('aria-pressed')).toBe('true');
  },
};

/** Nothing chosen: the dialog says what is missing before anything is signed. */
export const MissingRecipient: Story = {
  render: (_, context) => {
    const data = loaded<Data>(context);
    return html`<nip82-consent-prompt relays=${DEAD_RELAY} .records=${data.records} .signer=${data.signer}></nip82-consent-prompt>`;
  },
  play: async ({ canvasElement }) => {
    const el = prompt(canvasElement);
    await openShare(el);
    await userEvent.click(button(el, 'Review'));
    await waitFor(() => expect(text(inShadow(el, '#problems'))).toContain('Choose who will receive the share.'));
    expect(inShadow(el, '[part="preview"]')).toBeNull();
  },
};

/** The exact preview, with one item hidden and the flag saying how many and of which kind. */
export const Preview: Story = {
  play: async ({ canvasElement }) => {
    const el = prompt(canvasElement);
    await openShare(el);
    await userEvent.click(allInShadow<HTMLButtonElement>(el, 'button.hide').find((b) => b.getAttribute('aria-label')?.startsWith('Hide Migraine, '))!);
    await userEvent.click(inShadow<HTMLInputElement>(el, 'input[name="disclose"][value="count-and-kind"]')!);
    await review(el);
    const preview = text(inShadow(el, '[part="preview"]'));
    expect(preview).toContain('6 shared items:');
    expect(preview).not.toContain('Migraine');
    expect(preview).toContain('1 hidden item is left out.');
    expect(preview).toContain('The flag will tell them that 1 item was withheld: 1 problem (in your words: 1 condition).');
    expect(preview).toContain('They can view it.');
    expect(text(el.shadowRoot!.querySelector('.warning'))).toContain('Anything they already opened, downloaded or copied stays with them.');
  },
};

/** No signer: nothing can be signed, and the page says what to install. */
export const NoSigner: Story = {
  parameters: { signer: 'none' },
  play: async ({ canvasElement }) => {
    const el = prompt(canvasElement);
    await confirmShare(el);
    await settles(el, 'no-signer');
    await announces(el, /No signer was found/);
  },
};

/**
 * The signer has not answered. Before anything is signed it is asked which account it holds, so the
 * records handed in are never shared under someone else's signature.
 */
export const WaitingForSigner: Story = {
  parameters: { signer: 'hangs' },
  play: async ({ canvasElement }) => {
    const el = prompt(canvasElement);
    await confirmShare(el);
    await settles(el, 'waiting-signer');
    await announces(el, 'Waiting for your signer. Checking which account your signer is using.');
    // Busy, yet focusable: aria-disabled keeps focus off the page body.
    expect(button(el, /^Share with npub1/).getAttribute('aria-disabled')).toBe('true');
    expect(button(el, 'Back').getAttribute('aria-disabled')).toBe('true');
  },
};

/** The user declined in their signer: nothing was shared. */
export const SignerRefused: Story = {
  parameters: { signer: 'refuses' },
  play: async ({ canvasElement }) => {
    const el = prompt(canvasElement);
    await confirmShare(el);
    await settles(el, 'refused');
    await announces(el, 'Your signer declined. Nothing was shared or sent.');
    expect(inShadow(el, '[part="receipts"]')).toBeNull();
  },
};

/** The signer did not answer in time. */
export const SignerTimedOut: Story = {
  parameters: { signer: 'times-out' },
  play: async ({ canvasElement }) => {
    const el = prompt(canvasElement);
    await confirmShare(el);
    await settles(el, 'timed-out');
    await announces(el, 'Your signer did not answer in time. Nothing was shared or sent; you can try again.');
  },
};

/** Signed, but the relay is down: a receipt per relay, and nothing is final. */
export const RelayDown: Story = {
  parameters: { signer: 'key' },
  play: async ({ canvasElement }) => {
    const el = prompt(canvasElement);
    const receipts = new Promise<number>((resolve) => el.addEventListener('nip82-receipts', (e) => resolve(e.detail.receipts.length), { once: true }));
    await confirmShare(el);
    await settles(el, 'relay-error', 20_000);
    await announces(el, 'No storage server accepted it. Nothing was shared or sent; you can try again.');
    expect(button(el, 'Try again')).toBeTruthy();
    expect(await receipts).toBeGreaterThan(0);
    const lines = allInShadow(el, '[part="receipts"] li');
    expect(lines).toHaveLength(1);
    expect(text(lines[0])).toContain('ws://127.0.0.1:9');
    expect(lines[0]!.getAttribute('data-status')).not.toBe('accepted');
  },
};

/** No relays configured: the patient hears the page is set up wrong, not that servers refused. */
export const NoRelays: Story = {
  parameters: { signer: 'key' },
  ...share(undefined),
  play: async ({ canvasElement }) => {
    const el = prompt(canvasElement);
    await confirmShare(el);
    await settles(el, 'relay-error');
    await announces(el, /storage server settings are wrong/);
  },
};

// ---------------------------------------------------------------------------------------------
// Answer a request

/** A clinician's request, waiting for the patient's answer. */
export const RequestWaiting: Story = {
  parameters: { signer: 'key' },
  ...answer(DEAD_RELAY),
  play: async ({ canvasElement }) => {
    const el = prompt(canvasElement);
    expect(text(inShadow(el, '#requests-title'))).toBe('Requests for your records');
    expect(text(inShadow(el, 'li.request'))).toMatch(/asks for allergies and medications|asks for/);
    await openRequest(el);
    const facts = text(inShadow(el, '[part="recipient"]'));
    expect(facts).toContain('Preparing your visit to the asthma clinic');
    expect(facts).toContain('Please include your inhaler prescriptions.');
    // The items one by one, each with its own Hide, as when sharing.
    expect(allInShadow(el, 'li.item')).toHaveLength(2);
    // The button counts what the preview will list: those two, and the patient's own details.
    expect(button(el, 'Review: approve and share 3 items').disabled).toBe(false);
  },
};

/** Narrowing a request: unticking a kind grants less; the preview says exactly what they get. */
export const RequestNarrowed: Story = {
  parameters: { signer: 'key' },
  ...answer(DEAD_RELAY),
  play: async ({ canvasElement }) => {
    const el = prompt(canvasElement);
    await openRequest(el);
    await userEvent.click(inShadow<HTMLInputElement>(el, '#group-1')!);
    await waitFor(() => expect(button(el, 'Review: approve and share 2 items')).toBeTruthy());
    await userEvent.click(button(el, 'Review: approve and share 2 items'));
    // The kind kept, and the patient's own details, which go with every share (the preview says so).
    await waitFor(() => expect(allInShadow(el, '.shared-items li')).toHaveLength(2));
    expect(button(el, /^Approve and share with npub1/)).toBeTruthy();
  },
};

/** A request answered with one item hidden: the preview says what the flag will tell them. */
export const RequestWithHidden: Story = {
  parameters: { signer: 'key' },
  ...answer(DEAD_RELAY),
  play: async ({ canvasElement }) => {
    const el = prompt(canvasElement);
    await openRequest(el);
    await userEvent.click(inShadow<HTMLButtonElement>(el, 'li.item button.hide')!);
    await userEvent.click(button(el, /^Review: approve/));
    await waitFor(() => expect(text(inShadow(el, '.hidden-count'))).toBe('1 hidden item is left out.'));
  },
};

/** Denying, with a signer that declines: the request stays unanswered. */
export const DenyRefused: Story = {
  parameters: { signer: 'refuses' },
  ...answer(DEAD_RELAY),
  play: async ({ canvasElement }) => {
    const el = prompt(canvasElement);
    await openRequest(el);
    await userEvent.click(button(el, 'Deny'));
    await settles(el, 'refused');
    await announces(el, 'Your signer declined. Nothing was shared or sent.');
    expect(dialog(el).open).toBe(true);
  },
};

/** Approving while the relay is down: the share is signed, and the receipts say the relay was not reached. */
export const ApproveRelayDown: Story = {
  parameters: { signer: 'key' },
  ...answer(DEAD_RELAY),
  play: async ({ canvasElement }) => {
    const el = prompt(canvasElement);
    await openRequest(el);
    await userEvent.click(button(el, 'Review: approve and share 3 items'));
    await userEvent.click(button(el, /^Approve and share with npub1/));
    await settles(el, 'relay-error', 20_000);
    await announces(el, 'No storage server accepted it. Nothing was shared or sent; you can try again.');
    expect(text(inShadow(el, '[part="receipts"]'))).toContain('ws://127.0.0.1:9');
  },
};

/** Checking for requests needs a signer. */
export const CheckRequestsNoSigner: Story = {
  parameters: { signer: 'none' },
  render: () => html`<nip82-consent-prompt mode="answer" relays=${DEAD_RELAY}></nip82-consent-prompt>`,
  play: async ({ canvasElement }) => {
    const el = prompt(canvasElement);
    await userEvent.click(button(el, 'Check for requests'));
    await settles(el, 'no-signer');
    await announces(el, /No signer was found/);
  },
};

// ---------------------------------------------------------------------------------------------
// With relays that answer (the local relays the dev server starts)

/** Shared: one relay accepted, one refused; the receipts say which (why in the kit's words, not the relay's), and the outcome says it is not on every server. */
export const Shared: Story = {
  tags: ['relay'],
  ...onRelays({
    seed: ({ cast }) => patientData(cast),
    render: (data) => shareOnRelays(`${data.relays.main} ${data.relays.refusing}`, data),
    play: async ({ canvasElement, data }) => {
      const el = prompt(canvasElement);
      const shared = new Promise<string>((resolve) => el.addEventListener('nip82-share', (e) => resolve(e.detail.recipient), { once: true }));
      await confirmShare(el);
      await settles(el, 'done', 20_000);
      expect(await shared).toBe(data.clinician);
      expect(text(inShadow(el, '#result-title'))).toMatch(/^Shared with npub1.*1 of 2 storage servers accepted it\. Not every storage server took it\./);
      const lines = allInShadow(el, '[part="receipts"] li');
      expect(lines.map((l) => l.getAttribute('data-status'))).toEqual(['accepted', 'rejected']);
      expect(text(lines[0])).toContain(data.relays.main);
      expect(text(lines[1])).toContain(data.relays.refusing);
      // Each server's line in a person's words, its address behind a disclosure.
      expect(text(lines[1])).toContain(`Storage server 2: refused: ${REFUSED_INVALID}`);
      expect(text(lines[1])).not.toContain(REFUSAL);
    },
  }),
};

/** Every relay refused the share: nothing is final, and why each refused is said in the kit's words (its `invalid:` prefix), never in the relay's. */
export const RelayRejected: Story = {
  tags: ['relay'],
  ...onRelays({
    seed: ({ cast }) => patientData(cast),
    render: (data) => shareOnRelays(data.relays.refusing, data),
    play: async ({ canvasElement, data }) => {
      const el = prompt(canvasElement);
      await confirmShare(el);
      await settles(el, 'relay-error', 20_000);
      await announces(el, 'No storage server accepted it. Nothing was shared or sent; you can try again.');
      const receipt = text(inShadow(el, '[part="receipts"] li'));
      expect(receipt).toContain(data.relays.refusing);
      expect(receipt).toContain(`refused: ${REFUSED_INVALID}`);
      expect(receipt).not.toContain('invalid:');
      expect(receipt).not.toContain(REFUSAL);
    },
  }),
};

/** Checking for requests finds the clinician's, sent as a gift-wrapped message. */
export const RequestsFound: Story = {
  tags: ['relay'],
  ...onRelays({
    seed: async ({ cast, publish }) => {
      const { events } = await createAccessRequest({
        signer: cast.clinician, patient: await pubkeyOf('patient', cast), resourceTypes: ['Immunization'], purpose: 'School vaccination form', days: 14,
      });
      await publish(events);
      return {};
    },
    render: ({ relays, cast }) => html`<nip82-consent-prompt mode="answer" relays=${relays.main} .signer=${cast.patient}></nip82-consent-prompt>`,
    play: async ({ canvasElement }) => {
      const el = prompt(canvasElement);
      await userEvent.click(button(el, 'Check for requests'));
      await settles(el, 'done');
      await waitFor(() => expect(allInShadow(el, 'li.request')).toHaveLength(1));
      expect(text(inShadow(el, 'li.request'))).toMatch(/^npub1.* asks for /);
      expect(button(el, 'Review and answer').getAttribute('aria-label')).toMatch(/^Review and answer the request from npub1/);
    },
  }),
};

/** Approved: the share is published, then the answer; the request leaves the list and the history shows it. */
export const Approved: Story = {
  tags: ['relay'],
  ...onRelays({
    seed: ({ cast }) => patientData(cast),
    render: (data) => answerOnRelays(data.relays.main, data),
    play: async ({ canvasElement }) => {
      const el = prompt(canvasElement);
      const answered = new Promise<string>((resolve) => el.addEventListener('nip82-answer', (e) => resolve(e.detail.decision), { once: true }));
      await openRequest(el);
      await userEvent.click(button(el, 'Review: approve and share 3 items'));
      await userEvent.click(button(el, /^Approve and share with npub1/));
      expect(await answered).toBe('active');
      await settles(el, 'done', 20_000);
      expect(text(inShadow(el, '#result-title'))).toMatch(/^Approved\. npub1.* can now open what you granted\.$/);
      await userEvent.click(button(el, 'Close'));
      await waitFor(() => expect(dialog(el).open).toBe(false));
      expect(text(inShadow(el, 'table.history caption'))).toBe('Your consent history');
      expect(inShadow(el, 'li.request')).toBeNull();
    },
  }),
};

// ---------------------------------------------------------------------------------------------
// Languages, direction, colour scheme, theming

/** Spanish, from the page's `lang`. */
export const Spanish: Story = {
  render: (_, context) => html`<div lang="es">${share(DEAD_RELAY).render(_, context)}</div>`,
  play: async ({ canvasElement }) => {
    const el = prompt(canvasElement);
    // Its first render waits for the Spanish language pack.
    await el.updateComplete;
    expect(text(inShadow(el, '.ready'))).toMatch(/7 elementos/);
    await userEvent.click(allInShadow<HTMLButtonElement>(el, 'button')[0]!);
    await waitFor(() => expect(dialog(el).open).toBe(true));
    expect(text(inShadow(el, '#dialog-title'))).not.toBe('Share your records');
    expect(text(inShadow(el, '#dialog-title'))).toMatch(/Compart/);
  },
};

/** Right to left: the dialog's actions line up from the right. */
export const RightToLeft: Story = {
  render: (_, context) => html`<div dir="rtl" lang="ar">${share(DEAD_RELAY).render(_, context)}</div>`,
  play: async ({ canvasElement }) => {
    const el = prompt(canvasElement);
    await openShare(el);
    expect(getComputedStyle(dialog(el)).direction).toBe('rtl');
    const [cancel, submit] = allInShadow<HTMLButtonElement>(el, '[part="actions"] button');
    // Cancel comes first in the source, so in RTL it is to the right of Review.
    expect(cancel!.getBoundingClientRect().left).toBeGreaterThan(submit!.getBoundingClientRect().left);
  },
};

/**
 * Dark colour scheme, forced by the host with `color-scheme: dark`, dialog open: the recipient
 * picker nested in the dialog follows it too.
 */
export const Dark: Story = {
  render: (_, context) => html`<div style="background: #0d1117; padding: 1rem; color-scheme: dark">
    <nip82-consent-prompt style="color-scheme: dark" relays=${DEAD_RELAY} recipient=${loaded<Data>(context).clinician} .records=${loaded<Data>(context).records}></nip82-consent-prompt>
  </div>`,
  play: async ({ canvasElement }) => {
    const el = prompt(canvasElement);
    await openShare(el);
    const bg = getComputedStyle(dialog(el)).backgroundColor.match(/\d+/g)!.map(Number);
    expect(bg.slice(0, 3).reduce((a, b) => a + b) / 3).toBeLessThan(80);
  },
};

/** Theming: the dialog's width and background, and `::part(dialog)`. */
export const Themed: Story = {
  render: (_, context) => html`<style>
      .clinic nip82-consent-prompt {
        --nip82-consent-prompt-dialog-width: 32rem;
        --nip82-consent-prompt-dialog-background: rgb(250, 247, 240);
        --nip82-color-accent: rgb(0, 90, 70);
      }
      .clinic nip82-consent-prompt::part(dialog) { border: 3px solid rgb(0, 90, 70); }
    </style>
    <div class="clinic">${share(DEAD_RELAY).render(_, context)}</div>`,
  play: async ({ canvasElement }) => {
    const el = prompt(canvasElement);
    await openShare(el);
    const style = getComputedStyle(dialog(el));
    expect(style.backgroundColor).toBe('rgb(250, 247, 240)');
    expect(style.borderTopWidth).toBe('3px');
    expect(dialog(el).getBoundingClientRect().width).toBeLessThanOrEqual(32 * 16 + 1);
  },
};
