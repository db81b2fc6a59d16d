/** The share view of the consent plan: the trigger, then choose, preview and result in the dialog. */
import { html, nothing, type TemplateResult } from 'lit';
import type { Role } from '../core/nip82/record.js';
import { withBdi } from '../shared/bdi.js';
import { renderDisclose, renderItems, renderPreview } from './plan-view.js';
import { busyAttr, fieldState, stopWaitingButton, type CommonView } from './view-parts.js';
import { today } from './resources.js';
import type { NpubPickerStrings } from '../npub-picker/define.js';
import { formatCount } from '../shared/numbers.js';
import { isolate, type KnownNames } from '../shared/identity.js';
import { listText } from '../shared/lists.js';

/**
 * The nested picker's parts (its own @csspart list), exported as `recipient-<part>`, so that a host
 * can style the picker inside the prompt, which its shadow root would otherwise hide from the page.
 */
const PICKER_EXPORTPARTS = [
  'base', 'label', 'hint', 'input', 'lookup-button', 'listbox', 'option', 'error', 'profile', 'picture',
  'name', 'fingerprint', 'warning', 'nip05', 'verify-button', 'clear-button', 'status', 'button',
].map((part) => `${part}:recipient-${part}`).join(', ') + ', input, button'; // also as the prompt's own field and buttons

export interface ShareView extends CommonView {
  records: number;
  offered: number;
  relays: string[];
  /** People shared with before, offered by the picker. */
  recent: string[];
  /** The host's overrides for the picker's strings. */
  pickerStrings?: Partial<NpubPickerStrings>;
  /** Hosts the recipient's profile picture may load from. */
  pictureHosts: string[];
  /** The prompt's own names for people, handed to the picker (the session's reach it directly). */
  knownNames?: KnownNames;
  /** Why the page's preset recipient is not used, in the patient's words (undefined when it is, or none was given). */
  presetProblem?: string;
  recipientKey?: string;
  recipientNamed: string;
  /** A half-sent share was left for this one: what of it stays ('' when none). */
  leftNote: string;
  role: Role;
  purpose: string;
  openShare: (event: Event) => void;
  onPick: (event: CustomEvent<{ pubkey: string }>) => void;
  onPickClear: () => void;
  onRole: (role: Role) => void;
  onPurpose: (value: string) => void;
  confirm: () => void;
}

export function renderShareBase(v: ShareView): TemplateResult {
  const { s } = v;
  if (v.records === 0) {
    return html`${presetNote(v)}<button part="button button-primary" type="button" class="primary" data-trigger aria-disabled=${busyAttr(v.busy)} @click=${v.loadRecords}>${s.loadRecords}</button>`;
  }
  const lang = v.plan.lang;
  return html`${presetNote(v)}<p class="ready">${s.ready(v.records, formatCount(v.records, lang), v.offered, formatCount(v.offered, lang))}</p>
    <button part="button button-primary" type="button" class="primary" data-trigger @click=${v.openShare}>${s.openShare}</button>
    ${v.reload ? html`<button part="button" type="button" class="load" aria-disabled=${busyAttr(v.busy)} @click=${v.loadRecords}>${s.loadAgain}</button>` : nothing}`;
}

/** Why the page's preset recipient is not used: the patient chooses the person. */
function presetNote(v: ShareView): TemplateResult | typeof nothing {
  return v.presetProblem ? html`<p part="recipient-problem" class="warning">${v.presetProblem}</p>` : nothing;
}

/** "Share your records", or, when the items offered are someone else's (a patient's shared on by a clinician), named by whose they are. */
function shareTitle(v: ShareView) {
  const { plan, me, lang } = v.plan;
  const { names, yours } = plan.subjects(plan.offered.filter((e) => e.resource.resourceType === 'Patient'), me);
  const shown = names.map(isolate);
  return yours ? v.s.shareTitle : withBdi(v.s.shareTitleOf(shown, listText(lang, shown)));
}

export function renderShareDialog(v: ShareView): TemplateResult {
  return html`<h2 id="dialog-title" tabindex="-1">${shareTitle(v)}</h2>
    ${v.step === 'choose' ? renderChoose(v) : v.step === 'preview' ? renderSharePreview(v) : v.step === 'finish' ? v.finishing() : v.result()}`;
}

function renderChoose(v: ShareView): TemplateResult {
  const { s } = v;
  const until = fieldState(v, 'until', 'until-help');
  // The purpose field keeps out of the browser's form history (autocomplete off): what a share is
  // for is health information, which it would offer to the next person at a shared computer.
  return html`<form @submit=${v.toPreview} novalidate>
    ${v.leftNote ? html`<p id="left-note" class="warning" tabindex="-1">${v.leftNote}</p>` : nothing}
    <fieldset part="recipient">
      <legend>${s.recipientLegend}</legend>
      <nip82-npub-picker exportparts=${PICKER_EXPORTPARTS} .strings=${v.pickerStrings} .knownNames=${v.knownNames}
        .pictureHosts=${v.pictureHosts}
        .relays=${v.relays}
        .recent=${v.recent}
        .value=${v.recipientKey ?? ''}
        @nip82-npub-select=${v.onPick}
        @nip82-npub-clear=${v.onPickClear}
      ></nip82-npub-picker>
      ${v.recipientKey ? nothing : presetNote(v)}
      <p class="help">${s.recipientHelp}</p>
    </fieldset>
    ${renderItems(v.plan, s.itemsLegend)}
    ${renderDisclose(v.plan, s.discloseLegend)}
    <fieldset>
      <legend>${s.roleLegend}</legend>
      ${(['viewer', 'editor'] as const).map(
        (r) => html`<label class="choice"><input type="radio" name="role" value=${r} .checked=${v.role === r}
            @change=${() => v.onRole(r)} /> ${s.role(r)}</label>`,
      )}
      <p class="help">${s.roleEditorHelp}</p>
    </fieldset>
    <div class="field">
      <label for="until">${s.expiryLabel}</label>
      <input id="until" part="input" type="date" min=${today()} max="9999-12-31" .value=${v.until} aria-invalid=${until.invalid} aria-describedby=${until.describedBy}
        @input=${(e: Event) => v.onUntil((e.target as HTMLInputElement).value)} />
      <p class="help" id="until-help">${s.expiryHelp}</p>
    </div>
    <div class="field">
      <label for="purpose">${s.purposeLabel}</label>
      <input id="purpose" part="input" type="text" maxlength="200" autocomplete="off" .value=${v.purpose}
        @input=${(e: Event) => v.onPurpose((e.target as HTMLInputElement).value)} />
    </div>
    ${v.problems}
    ${v.status}
    <div part="actions" class="actions">
      <button part="button" type="button" @click=${v.dismiss}>${s.cancel}</button>
      <button part="button button-primary" type="submit" class="primary">${s.review}</button>
    </div>
  </form>`;
}

function renderSharePreview(v: ShareView): TemplateResult {
  const { s } = v;
  return html`${renderPreview(v.plan, v.hideMentions, v.terms(v.role, v.purpose.trim()))}
    <p class="warning">${s.revokeWarning}</p>
    ${v.problems}
    ${v.status}
    <div part="actions" class="actions">
      ${stopWaitingButton(v)}
      <button part="button" type="button" aria-disabled=${busyAttr(v.busy)} @click=${v.back}>${s.back}</button>
      ${v.started ? nothing : html`<button part="button button-primary" type="button" class="primary" aria-disabled=${busyAttr(v.busy)} @click=${v.confirm}>${withBdi(s.confirm(v.recipientNamed))}</button>`}
    </div>`;
}
