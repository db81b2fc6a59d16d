/**
 * Per-relay publish receipts, summarised for people: one line per relay saying whether every
 * event reached it, or how it failed, a refusal's why in the kit's words from the prefix of the
 * relay's reason. The reason itself, the relay's own text, stays in the receipts for the host.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { PublishReceipt, SignInFailure } from '../core/relay/client.js';
import type { Status } from './base.js';
import type { ReceiptStrings } from './state-strings.js';
import { isFailure, type SignerPageStrings } from './action-state-strings.js';
import type { SessionValue } from './context.js';
import { formatCount } from './numbers.js';
import { shortNpub } from './identity.js';
import { refusalKind } from '../core/relay/refusal.js';

/** One line per relay: accepted when every event reached it, else the first failure and its reason. */
export interface RelayOutcome {
  relay: string;
  status: PublishReceipt['status'];
  reason?: string;
  /** Why a server that asked the user to sign in was not signed in to. */
  signIn?: SignInFailure;
  accepted: number;
  total: number;
}

export function outcomesByRelay(receipts: readonly PublishReceipt[]): RelayOutcome[] {
  const byRelay = new Map<string, PublishReceipt[]>();
  for (const r of receipts) byRelay.set(r.relay, [...(byRelay.get(r.relay) ?? []), r]);
  return [...byRelay.entries()].map(([relay, list]) => {
    const failed = list.find((r) => r.status !== 'accepted');
    return {
      relay,
      status: failed?.status ?? 'accepted',
      reason: failed?.reason,
      ...(failed?.signIn ? { signIn: failed.signIn } : {}),
      accepted: list.filter((r) => r.status === 'accepted').length,
      total: list.length,
    };
  });
}

/** Receipts as events carry them: no timings. */
export function receiptDetail(receipts: readonly PublishReceipt[]) {
  return receipts.map(({ relay, eventId, status, reason }) => ({ relay, eventId, status, reason }));
}

/**
 * Adds `receipts` to `held` (one per relay and event, the newest answer), except over an
 * acceptance: a server that took an event holds it, so a later send there that fails (the server
 * down, its sign-in passed over, a duplicate refused) must not make the outcome count it out.
 */
export function keepReceipts(held: Map<string, PublishReceipt>, receipts: readonly PublishReceipt[]): void {
  for (const r of receipts) {
    const key = `${r.relay} ${r.eventId}`;
    if (held.get(key)?.status !== 'accepted') held.set(key, r);
  }
}

/** The receipts a RelayError carries, typed. */
export function receiptsOf(error: unknown): PublishReceipt[] {
  const list = (error as { receipts?: unknown })?.receipts;
  return Array.isArray(list) ? (list as PublishReceipt[]) : [];
}

/**
 * The receipts list the publishing elements render (`part="receipts"`), its counts written as `lang`
 * writes numbers.
 */
export function renderReceipts(receipts: readonly PublishReceipt[], labels: Pick<ReceiptStrings, 'receiptsTitle' | 'receiptStatus' | 'refusedWhy' | 'receiptServer' | 'receiptAddress'>, lang: string) {
  if (receipts.length === 0) return nothing;
  const outcomes = outcomesByRelay(receipts);
  // A line is labelled by its place among several, not by an address few can read: that stays one
  // tap away, for whoever must tell the portal's team which server it was.
  return html`<section part="receipts" class="receipts">
    <h3>${labels.receiptsTitle}</h3>
    <ul>
      ${outcomes.map(
        (o, i) => html`<li class=${o.status === 'accepted' ? 'ok' : 'error'} data-status=${o.status}>
          ${outcomes.length > 1 ? `${labels.receiptServer(i + 1, formatCount(i + 1, lang))}: ` : ''}${labels.receiptStatus(o.status, o.accepted, o.total, o.reason, o.signIn, formatCount(o.accepted, lang), formatCount(o.total, lang), o.status === 'rejected' ? labels.refusedWhy(refusalKind(o.reason)) : '')}
          <details class="address"><summary>${labels.receiptAddress}</summary><code>${o.relay}</code></details>
        </li>`,
      )}
    </ul>
  </section>`;
}

/**
 * The words for a sign-in refused for this device's clock (`s.clockOff`), said after a send's outcome
 * when some server's sign-in did not go through and a server refused one for the clock; else ''.
 */
export function clockAfter(receipts: readonly PublishReceipt[], clockOff: boolean, s: { clockOff: string }): string {
  return clockOff && receipts.some((r) => r.status === 'auth-required' && r.signIn === 'failed') ? s.clockOff : '';
}

/** The state line (`live`, the element's live region) in the error colour on failure, with the receipts after a relay error. */
export function renderState(status: Status, live: TemplateResult, receipts: readonly PublishReceipt[], labels: ReceiptStrings, lang: string): TemplateResult {
  return html`<div class=${isFailure(status) ? 'state error' : 'state'}>
    ${live}
    ${status === 'relay-error' ? renderReceipts(receipts, labels, lang) : nothing}
  </div>`;
}

/**
 * The remote signer's page (NIP-46 `auth_url`) the session offered, in an element's open modal
 * dialog while `waiting` (the dialog waits for the signer): the session's own link is behind the
 * dialog's backdrop, where it cannot be tapped. Opened by the user only, never for them; the link
 * on a line of its own, so a finger finds it whole rather than wrapped into the sentence.
 *
 * Always rendered as a polite live region, empty until the page arrives: the session's own
 * announcement is outside the modal, which a screen reader no longer reads, and a region is only
 * announced when it was in the page before its content changed.
 */
export function renderSignerPage(page: SessionValue['signerPage'], waiting: boolean, s: SignerPageStrings): TemplateResult {
  return html`<div class="signer-page-live" aria-live="polite" aria-atomic="true">${page && waiting
    ? html`<div class="signer-page" part="signer-page">
        <p>${s.signerPage(page.host)}</p>
        <p><a href=${page.href} target="_blank" rel="noopener noreferrer">${s.signerPageOpen(page.host)}</a></p>
      </div>`
    : nothing}</div>`;
}

/**
 * Whether a dialog says who is signed in (see {@link renderSignedIn}), and is described by it. An
 * element acting with a signer of its own does not act as the session's user: nothing is said.
 */
export function signedInShown(session: SessionValue | undefined, signer: SessionValue['signer']): boolean {
  return !!session?.pubkey && signer === session.signer;
}

/**
 * Atop a dialog inside a session: who is signed in, by name with the short key beside it (the
 * dialog's backdrop hides the session's bar), so someone with two accounts knows which one acts;
 * only when `signer`, the one the element acts with, is the session's.
 */
export function renderSignedIn(session: SessionValue | undefined, s: SignerPageStrings, signer: SessionValue['signer']): TemplateResult | typeof nothing {
  return session?.pubkey && signedInShown(session, signer)
    ? html`<p id="signed-in" class="signed-in">${s.signedInAs} ${session.name ? html`<bdi translate="no">${session.name}</bdi> ` : nothing}<code translate="no">${shortNpub(session.pubkey)}</code></p>`
    : nothing;
}
