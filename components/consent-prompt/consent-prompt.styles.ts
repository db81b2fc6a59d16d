import { css } from 'lit';

export const consentPromptStyles = css`
  :host {
    display: block;
  }
  /* "Share records…" and a request's "Review and answer" start a patient's share on a phone: a finger's height (44 CSS px). */
  button {
    min-block-size: 2.75rem;
  }
  .base {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 0.5rem;
    /*
     * A host page's "overflow-wrap: anywhere" (common on cards) would let a squeezed table column
     * or button split its words letter by letter: here only a token too long for its line breaks.
     */
    overflow-wrap: break-word;
  }
  dialog {
    box-sizing: border-box;
    inline-size: min(var(--nip82-consent-prompt-dialog-width, 40rem), calc(100vw - min(1rem, 5vw)));
    max-inline-size: calc(100vw - min(1rem, 5vw));
    max-block-size: calc(100dvh - min(1rem, 5vw));
    margin: auto;
    overflow-x: hidden;
    overflow-y: auto;
    /* Long names, keys and labels wrap instead of widening the dialog past a 320 px screen. */
    overflow-wrap: anywhere;
    background: var(--nip82-consent-prompt-dialog-background, var(--_bg));
    --_dialog-bg: var(--nip82-consent-prompt-dialog-background, var(--_bg));
    /* Its width is its own (set above), so what is inside can ask how narrow it is. */
    container: prompt-dialog / inline-size;
  }
  .group-items summary {
    cursor: pointer;
    padding-block: 0.25rem;
    padding-inline: 0.25rem;
    border-radius: var(--_radius);
  }
  h2,
  h3 {
    margin-block: 0 0.5rem;
    line-height: 1.25;
  }
  h2 {
    font-size: 1.25rem;
  }
  h3 {
    font-size: 1rem;
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    margin-block: 0 var(--_space);
    margin-inline: 0;
    padding: var(--_space);
  }
  .about-choice {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-block-size: 2.75rem;
    overflow-wrap: anywhere;
  }
  legend {
    font-weight: 600;
    padding-inline: 0.25rem;
  }
  .help {
    color: var(--_muted);
    font-size: 0.9em;
    margin-block: 0.25rem;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    margin-block-end: var(--_space);
  }
  .choice {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    padding-block: 0.2rem;
    /* The whole row is the label: a finger's height (44 CSS px). */
    min-block-size: 2.75rem;
    box-sizing: border-box;
  }
  /* An item's or kind's label, which ticks its box, is a finger's height (44 CSS px) to tap. */
  .item label,
  .group-head label {
    display: block;
    padding-block: max(0px, (2.75rem - 1lh) / 2);
  }
  fieldset,
  .field input,
  textarea {
    min-inline-size: 0;
    max-inline-size: 100%;
    box-sizing: border-box;
  }
  /* A row, not a heading: only the kind's name is (its box and "Hide all" are not part of it). */
  .group-head {
    margin-block: var(--_space) 0.25rem;
    font-size: 0.95rem;
    font-weight: bold;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
  .group-head h3 {
    flex: 1 1 8rem;
    margin: 0;
    font-size: inherit;
  }
  .item-grid :focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .shared-group summary {
    cursor: pointer;
    padding-block: 0.15rem;
  }
  .shared-group ul {
    margin-block: 0.25rem 0.5rem;
  }
  .mentions h4 {
    margin: 0 0 0.25rem;
    font-size: 1rem;
  }
  .mentions ul {
    margin: 0.25rem 0 0.5rem;
    padding-inline-start: 1.25rem;
  }
  .item-list,
  .shared-items,
  .requests ul {
    margin: 0;
    padding-inline-start: 0;
    list-style: none;
  }
  .shared-items {
    padding-inline-start: 1.25rem;
    list-style: disc;
  }
  .item {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    padding-block: 0.25rem;
    padding-inline: 0.25rem;
    border-radius: var(--_radius);
  }
  .item label {
    flex: 1 1 8rem;
    min-inline-size: 0;
  }
  .item.hidden {
    background: var(--nip82-consent-prompt-hidden-background, var(--_warning-bg));
    color: var(--_warning-fg);
  }
  .item.hidden label {
    text-decoration: line-through;
  }
  .date {
    color: inherit;
    font-size: 0.85em;
    font-variant-numeric: tabular-nums;
  }
  .tag {
    font-size: 0.85em;
    font-weight: 600;
  }
  button.hide[aria-pressed='true'] {
    background: var(--_warning-fg);
    border-color: var(--_warning-fg);
    color: var(--_warning-bg);
  }
  /* High contrast (forced colours) drops these colours, and with them which items are hidden:
     the system's highlight says it instead. */
  @media (forced-colors: active) {
    button.hide[aria-pressed='true'] {
      background: Highlight;
      color: HighlightText;
    }
  }
  .problems ul {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  .preview {
    border-inline-start: 3px solid var(--_accent);
    padding-inline-start: var(--_space);
  }
  .request {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    padding-block: 0.35rem;
    border-block-end: 1px solid var(--_border);
  }
  .request span {
    flex: 1 1 16rem;
    /* May shrink below its longest word, which then breaks rather than widening the page. */
    min-inline-size: 0;
  }
  .facts {
    display: grid;
    grid-template-columns: minmax(0, max-content) minmax(0, 1fr);
    gap: 0.25rem 0.75rem;
    margin-block: 0 var(--_space);
  }
  .facts dt {
    font-weight: 600;
  }
  .facts dd {
    margin: 0;
  }
  /*
   * Too narrow for a label beside its value (a phone, more so at large text): each value goes
   * under its label, rather than squeezed to nothing past the dialog's edge beside a long label.
   */
  @container prompt-dialog (max-width: 22rem) {
    .facts {
      grid-template-columns: minmax(0, 1fr);
      row-gap: 0;
    }
    .facts dd {
      margin-block-end: 0.35rem;
    }
  }
  textarea {
    min-block-size: 4rem;
  }
  button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: not-allowed;
  }
`;
