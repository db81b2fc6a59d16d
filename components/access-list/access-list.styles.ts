import { css } from 'lit';

export const accessListStyles = css`
  :host {
    display: block;
    overflow-wrap: anywhere;
  }
  .base,
  .records,
  .patient {
    display: flex;
    flex-direction: column;
    gap: var(--nip82-access-list-record-gap, var(--_space));
  }
  /*
   * Painted as one block: the status line above them grows and shrinks at each step of an action,
   * and the browser otherwise went through every one of a clinic's thousands of records moved by it
   * before painting (a quarter of a second at 5,000). The focus ring of a control at its edge
   * (outline and offset) is still painted whole.
   */
  .records {
    contain: paint;
    overflow-clip-margin: 0.5rem;
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  /*
   * Busy: it keeps the keyboard's focus (a disabled button would drop it), and a press does nothing.
   * Faded by its colours, not by opacity: opacity gives each button a layer of its own, and marking
   * a clinic's thousands of Revoke buttons busy at the start of a revocation held the page for seconds.
   * The ink of its words is its own colour faded (here currentColor is the button's, whether the kit's,
   * a red or blue button's, or a host's through ::part(button)); important, as a host's colours or
   * edge given to ::part(button) would otherwise make a busy button look free.
   */
  button[aria-disabled='true'] {
    -webkit-text-fill-color: color-mix(in srgb, currentColor 60%, transparent) !important;
    border-style: dashed !important;
    cursor: progress;
  }
  /* High contrast replaces every colour, the faded ones too: the system's own for what cannot be used now says it. */
  @media (forced-colors: active) {
    button[aria-disabled='true'] {
      -webkit-text-fill-color: GrayText !important;
      color: GrayText !important;
      border-color: GrayText !important;
    }
  }
  .record {
    padding: var(--_space);
    background: var(--nip82-access-list-record-background, var(--_bg-alt));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  h2,
  h3,
  h4,
  h5 {
    margin-block: 0 0.5rem;
    line-height: 1.25;
  }
  h2 {
    font-size: 1.2rem;
  }
  h3 {
    font-size: 1.05rem;
  }
  h4,
  h5 {
    font-size: 0.95rem;
  }
  .find {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }
  .find input {
    box-sizing: border-box;
    inline-size: min(100%, 24rem);
  }
  .found {
    margin: 0;
  }
  /* Said on paper only: on screen the find field and the list filling in say it. */
  .narrowed,
  .not-printed {
    display: none;
  }
  /* Its own display would show a patient the search left out. */
  .patient[hidden] {
    display: none;
  }
  /* A patient's name over their records (or shares): set apart from the records' own headings. */
  .patient > h3,
  .patient > h4 {
    margin-block: 0.5rem 0;
    padding-block-end: 0.25rem;
    border-block-end: 2px solid var(--_border);
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
  dialog {
    box-sizing: border-box;
    inline-size: min(var(--nip82-access-list-dialog-width, 32rem), calc(100vw - min(1rem, 5vw)));
    max-inline-size: calc(100vw - min(1rem, 5vw));
    max-block-size: calc(100dvh - min(1rem, 5vw));
    overflow-wrap: anywhere;
  }
  .truth p {
    margin-block: 0.25rem;
  }
  .ended-list {
    margin: 0 0 0.5rem;
    padding-inline-start: 1.25rem;
  }
  .ended-list li {
    margin-block-end: 0.35rem;
  }
  .ended-list .record-name,
  .ended-list .until {
    display: block;
  }
  .overdue,
  .unfinished {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    margin-block-end: 0.5rem;
  }
  .overdue p,
  .unfinished p {
    margin: 0;
    flex: 1 1 12rem;
  }
  .elsewhere p {
    margin-block: 0.5rem 0.25rem;
  }
  .elsewhere ul {
    margin-block: 0 0.5rem;
    padding-inline-start: 1.25rem;
    overflow-wrap: anywhere;
  }
  .share-list {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .share {
    padding-block: 0.35rem;
    border-block-end: 1px solid var(--_border);
  }
  .share p {
    margin-block: 0.15rem;
  }
  .receipts h3 {
    font-size: 0.95rem;
  }
  /* Paper is white: a dark page's colours print dark on light (as a record's do), without buttons no one can press. */
  @media print {
    :host {
      color-scheme: light;
      color: #000;
    }
    .record {
      background: none;
    }
    button {
      display: none !important;
    }
    /* A field no one can type in on paper: the line printed in its place says how it narrowed the list. */
    .find label,
    .find input,
    .found {
      display: none;
    }
    .narrowed,
    .not-printed {
      display: block;
    }
  }
`;
