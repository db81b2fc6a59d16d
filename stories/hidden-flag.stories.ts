import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import type { Nip82HiddenFlag } from '../components/hidden-flag/hidden-flag.js';
import type { HiddenFlagStrings } from '../components/hidden-flag/hidden-flag.strings.js';
import { element, inShadow, text } from './support/dom.js';

type Args = { disclose?: 'flag' | 'count' | 'count-and-kind'; count?: number; kinds?: string; subject?: 'person' | 'animal' };

const flag = (canvas: HTMLElement) => element<Nip82HiddenFlag>(canvas, 'nip82-hidden-flag');
const note = (el: Element) => {
  const base = inShadow(el, '[part="base"]');
  if (!base) throw new Error('the flag is not showing');
  return base;
};

const meta = {
  title: 'Elements/Hidden flag',
  component: 'nip82-hidden-flag',
  args: { disclose: 'count-and-kind', count: 3, kinds: 'Condition,Condition,MedicationRequest' },
  argTypes: {
    disclose: { control: 'inline-radio', options: ['flag', 'count', 'count-and-kind'] },
    count: { control: 'number' },
    kinds: { control: 'text' },
    subject: { control: 'inline-radio', options: ['person', 'animal'] },
  },
  render: ({ disclose, count, kinds, subject }) =>
    html`<nip82-hidden-flag disclose=${disclose ?? ''} count=${count ?? ''} kinds=${kinds ?? ''} subject=${subject ?? ''}></nip82-hidden-flag>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** The patient disclosed only that something was withheld. */
export const FlagOnly: Story = {
  args: { disclose: 'flag', count: undefined, kinds: undefined },
  play: async ({ canvasElement }) => {
    const el = flag(canvasElement);
    expect(el.visible).toBe(true);
    expect(note(el).getAttribute('role')).toBe('note');
    expect(text(inShadow(el, '[part="title"]'))).toMatch(/withheld/i);
    expect(text(inShadow(el, '[part="title"]'))).not.toMatch(/\d/);
    expect(inShadow(el, '[part="kinds"]')).toBeNull();
    expect(text(inShadow(el, '[part="explanation"]'))).not.toBe('');
  },
};

/** How many items were withheld, not which kinds. */
export const Count: Story = {
  args: { disclose: 'count', count: 4, kinds: undefined },
  play: async ({ canvasElement }) => {
    const el = flag(canvasElement);
    expect(text(inShadow(el, '[part="title"]'))).toContain('4');
    expect(inShadow(el, '[part="kinds"]')).toBeNull();
  },
};

/** How many of which kind: the kinds in plain words. */
export const CountAndKind: Story = {
  play: async ({ canvasElement }) => {
    const el = flag(canvasElement);
    expect(text(inShadow(el, '[part="title"]'))).toContain('3');
    const kinds = text(inShadow(el, '[part="kinds"]'));
    expect(kinds).toContain('2 problems');
    expect(kinds).toContain('1 medication');
  },
};

/** An animal's record: its owner withheld the items, and is the one to ask. */
export const Animal: Story = {
  args: { disclose: 'count', count: 2, kinds: undefined, subject: 'animal' },
  play: async ({ canvasElement }) => {
    const el = flag(canvasElement);
    expect(text(inShadow(el, '[part="title"]'))).toBe('The owner withheld 2 items from this record');
    expect(text(inShadow(el, '[part="explanation"]'))).toMatch(/asking the owner/);
    expect(text(note(el))).not.toMatch(/patient/);
  },
};

/** Nothing withheld: the element renders nothing at all. */
export const NothingWithheld: Story = {
  args: { disclose: 'count', count: 0, kinds: undefined },
  play: async ({ canvasElement }) => {
    const el = flag(canvasElement);
    expect(el.visible).toBe(false);
    expect(inShadow(el, '[part="base"]')).toBeNull();
    expect(text(el.shadowRoot)).toBe('');
  },
};

/** Built-in Spanish, chosen by the nearest `lang`. */
export const Spanish: Story = {
  render: () => html`<div lang="es">
    <nip82-hidden-flag disclose="count-and-kind" count="3" kinds="Condition,Condition,AllergyIntolerance"></nip82-hidden-flag>
  </div>`,
  play: async ({ canvasElement }) => {
    const el = flag(canvasElement);
    // Its first render waits for the Spanish language pack.
    await el.updateComplete;
    expect(text(inShadow(el, '[part="kinds"]'))).toContain('2 problemas');
    expect(text(inShadow(el, '[part="kinds"]'))).toContain('1 alergia');
    expect(text(note(el))).not.toMatch(/withheld|problems/);
  },
};

const arabic: Partial<HiddenFlagStrings> = {
  flagTitle: 'حجب المريض بعض العناصر من هذا السجل',
  countTitle: (n: number) => `حجب المريض ${n} عناصر من هذا السجل`,
  kind: (type: string, n: number) => `${n} × ${type === 'Condition' ? 'مشكلة صحية' : type === 'AllergyIntolerance' ? 'حساسية' : type}`,
  kindsList: (parts: string[]) => parts.join('، '),
  explanation: 'اختار المريض عدم مشاركة هذه العناصر. من المفيد أن تسأله عنها.',
};

/**
 * Right to left: the page's `dir` and `lang`, and the element's strings supplied by the host
 * through `.strings` (the kit ships English and Spanish). The icon sits at the inline start, which
 * is the right-hand side.
 */
export const RightToLeft: Story = {
  render: () => html`<div dir="rtl" lang="ar">
    <nip82-hidden-flag disclose="count-and-kind" count="3" kinds="Condition,Condition,AllergyIntolerance" .strings=${arabic}></nip82-hidden-flag>
  </div>`,
  play: async ({ canvasElement }) => {
    const el = flag(canvasElement);
    expect(getComputedStyle(el).direction).toBe('rtl');
    expect(text(inShadow(el, '[part="title"]'))).toBe('حجب المريض 3 عناصر من هذا السجل');
    const icon = inShadow(el, '[part="icon"]')!.getBoundingClientRect();
    const title = inShadow(el, '[part="title"]')!.getBoundingClientRect();
    expect(icon.left).toBeGreaterThan(title.left);
  },
};

/** Dark: the kit follows `color-scheme`, here forced on the element. */
export const Dark: Story = {
  render: () => html`<div style="background: #0d1117; padding: 1rem; color-scheme: dark">
    <nip82-hidden-flag style="color-scheme: dark" disclose="count" count="2"></nip82-hidden-flag>
  </div>`,
  play: async ({ canvasElement }) => {
    const el = flag(canvasElement);
    const [r, g, b] = getComputedStyle(note(el)).color.match(/\d+/g)!.map(Number);
    // Light text on a dark page.
    expect((r! + g! + b!) / 3).toBeGreaterThan(150);
  },
};

/** Theming through the element's custom properties and `::part()`. */
export const Themed: Story = {
  render: () => html`<style>
      .themed nip82-hidden-flag {
        --nip82-hidden-flag-background: rgb(255, 240, 246);
        --nip82-hidden-flag-color: rgb(122, 0, 60);
        --nip82-hidden-flag-border: 2px dashed rgb(122, 0, 60);
      }
      .themed nip82-hidden-flag::part(title) { text-transform: uppercase; letter-spacing: 0.04em; }
    </style>
    <div class="themed"><nip82-hidden-flag disclose="count" count="2"></nip82-hidden-flag></div>`,
  play: async ({ canvasElement }) => {
    const el = flag(canvasElement);
    const base = getComputedStyle(note(el));
    expect(base.backgroundColor).toBe('rgb(255, 240, 246)');
    expect(base.borderTopStyle).toBe('dashed');
    expect(getComputedStyle(inShadow(el, '[part="title"]')!).textTransform).toBe('uppercase');
  },
};
