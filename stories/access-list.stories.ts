import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import type { AccessListStrings } from '../components/access-list/access-list.strings.js';
import type { OpenedRecord } from '../components/core/nip82/record.js';
import { allInShadow, announces, button, element, inShadow, settles, text } from './support/dom.js';
import { DEAD_RELAY, accessRequest, openedRecord, pubkeyOf, recordEvents } from './support/data.js';
import { onRelays } from './support/relays.js';
import { loaded, type Cast } from './support/signers.js';
import { answerRequest } from '../components/core/nip82/requests.js';
import { createShare } from '../components/core/nip82/share.js';
import { consentSource, grantConsent } from '../components/core/nip82/grant-create.js';

type Data = { records: OpenedRecord[] };

const list = (canvas: HTMLElement) => element<Nip82AccessList>(canvas, 'nip82-access-list');
const dialog = (el: Element) => inShadow<HTMLDialogElement>(el, 'dialog')!;
const people = (el: Element) => allInShadow(el, '[part="person"]');
const revokeButtons = (el: Element) => allInShadow<HTMLButtonElement>(el, 'button.revoke');

/** The patient's record, listing a clinician who may view and a family member who may also share (demo keys unless `cast`). */
const patientRecords = async (cast?: Cast): Promise<Data> => ({
  records: [await openedRecord({ author: 'patient', participants: [{ who: 'clinician', role: 'viewer' }, { who: 'family', role: 'editor' }], cast })],
});

/** The same record as the clinician (a viewer) opens it: keys listed, roles unknown. */
const clinicianView = async (): Promise<Data> => ({
  records: [await openedRecord({ author: 'patient', reader: 'clinician', participants: [{ who: 'clinician', role: 'viewer' }, { who: 'family', role: 'editor' }] })],
});

const render = (relays: string | undefined, strings?: Partial<AccessListStrings>) => (_: unknown, context: { loaded: Record<string, unknown> }) => {
  const data = loaded<Data>(context);
  return html`<nip82-access-list relays=${relays ?? ''} .records=${data.records} .signer=${data.signer} .strings=${strings}></nip82-access-list>`;
};

/** Opens the confirmation for revoking the person at `index` among the revocable ones (0: the clinician, 1: the family member). */
async function askToRevoke(el: Nip82AccessList, index: number): Promise<void> {
  await userEvent.click(revokeButtons(el)[index]!);
  await waitFor(() => expect(dialog(el).open).toBe(true));
}

const confirmButton = (el: Element) => button(el, /^Revoke access for npub1|^Try again$/);

const meta = {
  title: 'Elements/Access list',
  component: 'nip82-access-list',
  loaders: [() => patientRecords()],
  render: render(DEAD_RELAY),
} satisfies Meta;

export default meta;
type Story = StoryObj;

/** As the record's owner: everyone on it, their role, and a revoke button for everyone but "you". */
export const Owner: Story = {
  play: async ({ canvasElement }) => {
    const el = list(canvasElement);
    await waitFor(() => expect(people(el)).toHaveLength(3));
    const rows = people(el).map((p) => text(p));
    expect(rows.filter((r) => r.includes('(you)'))).toHaveLength(1);
    expect(rows.join(' | ')).toContain('can view and share');
    expect(rows.join(' | ')).toContain('can view');
    expect(revokeButtons(el)).toHaveLength(2);
    expect(revokeButtons(el)[0]!.getAttribute('aria-label')).toMatch(/^Revoke access for npub1/);
    expect(text(inShadow(el, '[part="record"] .help'))).toBe('You can view and share this record.');
  },
};

/** As a viewer: only the keys listed on the record, no roles, no revoking. */
export const Viewer: Story = {
  loaders: [clinicianView],
  play: async ({ canvasElement }) => {
    const el = list(canvasElement);
    await waitFor(() => expect(people(el)).toHaveLength(3));
    expect(text(inShadow(el, '[part="record"]'))).toContain('Listed on this record');
    expect(text(inShadow(el, '[part="record"]'))).toContain('being listed does not prove');
    expect(revokeButtons(el)).toHaveLength(0);
    expect(allInShadow(el, '.role')).toHaveLength(0);
  },
};

/** No records handed in: the element offers to load them. */
export const Empty: Story = {
  loaders: [async (): Promise<Data> => ({ records: [] })],
  render: () => html`<nip82-access-list relays=${DEAD_RELAY}></nip82-access-list>`,
  play: async ({ canvasElement }) => {
    const el = list(canvasElement);
    await settles(el, 'idle');
    expect(button(el, 'Unlock my records').disabled).toBe(false);
    expect(button(el, 'Show consent history').disabled).toBe(false);
    expect(people(el)).toHaveLength(0);
  },
};

/** The honest confirmation: what stops, what cannot be taken back, and that an editor's removal moves the record. */
export const ConfirmRevoke: Story = {
  parameters: { signer: 'key' },
  play: async ({ canvasElement }) => {
    const el = list(canvasElement);
    await askToRevoke(el, 1);
    expect(text(inShadow(el, '#dialog-title'))).toMatch(/^Revoke access for npub1.*\?$/);
    const truth = allInShadow(el, 'dialog .truth p').map((w) => text(w));
    expect(truth[0]).toMatch(/^What stops: .*can no longer open it from the storage servers/);
    expect(truth[1]).toMatch(/^What cannot be taken back: anything they already opened, downloaded or copied stays with them/);
    expect(truth[2]).toContain('the record moves to a new address');
    await userEvent.click(button(el, 'Cancel'));
    await waitFor(() => expect(dialog(el).open).toBe(false));
  },
};

/** No signer: revoking needs one. */
export const NoSigner: Story = {
  parameters: { signer: 'none' },
  play: async ({ canvasElement }) => {
    const el = list(canvasElement);
    await askToRevoke(el, 0);
    await userEvent.click(confirmButton(el));
    await settles(el, 'no-signer');
    await announces(el, /No signer was found/);
  },
};

/** Removing an editor: the signer is first asked which account it holds (the records were handed in), and has not answered yet; Cancel still stops it. */
export const WaitingForSigner: Story = {
  parameters: { signer: 'hangs' },
  play: async ({ canvasElement }) => {
    const el = list(canvasElement);
    await askToRevoke(el, 1);
    await userEvent.click(confirmButton(el));
    await settles(el, 'waiting-signer');
    await announces(el, 'Waiting for your signer. Checking which account your signer is using.');
    // Nothing is sent before every event is signed, so stopping here is still true to say.
    await userEvent.click(button(el, 'Cancel'));
    await settles(el, 'cancelled');
    await announces(el, 'Cancelled. Nothing was changed.');
  },
};

/** Removing an editor, and the user declines the notice in their signer: nothing changes. */
export const SignerRefused: Story = {
  parameters: { signer: 'refuses' },
  play: async ({ canvasElement }) => {
    const el = list(canvasElement);
    await askToRevoke(el, 1);
    await userEvent.click(confirmButton(el));
    await settles(el, 'refused');
    await announces(el, 'Your signer declined. Nothing was changed.');
    expect(inShadow(el, '[part="receipts"]')).toBeNull();
  },
};

/** Reading the consent history, and the signer never answers. */
export const SignerTimedOut: Story = {
  parameters: { signer: 'times-out' },
  play: async ({ canvasElement }) => {
    const el = list(canvasElement);
    await userEvent.click(button(el, 'Show consent history'));
    await settles(el, 'timed-out');
    await announces(el, 'Your signer did not answer in time. Nothing was changed; you can try again.');
    expect(button(el, 'Show consent history').disabled).toBe(false);
  },
};

/** The relay is down: access is not revoked yet; the receipt names the relay, and the button offers to try again. */
export const RelayDown: Story = {
  parameters: { signer: 'key' },
  play: async ({ canvasElement }) => {
    const el = list(canvasElement);
    await askToRevoke(el, 0);
    await userEvent.click(confirmButton(el));
    await settles(el, 'relay-error', 20_000);
    await announces(el, 'Not enough storage servers accepted the change, so access was not revoked yet.');
    expect(text(inShadow(el, '[part="receipts"]'))).toContain('ws://127.0.0.1:9');
    expect(text(inShadow(el, '[part="receipts"]'))).toContain('could not be reached');
    expect(confirmButton(el).textContent?.trim()).toBe('Try again');
    expect(people(el)).toHaveLength(3);
  },
};

/** Revoked: the relay accepted the new version, and the person is gone from the list. */
export const Revoked: Story = {
  tags: ['relay'],
  ...onRelays({
    seed: ({ cast }) => patientRecords(cast),
    render: ({ relays, cast, records }) => html`<nip82-access-list relays=${relays.main} .records=${records} .signer=${cast.patient}></nip82-access-list>`,
    play: async ({ canvasElement, data }) => {
      const el = list(canvasElement);
      const revoked = new Promise<string>((resolve) => el.addEventListener('nip82-revoke', (e) => resolve(e.detail.pubkey), { once: true }));
      await askToRevoke(el, 0);
      await userEvent.click(confirmButton(el));
      expect(await revoked).toBe(await pubkeyOf('clinician', data.cast));
      await settles(el, 'done', 20_000);
      expect(text(inShadow(el, '#result-title'))).toMatch(/^Access revoked for npub1.*\. 1 of 1 storage server accepted the change\.$/);
      expect(inShadow(el, '[part="receipts"] li')!.getAttribute('data-status')).toBe('accepted');
      await userEvent.click(button(el, 'Close'));
      await waitFor(() => expect(people(el)).toHaveLength(2));
    },
  }),
};

/**
 * Shares past their end date: the patient's session finds them and offers to revoke them all after
 * one confirmation, which lists each by person and record.
 */
export const EndedShares: Story = {
  tags: ['relay'],
  ...onRelays({
    seed: async ({ cast, publish }) => {
      const record = await openedRecord({ author: 'patient', cast });
      const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
      for (const who of ['clinician', 'family'] as const) {
        const recipient = await pubkeyOf(who, cast);
        const { source, fullUrl } = consentSource(record, grantConsent({ patient: await pubkeyOf('patient', cast), recipient, role: 'viewer', until: yesterday }));
        await publish(await createShare({
          from: [record, source], include: [...record.bundle.entry!.map((e) => e.fullUrl!), fullUrl], author: cast.patient, participants: [{ pubkey: recipient, role: 'viewer' }],
        }));
      }
      return {};
    },
    render: ({ relays, cast }) => html`<nip82-access-list relays=${relays.main} .signer=${cast.patient}></nip82-access-list>`,
    play: async ({ canvasElement }) => {
      const el = list(canvasElement);
      await userEvent.click(button(el, 'Unlock my records'));
      await waitFor(() => expect(inShadow(el, '[part="overdue"]')).not.toBeNull(), { timeout: 20_000 });
      expect(text(inShadow(el, '[part="overdue"] p'))).toBe('The end date of 2 shares has passed, but those people can still open them until you revoke them.');
      await userEvent.click(button(el, 'Revoke the 2 ended shares…'));
      await waitFor(() => expect(dialog(el).open).toBe(true));
      expect(allInShadow(el, '.ended-list li')).toHaveLength(2);
      await userEvent.click(button(el, 'Revoke all 2'));
      await settles(el, 'done', 20_000);
      expect(text(inShadow(el, '#result-title'))).toBe('The 2 ended shares were revoked. 1 of 1 storage server accepted the change.');
    },
  }),
};

/** Loading: the patient's records are found on the relay and unlocked, then listed. */
export const LoadedFromRelay: Story = {
  tags: ['relay'],
  ...onRelays({
    seed: async ({ cast, publish }) => {
      await publish(await recordEvents({ author: 'patient', reader: 'clinician', cast }));
      return {};
    },
    render: ({ relays, cast }) => html`<nip82-access-list relays=${relays.main} .signer=${cast.patient}></nip82-access-list>`,
    play: async ({ canvasElement }) => {
      const el = list(canvasElement);
      await userEvent.click(button(el, 'Unlock my records'));
      await settles(el, 'done', 20_000);
      await waitFor(() => expect(people(el)).toHaveLength(2));
      expect(revokeButtons(el)).toHaveLength(1);
    },
  }),
};

/** The consent history: the patient's past answers, read from their own gift-wrapped copies. */
export const ConsentHistory: Story = {
  tags: ['relay'],
  ...onRelays({
    seed: async ({ cast, publish }) => {
      const request = await accessRequest(cast);
      const { events } = await answerRequest(request, { signer: cast.patient, decision: 'rejected', note: 'Not before my appointment.' });
      await publish(events);
      return {};
    },
    render: ({ relays, cast }) => html`<nip82-access-list relays=${relays.main} .signer=${cast.patient}></nip82-access-list>`,
    play: async ({ canvasElement }) => {
      const el = list(canvasElement);
      await userEvent.click(button(el, 'Show consent history'));
      await settles(el, 'done', 20_000);
      const table = await waitFor(() => {
        const t = inShadow<HTMLTableElement>(el, 'table.history');
        expect(t).not.toBeNull();
        return t!;
      });
      expect(text(table.querySelector('caption'))).toBe('Your consent history');
      expect(table.tBodies[0]!.rows).toHaveLength(1);
      expect(text(table.tBodies[0]!.rows[0])).toMatch(/npub1/);
    },
  }),
};

/** Spanish, from the page's `lang`. */
export const Spanish: Story = {
  render: (_, context) => html`<div lang="es">${render(DEAD_RELAY)(_, context)}</div>`,
  play: async ({ canvasElement }) => {
    const el = list(canvasElement);
    await waitFor(() => expect(people(el)).toHaveLength(3));
    expect(text(inShadow(el, '.controls'))).not.toContain('Show consent history');
    expect(revokeButtons(el)[0]!.textContent?.trim()).not.toBe('Revoke');
  },
};

/** Right to left: each person's revoke button sits at the inline end, the left. */
export const RightToLeft: Story = {
  render: (_, context) => html`<div dir="rtl" lang="ar">${render(DEAD_RELAY, { revoke: 'إلغاء الوصول', revokeWho: (who: string) => `إلغاء الوصول لـ ${who}`, you: 'أنت' })(_, context)}</div>`,
  play: async ({ canvasElement }) => {
    const el = list(canvasElement);
    await waitFor(() => expect(revokeButtons(el)).toHaveLength(2));
    const row = people(el).find((p) => p.querySelector('button.revoke'))!;
    const who = row.querySelector('.who')!.getBoundingClientRect();
    const revoke = row.querySelector('button.revoke')!.getBoundingClientRect();
    expect(getComputedStyle(row).direction).toBe('rtl');
    expect(who.left).toBeGreaterThan(revoke.left);
    expect(text(revokeButtons(el)[0])).toBe('إلغاء الوصول');
    expect(text(inShadow(el, '.you'))).toBe('(أنت)');
  },
};

/** Dark colour scheme. */
export const Dark: Story = {
  render: (_, context) => html`<div style="background: #0d1117; padding: 1rem">
    <nip82-access-list style="color-scheme: dark" .records=${loaded<Data>(context).records}></nip82-access-list>
  </div>`,
  play: async ({ canvasElement }) => {
    const el = list(canvasElement);
    await waitFor(() => expect(people(el)).toHaveLength(3));
    const [r, g, b] = getComputedStyle(el).color.match(/\d+/g)!.map(Number);
    expect((r! + g! + b!) / 3).toBeGreaterThan(180);
  },
};

/** Theming: record background and spacing through custom properties, people through `::part(person)`. */
export const Themed: Story = {
  render: (_, context) => html`<style>
      .care nip82-access-list { --nip82-access-list-record-background: rgb(246, 244, 255); --nip82-color-danger: rgb(150, 0, 30); }
      .care nip82-access-list::part(person) { border-block-end: 1px dotted rgb(90, 70, 160); }
    </style>
    <div class="care"><nip82-access-list .records=${loaded<Data>(context).records}></nip82-access-list></div>`,
  play: async ({ canvasElement }) => {
    const el = list(canvasElement);
    await waitFor(() => expect(people(el)).toHaveLength(3));
    expect(getComputedStyle(inShadow(el, '[part="record"]')!).backgroundColor).toBe('rgb(246, 244, 255)');
    expect(getComputedStyle(people(el)[0]!).borderBottomStyle).toBe('dotted');
  },
};
