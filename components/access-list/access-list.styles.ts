import { css } from 'lit';

export const accessListStyles = css`
  :host {
    display: block;
  }
  .base,
  .records {
    display: flex;
    flex-direction: column;
    gap: var(--nip82-access-list-record-gap, var(--_space));
  }
  .controls,
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .actions {
    justify-content: flex-end;
    margin-block-start: var(--_space);
  }
  .record {
    padding: var(--_space);
    background: var(--nip82-access-list-record-background, var(--_bg-alt));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  h2,
  h3,
  h4 {
    margin-block: 0 0.5rem;
    line-height: 1.25;
  }
  h2 {
    font-size: 1.2rem;
  }
  h3 {
    font-size: 1.05rem;
  }
  h4 {
    font-size: 0.95rem;
  }
  .help {
    color: var(--_muted);
    font-size: 0.9em;
    margin-block: 0.25rem 0.5rem;
  }
  .people {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .person {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    padding-block: 0.35rem;
    border-block-end: 1px solid var(--_border);
  }
  .person:last-child {
    border-block-end: none;
  }
  .who {
    flex: 1 1 14rem;
  }
  .role {
    color: var(--_muted);
  }
  code {
    font-family: ui-monospace, monospace;
  }
  dialog {
    inline-size: min(var(--nip82-access-list-dialog-width, 32rem), calc(100vw - 2rem));
    padding: calc(var(--_space) * 1.5);
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  .warning {
    background: var(--_warning-bg);
    color: var(--_warning-fg);
    border-radius: var(--_radius);
    padding: 0.5rem 0.75rem;
  }
  .ok {
    color: var(--_ok);
  }
  .state.error .status {
    color: var(--_danger);
  }
  .receipts h3 {
    font-size: 0.95rem;
  }
  .receipts ul {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  .receipts .ok {
    color: var(--_ok);
  }
  .receipts .error {
    color: var(--_danger);
  }
  table {
    border-collapse: collapse;
    inline-size: 100%;
  }
  caption {
    text-align: start;
    font-weight: 600;
    margin-block-end: 0.25rem;
  }
  th,
  td {
    text-align: start;
    padding-block: 0.25rem;
    padding-inline: 0.5rem;
    border-block-end: 1px solid var(--_border);
  }
`;
