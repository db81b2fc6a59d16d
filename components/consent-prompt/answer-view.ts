/**
 * The answer view of the consent plan: the requests and the consent history, then in the dialog
 * the request's facts with the plan's items (only the kinds asked for), the preview and the result.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { cutText, requestEnded, type ConsentMessage } from '../core/nip82/requests.js';
import type { ProfileName } from '../shared/profiles.js';
import { dayText, momentText } from '../shared/dates.js';
import { shortNpub, spoken } from '../shared/identity.js';
import { withBdi } from '../shared/bdi.js';
import { renderAbout, renderDisclose, renderItems, renderPreview } from './plan-view.js';
import { busyAttr, fieldState, stopWaitingButton, type CommonView } from './view-parts.js';
import { askedEnd, endText, periodDay, today } from './resources.js';
import { formatCount } from '../shared/numbers.js';
import { ariaLevel } from '../shared/heading-level.js';

export interface AnswerView extends CommonView {
  /** Whether a request was handed in (no "Check for requests" then). */
  given: boolean;
  /** The page's outline level for the list of requests (the `heading-level` attribute). */
  headingLevel?: number;
  checked: boolean;
  /** Every message was read, and the status does not say so already: "No open requests" only then (those left unread may hold one). */
  allRead: boolean;
  requests: ConsentMessage[];
  /** Every request listed, not only the first {@link LISTED_REQUESTS}. */
  allShown: boolean;
  showAll: () => void;
  history: ConsentMessage[];
  /** When the access an approval in the history granted was revoked (seconds), if it was and its share is known. */
  revokedAt: (answer: ConsentMessage) => number | undefined;
  answering?: ConsentMessage;
  /** The requester can already open a share made them before: answering leaves it open. */
  sharedBefore: boolean;
  /** Who names `pubkey`: the site (the host's name), they themselves (their profile's), or nobody. */
  vouched: (pubkey: string) => 'site' | 'self' | 'passing' | 'none' | 'pending';
  /** Names of the user's records to grant from (empty until loaded). */
  recordNames: string[];
  /** The records were unlocked (or handed in): none to grant from is then all there is, not yet to come. */
  unlocked: boolean;
  reply: string;
  named: (pubkey: string) => string;
  profile: (pubkey: string) => ProfileName | undefined;
  checkRequests: () => void;
  openAnswer: (request: ConsentMessage, event: Event) => void;
  onReply: (value: string) => void;
  deny: () => void;
  approve: () => void;
}

/** The most requests listed before "Show all": a stranger's hundreds do not bury the history below. */
export const LISTED_REQUESTS = 10;

/** The most of a request's purpose its line in the list shows: the whole of it is in its dialog. */
const LISTED_PURPOSE = 160;

/**
 * When each request was sent, by request id, as its list line and Review button say it: the day;
 * the time of day as well for requests alike on one day, and a number for requests alike to the
 * minute, so no two lines read, and no two buttons sound, the same.
 */
function sentTimes(v: AnswerView): Map<string, string> {
  const { s } = v;
  const lang = v.plan.lang;
  const name = (r: ConsentMessage, sent: string) => s.reviewRequestFrom(v.named(r.requester), s.typeList(r.resourceTypes), sent);
  const alike = <T>(list: T[], key: (t: T) => string) => {
    const groups = new Map<string, T[]>();
    for (const t of list) groups.set(key(t), [...(groups.get(key(t)) ?? []), t]);
    return [...groups.values()];
  };
  const times = new Map<string, string>();
  for (const sameDay of alike(v.requests, (r) => name(r, dayText(r.createdAt, lang)))) {
    for (const sameMinute of alike(sameDay, (r) => name(r, momentText(r.createdAt, lang)))) {
      sameMinute.forEach((r, i) => {
        const sent = sameDay.length === 1 ? dayText(r.createdAt, lang) : momentText(r.createdAt, lang);
        times.set(r.id, sameMinute.length === 1 ? sent : s.sentNumber(sent, i + 1, sameMinute.length, formatCount(i + 1, lang), formatCount(sameMinute.length, lang)));
      });
    }
  }
  return times;
}

export function renderAnswerBase(v: AnswerView): TemplateResult {
  const { s } = v;
  const sent = sentTimes(v);
  const reviewName = (r: ConsentMessage) => s.reviewRequestFrom(v.named(r.requester), s.typeList(r.resourceTypes), sent.get(r.id)!);
  return html`${v.given ? nothing : html`<button part="button" type="button" data-trigger aria-disabled=${busyAttr(v.busy)} @click=${v.checkRequests}>${s.checkRequests}</button>`}
    ${v.requests.length || v.checked
      ? html`<section class="requests" aria-labelledby="requests-title">
          <h2 id="requests-title" tabindex="-1" aria-level=${ariaLevel(v.headingLevel)}>${s.requestsTitle}</h2>
          ${v.requests.length === 0
            ? v.allRead ? html`<p>${s.noRequests}</p>` : nothing
            : html`<ul>
                ${repeat(
                  v.allShown ? v.requests : v.requests.slice(0, LISTED_REQUESTS),
                  (r) => r.id,
                  (r) => html`<li class="request">
                    <span>${s.requestSummary(v.named(r.requester), s.typeList(r.resourceTypes))} ${s.requestSent(sent.get(r.id)!)}${r.purpose?.trim()
                      ? html` <span class="why">${s.whyLabel}: <bdi>${cutText(r.purpose.trim(), LISTED_PURPOSE)}</bdi></span>`
                      : nothing}${requestEnded(r) ? ` ${s.requestEnded(dayText(periodDay(r.period!.end), v.plan.lang))}` : ''}</span>
                    <button part="button" type="button" aria-label=${spoken(reviewName(r))} @click=${(e: Event) => v.openAnswer(r, e)}>
                      ${s.reviewRequest}
                    </button>
                  </li>`,
                )}
              </ul>${v.allShown || v.requests.length <= LISTED_REQUESTS ? nothing : html`<button part="button" type="button" class="all" @click=${v.showAll}>${s.showAllRequests(formatCount(v.requests.length, v.plan.lang))}</button>`}`}
        </section>`
      : nothing}
    ${renderHistory(v)}`;
}

function renderHistory(v: AnswerView): TemplateResult | typeof nothing {
  const { s } = v;
  const lang = v.plan.lang;
  if (v.history.length === 0) return nothing;
  return html`<div class="history-frame"><table class="history">
    <caption>${s.historyTitle}</caption>
    <thead>
      <tr><th scope="col">${s.historyDate}</th><th scope="col">${s.historyWho}</th><th scope="col">${s.historyDecision}</th>
        <th scope="col">${s.historyTypes}</th><th scope="col">${s.historyUntil}</th></tr>
    </thead>
    <tbody>
      ${v.history.map(
        (m) => html`<tr>
          <td data-label=${s.historyDate}>${dayText(m.createdAt, lang)}</td>
          <td data-label=${s.historyWho}><bdi>${v.named(m.requester)}</bdi></td>
          <td data-label=${s.historyDecision}>${revokedDay(v, m) ?? s.decision(m.status as 'active' | 'rejected')}</td>
          <td data-label=${s.historyTypes}>${m.status === 'active' ? s.typeList(m.resourceTypes) : s.none}</td>
          <td data-label=${s.historyUntil}>${m.status === 'active' && m.period?.end ? dayText(periodDay(m.period.end), lang) : s.none}</td>
        </tr>`,
      )}
    </tbody>
  </table></div>`;
}

/** "approved; revoked on …" for an approval whose access was revoked since, when the share it made is known. */
function revokedDay(v: AnswerView, m: ConsentMessage): string | undefined {
  const at = v.revokedAt(m);
  return at === undefined ? undefined : v.s.approvedRevoked(dayText(at, v.plan.lang));
}

export function renderAnswerDialog(v: AnswerView): TemplateResult {
  return html`<h2 id="dialog-title" tabindex="-1">${v.s.answerTitle}</h2>
    ${v.step === 'result' ? v.result() : v.step === 'finish' ? v.finishing() : v.step === 'preview' ? renderAnswerPreview(v) : renderAnswerForm(v, v.answering!)}`;
}

function renderAnswerForm(v: AnswerView, request: ConsentMessage): TemplateResult {
  const { s } = v;
  const profile = v.profile(request.requester);
  const asked = periodDay(request.period?.end);
  // What will go out, as the preview counts it: the details that go with it unasked included (the preview says why).
  const shared = v.plan.plan.plan().entries.length;
  const when = (day: string | undefined) => (day ? dayText(day, v.plan.lang) : '');
  // Over: nothing to choose for an approval, only Deny (or Cancel).
  const ended = requestEnded(request);
  // Records still locked (their Unlock button shows): nothing could be chosen, so no count of "0 items".
  const locked = v.recordNames.length === 0 && !v.unlocked;
  return html`<form @submit=${v.toPreview} novalidate>
    <dl part="recipient" class="facts">
      <dt>${s.whoLabel}</dt>
      <dd>${profile ? html`<bdi class="name" translate="no">${profile.name}</bdi> ` : nothing}<code translate="no">${shortNpub(request.requester)}</code>
        ${profile?.suspicious ? html`<p class="warning">${s.invisibleWarning}</p>` : nothing}
        ${{ site: nothing, pending: nothing, self: html`<p class="note self-named">${s.selfNamed}</p>`, passing: html`<p class="warning passing">${s.passingAsker}</p>`, none: html`<p class="note unnamed">${s.unnamedAsker}</p>` }[v.vouched(request.requester)]}</dd>
      <dt>${s.whatLegend}</dt>
      <dd>${s.typeList(request.resourceTypes)}</dd>
      <dt>${s.whyLabel}</dt>
      <dd><bdi>${request.purpose ?? s.noPurpose}</bdi></dd>
      <dt>${s.periodLabel}</dt>
      <dd>${request.period ? s.period(when(periodDay(request.period.start)), asked && endText(askedEnd(request.period.end), v.plan.lang)) : s.noPeriod}</dd>
      ${request.note ? html`<dt>${s.theirNote}</dt><dd><bdi>${request.note}</bdi></dd>` : nothing}
    </dl>
    ${v.sharedBefore ? html`<p class="note shared-before">${withBdi(s.alreadyShared(v.named(request.requester)))}</p>` : nothing}
    ${ended ? html`<p class="warning ended">${s.requestEndedNote(when(asked))}</p>` : renderApprovalChoices(v, asked)}
    <div class="field">
      <label for="reply">${s.replyLabel}</label>
      <textarea id="reply" part="input" maxlength="500" .value=${v.reply} ?readonly=${v.busy}
        @input=${(e: Event) => v.onReply((e.target as HTMLTextAreaElement).value)}></textarea>
    </div>
    ${v.problems}
    ${v.status}
    <div part="actions" class="actions">
      ${stopWaitingButton(v)}
      <button part="button" type="button" aria-disabled=${busyAttr(v.busy && !v.waiting)} @click=${v.dismiss}>${s.cancel}</button>
      ${v.started ? nothing : html`<button part="button" type="button" class="deny" aria-label=${spoken(s.denyWho(v.named(request.requester)))} aria-disabled=${busyAttr(v.busy)} @click=${v.deny}>${s.deny}</button>`}
      ${ended || nothingAsked(v) ? nothing : html`<button part="button button-primary" type="submit" class="primary" aria-disabled=${busyAttr(v.busy)} ?disabled=${v.started}>${locked ? s.approveLocked : s.approve(shared, formatCount(shared, v.plan.lang))}</button>`}
    </div>
  </form>`;
}

/**
 * Records loaded and none holds what was asked: nothing to approve, only to deny. Not while an
 * answer is under way: what arrives then changes nothing under it.
 */
function nothingAsked(v: AnswerView): boolean {
  return !v.busy && (v.recordNames.length > 0 || v.unlocked) && v.plan.plan.groups.length === 0;
}

/** What an approval needs chosen: the records and their items, the flag's disclosure, the end date. */
function renderApprovalChoices(v: AnswerView, asked: string): TemplateResult {
  const { s } = v;
  const until = fieldState(v, 'grant-until', 'grant-until-help');
  return html`${v.recordNames.length === 0
      ? html`<p><button part="button" type="button" class="load" aria-disabled=${busyAttr(v.busy)} @click=${v.loadRecords}>${s.loadRecords}</button></p>
          ${nothingAsked(v) ? html`<p class="note nothing-asked">${s.nothingAsked(s.typeList(v.answering?.resourceTypes ?? []))}</p>` : nothing}`
      : html`<p class="help from" id="records-from" tabindex="-1">${s.recordsLegend}: ${v.recordNames.join('; ')}</p>
          ${v.reload ? html`<p><button part="button" type="button" class="load" aria-disabled=${busyAttr(v.busy)} @click=${v.loadRecords}>${s.loadAgain}</button></p>` : nothing}
          ${nothingAsked(v)
            ? html`${renderAbout(v.plan)}<p class="note nothing-asked">${s.nothingAsked(s.typeList(v.answering?.resourceTypes ?? []))}</p>`
            : html`${renderItems(v.plan, s.answerItemsLegend)} ${renderDisclose(v.plan, s.answerDiscloseLegend)}`}`}
    <div class="field">
      <label for="grant-until">${s.untilLabel}</label>
      <input id="grant-until" part="input" type="date" min=${today()} max=${asked || '9999-12-31'} .value=${v.until} ?readonly=${v.busy}
        aria-invalid=${until.invalid} aria-describedby=${until.describedBy}
        @input=${(e: Event) => v.onUntil((e.target as HTMLInputElement).value)} />
      <p class="help" id="grant-until-help">${s.untilHelp}</p>
    </div>`;
}

function renderAnswerPreview(v: AnswerView): TemplateResult {
  const { s } = v;
  const request = v.answering!;
  return html`${renderPreview(v.plan, v.hideMentions, v.terms('viewer', request.purpose ?? ''))}
    <p class="warning">${s.revokeWarning}</p>
    ${v.problems}
    ${v.status}
    <div part="actions" class="actions">
      ${stopWaitingButton(v)}
      <button part="button" type="button" aria-disabled=${busyAttr(v.busy)} @click=${v.back}>${s.back}</button>
      ${v.started ? nothing : html`<button part="button button-primary" type="button" class="primary" aria-disabled=${busyAttr(v.busy)} @click=${v.approve}>${withBdi(s.confirmAnswer(v.named(request.requester)))}</button>`}
    </div>`;
}
