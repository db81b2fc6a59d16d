import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { OpenedRecord } from '../components/core/nip82/record.js';
import type { RecordViewerStrings } from '../components/record-viewer/record-viewer.strings.js';
import { allInShadow, announces, button, element, inShadow, liveRegion, settles, text } from './support/dom.js';
import { DEAD_RELAY, NOT_A_BUNDLE, emptyBundle, hugeBundle, openedRecord, pubkeyOf, recordEvents, smallBundle, syntheticBundle, withheldBundle } from './support/data.js';
import { grantConsent } from '../components/core/nip82/grant-create.js';
import { onRelays } from './support/relays.js';
import { cannotDecryptFrom, decryptWaits, loaded, loadedSigner } from './support/signers.js';

type Args = { mode: 'summary' | 'timeline'; pageSize: number; hideEnteredInError: boolean };
type Records = { records: OpenedRecord[] };


const viewer = (canvas: HTMLElement) => element<Nip82RecordViewer>(canvas, 'nip82-record-viewer');
const section = (el: Element, key: string) => inShadow(el, `[part="section"][data-section="${key}"]`);
const count = (el: Element) => text(inShadow(el, '.count'));

/** Renders the viewer with a Bundle handed in (no relay, no signer). */
const withBundle = (bundle: () => unknown) => ({
  render: ({ mode, pageSize, hideEnteredInError }: Args) =>
    html`<nip82-record-viewer mode=${mode} page-size=${pageSize} ?hide-entered-in-error=${hideEnteredInError} .bundle=${bundle()}></nip82-record-viewer>`,
});

/** Renders the viewer with records opened in memory by the loader. */
const withRecords = (make: () => Promise<OpenedRecord[]>) => ({
  loaders: [async (): Promise<Records> => ({ records: await make() })],
  render: ({ mode, pageSize }: Args, context: { loaded: Record<string, unknown> }) =>
    html`<nip82-record-viewer mode=${mode} page-size=${pageSize} .records=${loaded<Records>(context).records}></nip82-record-viewer>`,
});

/** Renders the viewer waiting for the user to unlock, with the story's signer and `relays`. */
const toUnlock = (relays?: string) => ({
  render: (_: Args, context: { loaded: Record<string, unknown> }) =>
    html`<nip82-record-viewer relays=${relays ?? ''} .signer=${loadedSigner(context)}></nip82-record-viewer>`,
});

const meta = {
  title: 'Elements/Record viewer',
  component: 'nip82-record-viewer',
  args: { mode: 'summary', pageSize: 50, hideEnteredInError: false },
  argTypes: { mode: { control: 'inline-radio', options: ['summary', 'timeline'] } },
  ...withBundle(() => smallBundle()),
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

// ---------------------------------------------------------------------------------------------
// Data handed in

/** A FHIR Bundle handed in (`viewer.bundle = …`): a summary by section, no relay and no signer. */
export const BundleHandedIn: Story = {
  play: async ({ canvasElement }) => {
    const el = viewer(canvasElement);
    await settles(el, 'done');
    // The patient's name is set apart (FSI…PDI) from the words around it.
    expect(text(inShadow(el, '[part="record"] h2'))).toBe('Health record: Ana Rivera');
    expect(text(inShadow(el, '[part="provenance"]'))).toContain('no signature');
    expect(text(section(el, 'allergies'))).toContain('Penicillin');
    expect(text(section(el, 'problems'))).toContain('Asthma');
    expect(text(section(el, 'medications'))).toContain('Salbutamol');
    expect(count(el)).toBe('Showing 7 of 7 items');
    expect(allInShadow(el, '[part="item"]')).toHaveLength(7);
    expect(inShadow(el, 'button.unlock')).toBeNull();
  },
};

/**
 * Records opened by the host (`viewer.records = …`): who wrote each one, verified, and the reader's role.
 */
export const RecordsHandedIn: Story = {
  ...withRecords(async () => [
    await openedRecord({ author: 'clinician', reader: 'patient', participants: [{ who: 'patient', role: 'viewer' }] }),
    await openedRecord({ author: 'patient', bundle: syntheticBundle() }),
  ]),
  play: async ({ canvasElement }) => {
    const el = viewer(canvasElement);
    await settles(el, 'done');
    const records = allInShadow(el, '[part="record"]');
    expect(records).toHaveLength(2);
    expect(records.map((r) => text(r.querySelector('h2')))).toEqual(['Record 1 of 2: Ana Rivera', 'Record 2 of 2: Denis399 Lincoln623 Schmitt836']);
    const provenance = allInShadow(el, '[part="provenance"]').map((p) => text(p));
    expect(provenance[0]).toContain('signature checked');
    expect(provenance[0]).toMatch(/npub1/);
    expect(provenance[0]).toContain('viewer (read only)');
    expect(provenance[1]).toContain('editor');
    expect(inShadow(el, '.unverified')).toBeNull();
  },
};

/** A share made for the clinician whose end date has passed: it says so first, and is not shown as current. */
export const EndedShare: Story = {
  ...withRecords(async () => {
    const [patient, clinician] = [await pubkeyOf('patient'), await pubkeyOf('clinician')];
    const bundle = smallBundle(patient);
    bundle.entry!.push({ fullUrl: 'urn:uuid:6b9e5b8a-5d0c-4d3e-8f0a-0000000000c1', resource: grantConsent({ patient, recipient: clinician, role: 'viewer', until: '2026-01-01' }) });
    return [await openedRecord({ author: 'patient', reader: 'clinician', bundle, participants: [{ who: 'clinician', role: 'viewer' }] })];
  }),
  play: async ({ canvasElement }) => {
    const el = viewer(canvasElement);
    await settles(el, 'done');
    expect(text(inShadow(el, '[part="share-ended"]'))).toMatch(/^This share ended on .*2026\. It shows the record as it was then, not as it is now\.$/);
    expect(inShadow(el, '[part="record"]')!.classList.contains('ended')).toBe(true);
  },
};

/** A share the patient narrowed: the hidden-item flag says how many of which kind were withheld. */
export const WithHiddenItems: Story = {
  ...withBundle(() => withheldBundle('count-and-kind')),
  play: async ({ canvasElement }) => {
    const el = viewer(canvasElement);
    await settles(el, 'done');
    const flag = inShadow(el, 'nip82-hidden-flag')!;
    await waitFor(() => expect(text(flag.shadowRoot!.querySelector('[part="title"]'))).toContain('2'));
    expect(flag.shadowRoot!.querySelector('[role="note"]')).not.toBeNull();
    expect(text(flag.shadowRoot!.querySelector('[part="kinds"]'))).toMatch(/1 allergy.*1 problem|1 problem.*1 allergy/);
    expect(section(el, 'allergies')).toBeNull();
  },
};

/** An empty Bundle. */
export const Empty: Story = {
  ...withBundle(emptyBundle),
  play: async ({ canvasElement }) => {
    const el = viewer(canvasElement);
    await settles(el, 'done');
    expect(text(inShadow(el, '[part="record"] .empty'))).toBe('This record has no items.');
    expect(allInShadow(el, '[part="item"]')).toHaveLength(0);
  },
};

/** Something that is not a FHIR Bundle: a calm "could not be read" state. */
export const NotABundle: Story = {
  ...withBundle(() => NOT_A_BUNDLE),
  play: async ({ canvasElement }) => {
    const el = viewer(canvasElement);
    await settles(el, 'bad-data');
    await announces(el, 'This record could not be read.');
    expect(inShadow(el, '[part="record"]')).toBeNull();
  },
};

/** A generated, synthetic patient (62 resources, no real person): visits, vaccinations, documents and more. */
export const SyntheticPatient: Story = {
  ...withBundle(syntheticBundle),
  play: async ({ canvasElement }) => {
    const el = viewer(canvasElement);
    await settles(el, 'done');
    expect(count(el)).toMatch(/^Showing \d+ of \d+ items$/);
    for (const key of ['immunizations', 'encounters', 'documents', 'procedures']) expect(section(el, key)).not.toBeNull();
    expect(text(section(el, 'immunizations')!.querySelector('h3'))).toMatch(/^Vaccinations \(\d+\)$/);
  },
};

/** A huge record: the synthetic patient's entries repeated into 3,051 resources, rendered a page at a time. */
export const HugeRecord: Story = {
  ...withBundle(() => hugeBundle(50)),
  play: async ({ canvasElement }) => {
    const el = viewer(canvasElement);
    await settles(el, 'done', 20_000);
    expect(count(el)).toMatch(/of 3,051 items$/);
    const encounters = section(el, 'encounters')!;
    expect(text(encounters.querySelector('h3'))).toContain('750');
    expect(encounters.querySelectorAll('[part="item"]')).toHaveLength(50);
    const more = [...encounters.querySelectorAll('button.more')][0] as HTMLButtonElement;
    expect(text(more)).toBe('Show 50 more (700 not shown)');
    await userEvent.click(more);
    await waitFor(() => expect(encounters.querySelectorAll('[part="item"]')).toHaveLength(100));
  },
};

/** Searching narrows every section; the count says how many match. */
export const Search: Story = {
  ...withBundle(syntheticBundle),
  play: async ({ canvasElement }) => {
    const el = viewer(canvasElement);
    await settles(el, 'done');
    const search = inShadow<HTMLInputElement>(el, '#search')!;
    expect(text(inShadow(el, 'label[for="search"]'))).toBe('Search these records');
    await userEvent.type(search, 'zzzz-no-such-thing');
    await waitFor(() => expect(text(inShadow(el, '.empty'))).toBe('Nothing matches this search.'));
    expect(allInShadow(el, '[part="item"]')).toHaveLength(0);
  },
};

/** The timeline: dated items, newest first. */
export const Timeline: Story = {
  args: { mode: 'timeline' },
  ...withBundle(syntheticBundle),
  play: async ({ canvasElement }) => {
    const el = viewer(canvasElement);
    await settles(el, 'done');
    const list = inShadow(el, '[part="timeline"]')!;
    expect(list.getAttribute('aria-label')).toBe('Timeline');
    const times = [...list.querySelectorAll('time')].map((t) => t.getAttribute('datetime') ?? '').filter(Boolean).map((d) => Date.parse(d));
    expect(times.length).toBeGreaterThan(10);
    for (let i = 1; i < times.length; i++) expect(times[i]!).toBeLessThanOrEqual(times[i - 1]!);
    expect(button(el, 'Timeline').getAttribute('aria-pressed')).toBe('true');
  },
};

// ---------------------------------------------------------------------------------------------
// Unlocking, and what the signer and relays can do to it

/** Before unlocking: nothing is asked of the signer until the user clicks. */
export const Locked: Story = {
  parameters: { signer: 'key' },
  ...toUnlock(DEAD_RELAY),
  play: async ({ canvasElement }) => {
    const el = viewer(canvasElement);
    await settles(el, 'idle');
    expect(text(inShadow(el, '.gate p'))).toContain('Your records are encrypted');
    expect(button(el, 'Unlock my records').disabled).toBe(false);
    expect(text(liveRegion(el))).toBe('');
  },
};

/** No signer: what to install, and a way to try again. */
export const NoSigner: Story = {
  parameters: { signer: 'none' },
  ...toUnlock(DEAD_RELAY),
  play: async ({ canvasElement }) => {
    const el = viewer(canvasElement);
    await userEvent.click(button(el, 'Unlock my records'));
    await settles(el, 'no-signer');
    await announces(el, /No signer was found.*signer extension.*signer app/);
    expect(button(el, 'Try again')).toBeTruthy();
  },
};

/**
 * Waiting for the signer: it has been asked who the user is and has not answered yet (an extension
 * may be showing its prompt), so the relays are not searched yet; the button stays busy (aria-disabled).
 */
export const WaitingForSigner: Story = {
  parameters: { signer: 'hangs' },
  ...toUnlock(DEAD_RELAY),
  play: async ({ canvasElement, loaded: data }) => {
    const el = viewer(canvasElement);
    await userEvent.click(button(el, 'Unlock my records'));
    await settles(el, 'waiting-signer');
    await announces(el, /^Waiting for your signer/);
    expect(inShadow<HTMLButtonElement>(el, 'button.unlock')!.getAttribute('aria-disabled')).toBe('true');
    expect((data.signer as { asked: string[] }).asked).toEqual(['getPublicKey']);
  },
};

/** The user declined in their signer. */
export const SignerRefused: Story = {
  parameters: { signer: 'refuses-all' },
  ...toUnlock(DEAD_RELAY),
  play: async ({ canvasElement }) => {
    const el = viewer(canvasElement);
    const error = new Promise<string>((resolve) => el.addEventListener('nip82-error', (e) => resolve(e.detail.code), { once: true }));
    await userEvent.click(button(el, 'Unlock my records'));
    await settles(el, 'refused');
    expect(await error).toBe('refused');
    await announces(el, 'Your signer declined to unlock the records. Nothing was opened.');
    expect(inShadow(el, '[part="section"]')).toBeNull();
    expect(button(el, 'Try again').disabled).toBe(false);
  },
};

/** The signer never answered; the core's deadline turned that into a timeout. */
export const SignerTimedOut: Story = {
  parameters: { signer: 'times-out' },
  ...toUnlock(DEAD_RELAY),
  play: async ({ canvasElement }) => {
    const el = viewer(canvasElement);
    await userEvent.click(button(el, 'Unlock my records'));
    await settles(el, 'timed-out');
    await announces(el, 'Your signer did not answer in time.');
    expect(button(el, 'Try again').disabled).toBe(false);
  },
};

/** The host cancelled `nip82-signer-request`: the signer is never asked. */
export const CancelledByHost: Story = {
  parameters: { signer: 'hangs' },
  render: (_, context) =>
    html`<nip82-record-viewer relays=${DEAD_RELAY} .signer=${loadedSigner(context)} @nip82-signer-request=${(e: Event) => e.preventDefault()}></nip82-record-viewer>`,
  play: async ({ canvasElement, loaded: data }) => {
    const el = viewer(canvasElement);
    await userEvent.click(button(el, 'Unlock my records'));
    await settles(el, 'cancelled');
    await announces(el, 'Unlocking was cancelled. Nothing was opened.');
    expect((data.signer as { asked: string[] }).asked).toEqual([]);
  },
};

/** No relays configured. */
export const NoRelays: Story = {
  parameters: { signer: 'key' },
  ...toUnlock(),
  play: async ({ canvasElement }) => {
    const el = viewer(canvasElement);
    await userEvent.click(button(el, 'Unlock my records'));
    await settles(el, 'relay-error');
    await announces(el, "This page's storage server settings are wrong; please tell the site's team.");
  },
};

/** The relay is down (a loopback address nothing answers on): the relay is named in the report. */
export const RelayUnreachable: Story = {
  parameters: { signer: 'key' },
  ...toUnlock(DEAD_RELAY),
  play: async ({ canvasElement }) => {
    const el = viewer(canvasElement);
    await userEvent.click(button(el, 'Unlock my records'));
    await settles(el, 'relay-error', 15_000);
    await announces(el, 'The storage servers could not be reached. Check your internet connection, then try again.');
    expect(text(inShadow(el, '.relays'))).toContain('127.0.0.1:9');
    expect(button(el, 'Try again')).toBeTruthy();
  },
};

// ---------------------------------------------------------------------------------------------
// Unlocking from a relay (the local relay the dev server starts)

/** Two records shared with the patient, found on the relay and unlocked: one signer request per record. */
export const Unlocked: Story = {
  tags: ['relay'],
  ...onRelays({
    seed: async ({ cast, publish }) => {
      await publish(await recordEvents({ author: 'clinician', cast }));
      await publish(await recordEvents({ author: 'family', bundle: syntheticBundle(), cast }));
      return {};
    },
    render: ({ relays, cast }) => html`<nip82-record-viewer relays=${relays.main} .signer=${cast.patient}></nip82-record-viewer>`,
    play: async ({ canvasElement }) => {
      const el = viewer(canvasElement);
      const opened = new Promise<number>((resolve) => el.addEventListener('nip82-record-open', (e) => resolve(e.detail.records.length), { once: true }));
      await userEvent.click(button(el, 'Unlock my records'));
      expect(await opened).toBe(2);
      await settles(el, 'done');
      await announces(el, '2 records unlocked.');
      expect(allInShadow(el, '[part="record"]')).toHaveLength(2);
      expect(allInShadow(el, '.verified')).toHaveLength(2);
      expect(inShadow(el, 'button.unlock')).toBeNull();
    },
  }),
};

/** Records found; the signer is asked to unlock the first and has not answered: "record 1 of 2". */
export const Unlocking: Story = {
  tags: ['relay'],
  ...onRelays({
    seed: async ({ cast, publish }) => {
      await publish([...(await recordEvents({ author: 'clinician', cast })), ...(await recordEvents({ author: 'family', cast }))]);
      return {};
    },
    render: ({ relays, cast }) => html`<nip82-record-viewer relays=${relays.main} .signer=${decryptWaits(cast.patient)}></nip82-record-viewer>`,
    play: async ({ canvasElement }) => {
      const el = viewer(canvasElement);
      await userEvent.click(button(el, 'Unlock my records'));
      await settles(el, 'waiting-signer');
      const progress = await waitFor(() => {
        const bar = inShadow<HTMLProgressElement>(el, 'progress');
        expect(bar).not.toBeNull();
        return bar!;
      });
      expect(progress.max).toBe(2);
      expect(progress.getAttribute('aria-label')).not.toBe('');
      await announces(el, 'Unlocking 1 of 2…');
      expect(progress.getAttribute('aria-valuetext')).toBe('Unlocking 1 of 2…');
    },
  }),
};

/** One record's key cannot be decrypted: the other opens, and the failure is listed. */
export const SomeCouldNotBeOpened: Story = {
  tags: ['relay'],
  ...onRelays({
    seed: async ({ cast, publish }) => {
      const good = await recordEvents({ author: 'clinician', cast });
      const bad = await recordEvents({ author: 'family', cast });
      await publish([...good, ...bad]);
      return { bad: bad[0]!.pubkey };
    },
    render: ({ relays, cast, bad }) => html`<nip82-record-viewer relays=${relays.main} .signer=${cannotDecryptFrom(bad, cast.patient)}></nip82-record-viewer>`,
    play: async ({ canvasElement }) => {
      const el = viewer(canvasElement);
      await userEvent.click(button(el, 'Unlock my records'));
      await settles(el, 'done');
      await announces(el, '1 record unlocked.');
      expect(text(inShadow(el, '.failures'))).toContain('1 record could not be opened:');
      expect(allInShadow(el, '[part="record"]')).toHaveLength(1);
    },
  }),
};

/** The relay answered, and holds nothing for this person (someone with a new key). */
export const NoneFound: Story = {
  tags: ['relay'],
  ...onRelays({
    render: ({ relays, cast }) => html`<nip82-record-viewer relays=${relays.main} .signer=${cast.family}></nip82-record-viewer>`,
    play: async ({ canvasElement }) => {
      const el = viewer(canvasElement);
      await userEvent.click(button(el, 'Unlock my records'));
      await settles(el, 'done');
      await announces(el, 'No records were found for you on these storage servers.');
      expect(button(el, 'Try again')).toBeTruthy();
    },
  }),
};

// ---------------------------------------------------------------------------------------------
// Languages, direction, colour scheme, theming

/** Built-in Spanish, chosen by the nearest `lang`. */
export const Spanish: Story = {
  render: () => html`<div lang="es"><nip82-record-viewer .bundle=${smallBundle()}></nip82-record-viewer></div>`,
  play: async ({ canvasElement }) => {
    const el = viewer(canvasElement);
    await settles(el, 'done');
    expect(text(inShadow(el, 'label[for="search"]'))).toMatch(/Buscar/);
    expect(text(section(el, 'allergies')!.querySelector('h3'))).toMatch(/Alergias/);
    expect(count(el)).toMatch(/^Mostrando/);
  },
};

const arabic: Partial<RecordViewerStrings> = {
  bundleHeading: 'السجل الصحي',
  recordAbout: (heading: string, names: string) => `${heading}: ${names}`,
  searchLabel: 'ابحث في هذه السجلات',
  section_allergies: 'الحساسية',
  section_problems: 'المشكلات الصحية',
  showing: (shown: string, total: string) => `عرض ${shown} من ${total} عنصرًا`,
};

/** Right to left (`dir="rtl"`), with a few strings supplied by the host; layout follows the inline direction. */
export const RightToLeft: Story = {
  render: () => html`<div dir="rtl" lang="ar"><nip82-record-viewer .bundle=${smallBundle()} .strings=${arabic}></nip82-record-viewer></div>`,
  play: async ({ canvasElement }) => {
    const el = viewer(canvasElement);
    await settles(el, 'done');
    expect(getComputedStyle(el).direction).toBe('rtl');
    expect(text(inShadow(el, '[part="record"] h2'))).toBe('السجل الصحي: Ana Rivera');
    const toolbar = inShadow(el, '[part="toolbar"]')!;
    const first = toolbar.firstElementChild!.getBoundingClientRect();
    const last = toolbar.lastElementChild!.getBoundingClientRect();
    // The search field comes first, at the inline start: the right.
    expect(first.right).toBeGreaterThan(last.right);
  },
};

/** Dark colour scheme. */
export const Dark: Story = {
  render: () => html`<div style="background: #0d1117; padding: 1rem">
    <nip82-record-viewer style="color-scheme: dark" .bundle=${smallBundle()}></nip82-record-viewer>
  </div>`,
  play: async ({ canvasElement }) => {
    const el = viewer(canvasElement);
    await settles(el, 'done');
    const item = allInShadow(el, '[part="item"]')[0]!;
    const bg = getComputedStyle(item).backgroundColor.match(/\d+/g)!.map(Number);
    const fg = getComputedStyle(el).color.match(/\d+/g)!.map(Number);
    expect(bg.slice(0, 3).reduce((a, b) => a + b) / 3).toBeLessThan(80);
    expect(fg.slice(0, 3).reduce((a, b) => a + b) / 3).toBeGreaterThan(180);
  },
};

/** Theming: kit tokens, the element's own custom properties and `::part()`. */
export const Themed: Story = {
  render: () => html`<style>
      .clinic {
        --nip82-color-accent: rgb(0, 95, 80);
        --nip82-radius: 0;
        --nip82-font-family: Georgia, serif;
        --nip82-record-viewer-item-background: rgb(240, 250, 247);
        --nip82-record-viewer-item-border: 1px solid rgb(0, 95, 80);
      }
      .clinic nip82-record-viewer::part(section) { border-inline-start: 4px solid rgb(0, 95, 80); padding-inline-start: 0.5rem; }
    </style>
    <div class="clinic"><nip82-record-viewer .bundle=${smallBundle()}></nip82-record-viewer></div>`,
  play: async ({ canvasElement }) => {
    const el = viewer(canvasElement);
    await settles(el, 'done');
    const item = getComputedStyle(allInShadow(el, '[part="item"]')[0]!);
    expect(item.backgroundColor).toBe('rgb(240, 250, 247)');
    expect(item.borderTopColor).toBe('rgb(0, 95, 80)');
    expect(getComputedStyle(el).fontFamily).toContain('Georgia');
    expect(getComputedStyle(section(el, 'allergies')!).borderInlineStartWidth).toBe('4px');
  },
};

