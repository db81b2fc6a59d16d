/**
 * The consent plan as the patient sees it, for sharing and answering alike: the items to choose
 * (one tab stop; arrow keys move between items, Page Up/Down between kinds), how much the flag
 * tells, and the exact preview of what the recipient will be able to open.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { guard } from 'lit/directives/guard.js';
import type { BundleEntry } from '../core/fhir/types.js';
import type { Disclosure } from '../core/fhir/withheld.js';
import type { SharePlan } from '../core/nip82/share.js';
import { languageNamed } from '../shared/strings.js';
import { groupKinds, kindsLine } from '../shared/withheld-kinds.js';
import { formatDate } from '../shared/dates.js';
import { wordsDiffer } from '../shared/vocabulary.js';
import { withBdi } from '../shared/bdi.js';
import { orderedGroups, type ConsentPlan, type ItemTexts } from './consent-plan.js';
import { resourceDate, resourceLabel, resourceMoment } from './resources.js';
import type { ConsentPromptStrings } from './consent-prompt.strings.js';
import { formatCount } from '../shared/numbers.js';
import { listText } from '../shared/lists.js';
import { isolate } from '../shared/identity.js';

/**
 * A preview of up to this many items shows them all; a longer one shows each kind folded, with its
 * count. In the choice, a kind of more items than this starts folded: a long record's list would
 * otherwise run hundreds of screens (and Review with it) and be drawn whole on every change.
 */
const PREVIEW_OPEN_UP_TO = 12;
const FOLD_OVER = PREVIEW_OPEN_UP_TO;

export interface PlanViewContext {
  plan: ConsentPlan;
  s: ConsentPromptStrings;
  lang: string;
  busy: boolean;
  /** The recipient as shown: their name with the short npub, or the short npub. */
  recipient?: string;
  /** Items were hidden from the recipient before in a share that keeps no list of them (one they may edit). */
  hiddenUnlisted?: boolean;
  /** The user's key, when known: whether the patient a share is about is them. */
  me?: string;
  /**
   * How many of `hidden` the recipient can open all the same: in an earlier share to them not taken
   * back, or in a record they take part in. Hiding an item there takes nothing back.
   */
  openElsewhere?: (hidden: readonly BundleEntry[]) => number;
  /**
   * The people the user's records are about (subject key and name), when more than one: one share
   * is about one person, so the items offered are those of the one chosen (`about`).
   */
  subjects?: { key: string; name: string }[];
  about?: string;
  onAbout?: (key: string) => void;
}

/**
 * An item's date in the page's language, when it has one (never a birth date), at the precision
 * the record gives it ("mar 2015", "2010"), as the record viewer shows it.
 */
export function itemDate(entry: BundleEntry, lang: string): string {
  if (entry.resource.resourceType === 'Patient') return '';
  const date = resourceDate(entry.resource);
  return date ? formatDate(date, lang) : '';
}

/** An item's label, with whom it is about when the items offered are about more than one patient ("Rabies vaccine · Rex"). */
export function itemLabel(ctx: Pick<PlanViewContext, 'plan' | 's' | 'lang'>, entry: BundleEntry): string {
  return texts(ctx, entry).label;
}

/** An item as the patient recognises it: its label (and whom it is about) and its date. */
export function itemText(entry: BundleEntry, ctx: Pick<PlanViewContext, 'plan' | 's' | 'lang'>): string {
  const { label, date } = texts(ctx, entry);
  return date ? `${label} (${date})` : label;
}

/**
 * Each item's label and date, worked out once for the items offered (the plan forgets them with
 * the items), the words and the language: a long record's thousands of items are not read again
 * on every change.
 */
function texts(ctx: Pick<PlanViewContext, 'plan' | 's' | 'lang'>, entry: BundleEntry): ItemTexts {
  let cache = ctx.plan.texts;
  if (!cache || cache.words !== ctx.s || cache.lang !== ctx.lang) cache = ctx.plan.texts = { words: ctx.s, lang: ctx.lang, map: new Map() };
  let t = cache.map.get(entry);
  if (!t) {
    // Worked out for the entry's whole kind at once: two items of a kind that would read the same
    // (two visits for the same problem on one day) also say the time of day, as the viewer does,
    // so that the patient can tell which one they hide.
    const kind = ctx.plan.groups.find(([type, list]) => type === entry.resource.resourceType && list.includes(entry))?.[1] ?? [entry];
    const made = kind.map((e) => [e, ownTexts(ctx, e)] as const);
    const seen = new Map<string, number>();
    for (const [, x] of made) seen.set(`${x.label}\n${x.date}`, (seen.get(`${x.label}\n${x.date}`) ?? 0) + 1);
    for (const [e, x] of made) {
      const moment = x.date && seen.get(`${x.label}\n${x.date}`)! > 1 ? resourceMoment(e.resource) : '';
      cache.map.set(e, moment.includes('T') ? { ...x, date: formatDate(moment, ctx.lang) } : x);
    }
    t = cache.map.get(entry)!;
  }
  return t;
}

function ownTexts(ctx: Pick<PlanViewContext, 'plan' | 's' | 'lang'>, entry: BundleEntry): ItemTexts {
  const label = resourceLabel(entry.resource, ctx.lang, (ref, from) => ctx.plan.resolve(ref, from)) || ctx.s.noLabel;
  const patient = ctx.plan.patientOf(entry.fullUrl!);
  return { label: patient ? ctx.s.itemOf(label, patient) : label, date: itemDate(entry, ctx.lang) };
}

// ---------------------------------------------------------------------------------------------
// Choosing: one roving tab stop over every control of the list

/** The list's controls, in order, as rows of [box, hide button] (a long kind's unfolding line is a row of itself). */
function rows(list: HTMLElement): HTMLElement[][] {
  return [...list.querySelectorAll<HTMLElement>('[data-row]')].map((row) => (row.hasAttribute('data-cell') ? [row] : [...row.querySelectorAll<HTMLElement>('[data-cell]')]));
}

/** Keeps exactly one control of the list tabbable: `target`, or the first. */
export function settleTabStop(list: HTMLElement | null, target?: HTMLElement): void {
  if (!list) return;
  const cells = rows(list).flat();
  const current = target ?? cells.find((c) => c.tabIndex === 0 && !(c as HTMLInputElement).disabled) ?? cells.find((c) => !(c as HTMLInputElement).disabled);
  // Written only where it changes: this runs after every render, over every row of a long list.
  for (const c of cells) {
    const index = c === current ? 0 : -1;
    if (c.tabIndex !== index) c.tabIndex = index;
  }
}

/** Arrow keys, Home/End and Page Up/Down move the one tab stop through the list. */
function onListKey(event: KeyboardEvent): void {
  const list = event.currentTarget as HTMLElement;
  const grid = rows(list);
  const active = (list.getRootNode() as ShadowRoot).activeElement as HTMLElement | null;
  const r = grid.findIndex((row) => row.includes(active!));
  if (r < 0) return;
  const c = grid[r]!.indexOf(active!);
  const usable = (el: HTMLElement | undefined) => !!el && !(el as HTMLInputElement).disabled;
  const isGroup = (i: number) => grid[i]![0]!.closest('[data-row]')!.hasAttribute('data-group');
  let target: HTMLElement | undefined;
  const inRow = (i: number) => (usable(grid[i]![c]) ? grid[i]![c] : grid[i]!.find(usable));
  const step = (from: number, by: number, accept: (i: number) => boolean) => {
    for (let i = from + by; i >= 0 && i < grid.length; i += by) if (accept(i) && inRow(i)) return inRow(i);
    return undefined;
  };
  // On a right-to-left page a box's Hide button is at its left: the arrows follow the screen.
  const rtl = getComputedStyle(list).direction === 'rtl';
  switch (event.key) {
    case 'ArrowDown':
      target = step(r, 1, () => true);
      break;
    case 'ArrowUp':
      target = step(r, -1, () => true);
      break;
    case rtl ? 'ArrowLeft' : 'ArrowRight':
      target = grid[r]!.slice(c + 1).find(usable);
      break;
    case rtl ? 'ArrowRight' : 'ArrowLeft':
      target = grid[r]!.slice(0, c).reverse().find(usable);
      break;
    case 'PageDown':
      target = step(r, 1, isGroup);
      break;
    case 'PageUp':
      target = step(r, -1, isGroup);
      break;
    case 'Home':
      target = step(-1, 1, () => true);
      break;
    case 'End':
      target = step(grid.length, -1, () => true);
      break;
    default:
      return;
  }
  event.preventDefault();
  if (!target) return;
  settleTabStop(list, target);
  target.focus();
}

/** Focus entering the list by a click lands the tab stop there too. */
function onListFocus(event: FocusEvent): void {
  const target = event.target as HTMLElement;
  if (target.hasAttribute('data-cell')) settleTabStop(event.currentTarget as HTMLElement, target);
}

/** The items to choose, by kind: per-item share and hide, per-kind share and hide. */
export function renderItems(ctx: PlanViewContext, legend: string): TemplateResult {
  const { plan, s } = ctx;
  return html`<fieldset part="items" class="items" aria-describedby="items-help items-keys">
    <legend>${legend}</legend>
    <p class="help" id="items-help">${s.itemsHelp}</p>
    <p class="help" id="items-keys">${s.itemsKeys}</p>
    ${renderAbout(ctx)}
    ${plan.hiddenBefore.size ? html`<p class="note hidden-before">${s.hiddenBefore(plan.hiddenBefore.size, formatCount(plan.hiddenBefore.size, ctx.lang), ctx.recipient ?? '')}</p>` : nothing}
    ${plan.marked.size ? html`<p class="note">${s.privateHidden}</p>` : nothing}
    ${ctx.hiddenUnlisted ? html`<p class="note hidden-unlisted">${s.hiddenUnlisted(ctx.recipient ?? '')}</p>` : nothing}
    ${guard([plan.offered, plan.version, plan.folds, s, ctx.lang], () => renderGrid(ctx))}
  </fieldset>`;
}

/** Whose records to choose from, when they are about more than one person (a child's, a parent's). */
export function renderAbout(ctx: PlanViewContext): TemplateResult | typeof nothing {
  const { s, subjects } = ctx;
  if (!subjects || subjects.length < 2) return nothing;
  return html`<fieldset class="about" aria-describedby="about-help">
    <legend>${s.aboutWhom}</legend>
    <p class="help" id="about-help">${s.aboutWhomHelp}</p>
    ${subjects.map((p) => html`<label class="about-choice"><input type="radio" name="about" .value=${p.key} .checked=${p.key === ctx.about}
      aria-disabled=${ctx.busy ? 'true' : 'false'} @change=${() => ctx.onAbout?.(p.key)} /> <bdi>${p.name}</bdi></label>`)}
  </fieldset>`;
}

/**
 * The list itself, drawn again only when a choice, a fold, the items or the words change: typing
 * in the dialog's fields leaves thousands of rows as they are.
 */
function renderGrid(ctx: PlanViewContext): TemplateResult {
  const { plan, s } = ctx;
  let row = 0;
  return html`<div class="item-grid" @keydown=${onListKey} @focusin=${onListFocus}>
      ${plan.groups.map(([type, list], g) => {
        const start = row + 1;
        row += list.length + 1;
        // A tick or a Hide redraws its own kind only.
        return guard([plan.offered, plan.epoch, plan.kindVersion(type), plan.unfolded.has(type), s, ctx.lang], () => renderGroup(ctx, type, list, g, start));
      })}
    </div>`;
}

/** One kind: its box, name and "Hide all", then its items (a long kind's folded, built as it unfolds). */
function renderGroup(ctx: PlanViewContext, type: string, list: BundleEntry[], g: number, start: number): TemplateResult {
  const { plan, s } = ctx;
  // Hidden items are settled (they go as a flag): the box speaks for the others.
  const open = list.filter((e) => !plan.hidden.has(e.fullUrl!));
  const shared = open.filter((e) => plan.included.has(e.fullUrl!)).length;
  // The patient the record is about is never hidden: every item refers to them.
  const hideable = list.filter((e) => !plan.isSubject(e.fullUrl!));
  const allHidden = hideable.length > 0 && hideable.every((e) => plan.hidden.has(e.fullUrl!));
  const heading = s.typeHeading(type);
  const count = formatCount(list.length, ctx.lang);
  const first = g === 0;
  const items = (from: number) => html`<ul class="item-list">${list.map((e, i) => renderItem(ctx, e, from + i))}</ul>`;
  const unfolded = plan.unfolded.has(type);
  return html`<div class="group" role="group" aria-labelledby=${`group-${g}-label`}>
    <div class="group-head" data-row data-group>
      <input type="checkbox" id=${`group-${g}`} data-cell tabindex=${first ? 0 : -1} ?disabled=${open.length === 0}
        .checked=${live(open.length > 0 && shared === open.length)} .indeterminate=${live(shared > 0 && shared < open.length)}
        aria-label=${s.shareGroup(heading, list.length, count)}
        @change=${(e: Event) => plan.setGroup(list, (e.target as HTMLInputElement).checked)} />
      <h3><label id=${`group-${g}-label`} for=${`group-${g}`}>${heading} (${count})</label></h3>
      ${hideable.length ? html`<button part="button" type="button" class="hide" data-cell tabindex="-1" aria-pressed=${allHidden ? 'true' : 'false'}
        aria-label=${s.hideGroup(heading, list.length, count)} @click=${() => plan.setGroupHidden(hideable, !allHidden)}>${s.hideAll}</button>` : nothing}
    </div>
    ${list.length <= FOLD_OVER
      ? items(start)
      : // Folded, its rows are not drawn at all: they are built as it is unfolded.
        html`<details class="group-items" ?open=${unfolded}
          @toggle=${(e: Event) => plan.setUnfolded(type, (e.target as HTMLDetailsElement).open)}>
          <summary data-row data-cell tabindex="-1">${s.showGroupItems(list.length, count)}</summary>
          ${unfolded ? items(start) : nothing}
        </details>`}
  </div>`;
}

function renderItem(ctx: PlanViewContext, entry: BundleEntry, i: number): TemplateResult {
  const { plan, s } = ctx;
  const url = entry.fullUrl!;
  const { label, date } = texts(ctx, entry);
  const hidden = plan.hidden.has(url);
  return html`<li class=${hidden ? 'item hidden' : 'item'} data-url=${url} data-row>
    <input type="checkbox" id=${`item-${i}`} data-cell tabindex="-1" .checked=${live(plan.included.has(url))}
      @change=${(e: Event) => plan.setIncluded(url, (e.target as HTMLInputElement).checked)} />
    <label for=${`item-${i}`}><bdi>${label}</bdi>${date ? html` <span class="date">${date}</span>` : nothing}</label>
    ${hidden ? html`<span class="tag">${s.hiddenTag}</span>` : nothing}
    ${plan.isSubject(url) ? nothing : html`<button part="button" type="button" class="hide" data-cell tabindex="-1" aria-pressed=${hidden ? 'true' : 'false'} aria-label=${s.hideItem(label, date)}
      @click=${() => plan.toggleHidden(url)}>${s.hide}</button>`}
  </li>`;
}

/** How much the flag tells, if anything is hidden. */
export function renderDisclose(ctx: PlanViewContext, legend: string): TemplateResult {
  const { plan, s } = ctx;
  return html`<fieldset>
    <legend>${legend}</legend>
    ${(['flag', 'count', 'count-and-kind'] as const).map(
      (d: Disclosure) => html`<label class="choice"><input type="radio" name="disclose" value=${d} .checked=${live(plan.disclose === d)}
          @change=${() => plan.setDisclose(d)} /> ${s.disclose(d)}</label>`,
    )}
  </fieldset>`;
}

// ---------------------------------------------------------------------------------------------
// Preview: exactly what the recipient will be able to open

export function renderPreview(ctx: PlanViewContext, onHideMentions: () => void, terms: TemplateResult): TemplateResult {
  const { plan: controller, s, lang } = ctx;
  const plan = controller.plan();
  // The flag tells of these hidden items and of those missing from what the user was sent.
  const flag = controller.flag(plan);
  const hiddenKinds = orderedGroups(flag.withheld.filter((r) => r.resourceType).map((resource) => ({ resource })));
  // Grouped as the flag groups them, so the preview names the kinds the recipient will read.
  const flagWords = kindsLine(groupKinds(Object.fromEntries(hiddenKinds.map(([type, list]) => [type, list.length]))).map(([type, n]) => s.flagKind(type, n, formatCount(n, lang))));
  // The flag speaks to a clinician; where the patient calls a kind otherwise, both are given.
  const yours = hiddenKinds.map(([type, list]) => s.typeCount(type, list.length, formatCount(list.length, lang))).join(', ');
  const carried = controller.flagCarried(plan);
  const kinds = hiddenKinds.some(([type]) => wordsDiffer(languageNamed(lang), type)) ? s.inYourWords(flagWords, yours) : flagWords;
  return html`<section part="preview" class="preview" aria-labelledby="preview-title">
    <h3 id="preview-title" tabindex="-1">${withBdi(s.previewTitle(ctx.recipient ?? ''))}</h3>
    ${renderMentions(ctx, plan, onHideMentions)}
    <p class="hidden-count" id="hidden-count" tabindex="-1">${plan.hidden.length || !carried ? s.previewHidden(plan.hidden.length, formatCount(plan.hidden.length, lang)) : nothing} ${carried ? s.flagCarried : nothing}</p>
    ${stillOpen(ctx, plan)}
    ${plan.added?.some((e) => controller.isSubject(e.fullUrl!)) ? html`<p class="note identity">${identityNote(ctx, plan)}</p>` : nothing}
    ${plan.hidden.length ? html`<p class="flag">${s.flagTells(flag.disclose, flag.withheld.length, formatCount(flag.withheld.length, lang), kinds)}</p>` : nothing}
    <p>${s.previewItems(plan.entries.length, formatCount(plan.entries.length, lang))}</p>
    ${orderedGroups(plan.entries).map(([type, list]) => {
      // A folded kind's items are built only once it is unfolded: a long record has thousands.
      const open = plan.entries.length <= PREVIEW_OPEN_UP_TO || controller.previewUnfolded.has(type);
      return html`<details class="shared-group" ?open=${open}
        @toggle=${(e: Event) => plan.entries.length > PREVIEW_OPEN_UP_TO && controller.setUnfolded(type, (e.target as HTMLDetailsElement).open, true)}>
        <summary>${s.typeHeading(type)} (${formatCount(list.length, lang)})</summary>
        ${open
          ? html`<ul class="shared-items">
              ${list.map((e) => html`<li>${s.typeHeading(type)}: <bdi>${itemText(e, ctx)}</bdi></li>`)}
            </ul>`
          : nothing}
      </details>`;
    })}
    ${terms}
  </section>`;
}

/** The warning that hiding takes nothing back from where the recipient can already open the hidden items. */
function stillOpen(ctx: PlanViewContext, plan: SharePlan): TemplateResult | typeof nothing {
  const n = plan.hidden.length && ctx.recipient ? ctx.openElsewhere?.(plan.hidden) ?? 0 : 0;
  return n ? html`<p class="warning still-open" role="note">${withBdi(ctx.s.previewStillOpen(ctx.recipient!, n, formatCount(n, ctx.lang)))}</p>` : nothing;
}

/**
 * Whose details go with the share, as the patient says it: "Your …" when it is about the user, else
 * the patient's name (a pet's, a parent's, a child's).
 */
function identityNote(ctx: PlanViewContext, plan: SharePlan): string {
  const { names, yours } = ctx.plan.subjects(plan.entries.filter((e) => ctx.plan.isSubject(e.fullUrl!)), ctx.me);
  const shown = names.map(isolate);
  return yours || names.length === 0 ? ctx.s.previewIdentity : ctx.s.previewIdentityOf(shown, listText(ctx.lang, shown));
}

/** Items that mention a hidden one, newest first, as every list of items in the dialog. */
function newestFirst<T extends { entry: BundleEntry }>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => resourceDate(b.entry.resource).localeCompare(resourceDate(a.entry.resource)));
}

function renderMentions(ctx: PlanViewContext, plan: SharePlan, onHide: () => void): TemplateResult | typeof nothing {
  const { s, lang } = ctx;
  const unchecked = plan.mentionsChecked ? nothing : html`<p class="warning mentions-unchecked" role="note">${s.mentionsUnchecked}</p>`;
  if (plan.mentions.length === 0) return unchecked;
  const label = (e: BundleEntry) => resourceLabel(e.resource, lang, (ref, from) => ctx.plan.resolve(ref, from)) || s.noLabel;
  return html`<div class="mentions warning" role="group" aria-labelledby="mentions-title">
    <h4 id="mentions-title">${s.mentionsTitle(plan.mentions.length, formatCount(plan.mentions.length, lang))}</h4>
    <p>${s.mentionsHelp}</p>
    <ul>
      ${newestFirst(plan.mentions).map(({ entry, mentions }) => {
        const item = `${s.typeHeading(entry.resource.resourceType)}: ${itemText(entry, ctx)}`;
        return html`<li><bdi>${s.mentionItem(item, mentions.map(label).join(', '))}</bdi></li>`;
      })}
    </ul>
    <button part="button" type="button" ?disabled=${ctx.busy} @click=${onHide}>${s.hideMentions(plan.mentions.length, formatCount(plan.mentions.length, lang))}</button>
  </div>${unchecked}`;
}
