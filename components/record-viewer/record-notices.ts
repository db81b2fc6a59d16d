/**
 * What the viewer says when a load did not go as planned: relays that did not answer in full,
 * records that could not be opened, records left for a later load ("Open more records"). Rare
 * states, so fetched the first time one occurs rather than with the record's first view.
 */
import { html, nothing } from 'lit';
import type { QueryReport } from '../core/relay/client.js';
import type { OpenFailure } from '../core/store/record-store.js';
import { formatCount } from './fhir-format.js';
import type { RecordViewerStrings } from './record-viewer.strings.js';

/**
 * Most lines in the list of records that could not be opened: one line per reason, with how many
 * records it stopped, and a last line for the rest. However many records fail, the list stays short.
 */
const MAX_FAILURE_LINES = 3;

/** The viewer's state the notices read. */
export interface LoadState {
  reports: readonly QueryReport[];
  failures: readonly OpenFailure[];
  /** Records the reader had open whose access was taken back since, by their authors' names as shown. */
  takenBack: readonly string[];
  /** Records the reader had open that their owners since deleted or moved away, by their authors' names as shown. */
  deleted: readonly string[];
  /** The status line already says how many records could not be opened (none was): the list only gives why. */
  summed: boolean;
  /** The user's records the last load left unopened, to spare the signer. */
  unopened: number;
  /** Whether the last load stopped before the user's oldest records. */
  older: boolean;
  status: string;
  outcome?: string;
  /** One record by address: a later load would open no more. */
  naddr?: string;
  openMore: () => void;
}

/** Per-relay answers when relays failed, records that could not be opened, and records a later load opens. */
export function renderNotices(state: LoadState, s: RecordViewerStrings, lang: string) {
  const troubled = state.reports.filter((r) => r.status !== 'complete');
  const loading = state.status === 'waiting-signer' || state.status === 'working';
  const showRelays = troubled.length > 0 && (state.status === 'relay-error' || state.status === 'done');
  return html`
    ${showRelays
      ? html`<ul class="details relays">
          ${troubled.map((r) => html`<li>${s.relayReport(r.relay, s.relayStatus(r.status, r.signIn))}</li>`)}
        </ul>`
      : nothing}
    ${state.takenBack.map((name) => html`<p class="warning taken-back" role="note">${s.takenBack(name)}</p>`)}
    ${state.deleted.map((name) => html`<p class="warning deleted-by-owner" role="note">${s.deletedByOwner(name)}</p>`)}
    ${state.failures.length ? renderFailures(state.failures, s, lang, state.summed) : nothing}
    ${(state.unopened > 0 || state.older) && !loading && !state.naddr?.trim()
      ? html`<div class="more">
          ${state.unopened > 0 ? html`<p class="warning">${s.recordsLeft(state.unopened, formatCount(state.unopened, lang))}</p>` : nothing}
          ${state.older && state.outcome !== 'none-found' ? html`<p class="warning older">${s.recordsOlder}</p>` : nothing}
          <button part="button" type="button" class="open-more" @click=${state.openMore}>${s.openMore}</button>
        </div>`
      : nothing}
  `;
}

/**
 * Records that could not be opened: a line per reason, most records first, at most
 * {@link MAX_FAILURE_LINES}. A record's own key says nothing to the patient, so none is shown.
 */
function renderFailures(failures: readonly OpenFailure[], s: RecordViewerStrings, lang: string, summed: boolean) {
  const byCode = new Map<string, { code: OpenFailure['code']; count: number }>();
  for (const f of failures) {
    const seen = byCode.get(f.code);
    if (seen) seen.count++;
    else byCode.set(f.code, { code: f.code, count: 1 });
  }
  const groups = [...byCode.values()].sort((a, b) => b.count - a.count);
  const shown = groups.length > MAX_FAILURE_LINES ? groups.slice(0, MAX_FAILURE_LINES - 1) : groups;
  const rest = groups.slice(shown.length).reduce((n, g) => n + g.count, 0);
  return html`<div class="failures">
    ${summed ? nothing : html`<p class="warning">${s.someFailed(failures.length, formatCount(failures.length, lang))}</p>`}
    <ul class="details">
      ${shown.map((g) => html`<li>${s.failureLine(s.failureReason(g.code), g.count, formatCount(g.count, lang))}</li>`)}
      ${rest ? html`<li>${s.moreFailures(rest, formatCount(rest, lang))}</li>` : nothing}
    </ul>
  </div>`;
}
