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
    /* What a focused field scrolls into sight above: the buttons row kept at the foot (below). */
    scroll-padding-block-end: 7.5rem;
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  /*
   * A finger, not a pointer (44 CSS px): every control of a dialog is tapped on a phone. A box or
   * a round choice is tapped by its label, which the element makes as tall.
   */
  dialog button,
  dialog summary,
  dialog input:not([type='checkbox'], [type='radio']),
  dialog select {
    min-block-size: 2.75rem;
    min-inline-size: 2.75rem;
  }
  dialog input:is([type='checkbox'], [type='radio']) {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    margin: 0;
    flex: none;
  }
  /*
   * A form taller than a phone (more so with the on-screen keyboard up) keeps its buttons row in
   * sight at the dialog's foot, not a long scroll below the field being typed into. Only a form's:
   * a preview is read to its end before its button. Only while the dialog is wide for its text
   * (its own width, as a container): at large text its buttons stack and would cover the screen.
   */
  @container (min-width: 14rem) {
    form > .actions {
      position: sticky;
      inset-block-end: calc(var(--_space) * -1.5);
      z-index: 1;
      padding-block: 0.5rem calc(var(--_space) * 1.5);
      margin-block-end: calc(var(--_space) * -1.5);
      background: var(--_dialog-bg, var(--_bg));
    }
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
  /* An address is one long word: on a phone it wraps rather than widening the dialog. */
  .receipts code {
    overflow-wrap: anywhere;
  }
  .receipts details {
    color: var(--_fg);
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
