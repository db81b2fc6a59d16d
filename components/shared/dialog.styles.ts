import { css } from 'lit';

/**
 * What the dialog elements look alike in: the modal dialog and its buttons row, warnings, the
 * state line with per-relay receipts, and the history table. Include it after `tokens` and before
 * the element's own styles; the element sets the dialog's inline size from its own
 * `--nip82-<element>-dialog-width`.
 */
export const dialogStyles = css`
  /*
   * A history table stacks its cells when its frame is narrow (a phone at 320 px). The frame, not
   * the host, is the container: a container has no width of its own to give, and a host sized by
   * its content (a flex item, a float) would shrink to nothing.
   */
  .history-frame {
    container-type: inline-size;
    /* All the width there is: as a flex item it would otherwise shrink to its contained width, none. */
    inline-size: 100%;
  }
  dialog {
    padding: calc(var(--_space) * 1.5);
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: 0.5rem;
    margin-block-start: var(--_space);
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
  code {
    font-family: ui-monospace, monospace;
  }
  /* Each cell names its column (its data-label) once the header row is only there for screen readers. */
  @container (max-width: 30rem) {
    .history,
    .history tbody,
    .history tr,
    .history td,
    .history caption {
      display: block;
    }
    .history thead {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }
    .history tr {
      padding-block: 0.35rem;
      border-block-end: 1px solid var(--_border);
    }
    .history td {
      border: none;
      padding-block: 0.1rem;
    }
    .history td::before {
      content: attr(data-label) ': ';
      font-weight: 600;
    }
  }
`;
