import { css } from 'lit';

export const recordViewerStyles = css`
  :host {
    display: block;
    --_section-gap: var(--nip82-record-viewer-section-gap, calc(var(--_space) * 1.5));
    --_item-gap: var(--nip82-record-viewer-item-gap, 0.5rem);
    --_item-padding: var(--nip82-record-viewer-item-padding, var(--_space));
    --_item-bg: var(--nip82-record-viewer-item-background, var(--_bg));
    --_item-border: var(--nip82-record-viewer-item-border, 1px solid var(--_border));
    --_record-bg: var(--nip82-record-viewer-record-background, var(--_bg-alt));
    --_narrative-bg: var(--nip82-record-viewer-narrative-background, var(--_bg-alt));
    --_error-item: var(--nip82-record-viewer-entered-in-error-color, var(--_muted));
  }
  .base {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }
  .gate,
  .notice {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  .gate p,
  .notice p {
    margin: 0;
  }
  .warning {
    background: var(--_warning-bg);
    color: var(--_warning-fg);
    border-radius: var(--_radius);
    padding-block: 0.5rem;
    padding-inline: var(--_space);
    margin: 0;
  }
  /* What a lost part did not do, and its "Try again" under it. */
  .lost-part {
    display: grid;
    gap: 0.5rem;
    justify-items: start;
  }
  .lost-part p {
    margin: 0;
  }
  .share-until,
  .unnamed {
    margin: 0;
    color: var(--_muted);
  }
  .details {
    margin: 0;
    padding-inline-start: 1.25rem;
    color: var(--_muted);
  }
  progress {
    inline-size: min(100%, 24rem);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_space);
  }
  .search {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    flex: 1 1 14rem;
  }
  .search input {
    inline-size: 100%;
  }
  .view-switch {
    display: inline-flex;
    /* At large text on a phone the two views stack rather than split their names. */
    flex-wrap: wrap;
    gap: 0.25rem;
  }
  button[aria-pressed='true'] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  /* High contrast (forced colours) drops the accent, and with it which view or toggle is on:
     the system's highlight says it instead. */
  @media (forced-colors: active) {
    button[aria-pressed='true'] {
      background: Highlight;
      color: HighlightText;
    }
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    margin: 0;
    padding-block: 0.5rem;
    padding-inline: var(--_space);
  }
  .filters label {
    display: inline-flex;
    align-items: center;
    gap: 0.35rem;
  }
  .undated,
  h4.past {
    color: var(--_muted);
  }
  .count {
    margin: 0;
    color: var(--_muted);
  }
  /* The count and "nothing matches", spaced as the page's own lines are (spoken apart, .count-said). */
  .found {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }
  .record {
    display: flex;
    flex-direction: column;
    gap: var(--_section-gap);
    background: var(--_record-bg);
    border-radius: var(--_radius);
    padding: var(--_space);
  }
  .record-head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: var(--_space);
  }
  h2,
  h3,
  h4.past {
    margin: 0;
    line-height: 1.25;
  }
  h2 {
    font-size: 1.2rem;
  }
  h3 {
    font-size: 1.05rem;
  }
  .provenance {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1.25rem;
    margin: 0;
    inline-size: 100%;
  }
  .provenance div {
    display: flex;
    gap: 0.35rem;
  }
  .provenance dt {
    /* A label keeps its words whole; the value beside it (a long npub) is what wraps. */
    flex: none;
    color: var(--_muted);
  }
  .provenance dd {
    margin: 0;
    min-inline-size: 0;
  }
  .npub {
    font-family: ui-monospace, monospace;
  }
  .verified {
    color: var(--_ok);
  }
  .item-provenance {
    margin: 0.25rem 0 0;
    font-size: 0.9em;
    color: var(--_muted);
    overflow-wrap: anywhere;
  }
  .item-provenance.signed {
    color: var(--_ok);
  }
  .item-provenance.changed {
    color: var(--_danger);
    font-weight: 600;
  }
  .signed-only {
    display: inline-flex;
    gap: 0.35rem;
    align-items: center;
  }
  .section {
    display: flex;
    flex-direction: column;
    gap: var(--_item-gap);
  }
  .items {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: var(--_item-gap);
  }
  .item {
    background: var(--_item-bg);
    border: var(--_item-border);
    border-radius: var(--_radius);
    padding: var(--_item-padding);
    /* Items far from the viewport are neither laid out nor painted until scrolled near (they stay
       in the accessibility tree and find-in-page): showing hundreds costs about what is seen. */
    content-visibility: auto;
    contain-intrinsic-block-size: auto 6rem;
  }
  .item-head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25rem 0.75rem;
    /* A diagnosis can be one long word: it wraps rather than being cut at a phone's edge. */
    overflow-wrap: anywhere;
  }
  .title {
    font-weight: 600;
  }
  .item-head time,
  .kind {
    color: var(--_muted);
  }
  .item.entered-in-error {
    color: var(--_error-item);
  }
  .item.entered-in-error .title,
  .item.entered-in-error .facts dd {
    text-decoration: line-through;
  }
  .badge {
    font-size: 0.85em;
    border: 1px solid currentColor;
    border-radius: 999px;
    padding-inline: 0.5rem;
  }
  .facts {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 14rem), 1fr));
    gap: 0.25rem 1rem;
    margin-block: 0.5rem 0;
    margin-inline: 0;
  }
  .facts dt {
    color: var(--_muted);
    font-size: 0.85em;
  }
  .facts dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  table {
    border-collapse: collapse;
    margin-block-start: 0.5rem;
  }
  caption {
    text-align: start;
    color: var(--_muted);
  }
  th,
  td {
    border: 1px solid var(--_border);
    padding-block: 0.2rem;
    padding-inline: 0.5rem;
    text-align: start;
  }
  /* A target a finger can hit (24 px and more at any text size), as the session's summary. */
  .attachment summary {
    padding-block: 0.25rem;
    cursor: pointer;
  }
  .attachment pre {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    max-block-size: 24rem;
    overflow: auto;
    background: var(--_narrative-bg);
    padding: 0.5rem;
    border-radius: var(--_radius);
  }
  .narrative {
    margin-block-start: 0.5rem;
    padding: 0.5rem;
    background: var(--_narrative-bg);
    border-inline-start: 3px solid var(--_border);
    overflow-wrap: anywhere;
    overflow-x: auto;
  }
  .narrative img[data-blocked] {
    display: none;
  }
  /* The record's own words, visibly apart from what the kit says about the record. */
  .narrative .own-words {
    margin: 0 0 0.25rem;
    font-size: 0.85em;
    font-style: italic;
    color: var(--_muted);
  }
  .narrative .own-text {
    border: 1px dashed var(--_border);
    padding: 0.5rem;
  }
  .more {
    align-self: start;
  }
  button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: progress;
  }
  /* Said on paper only: on screen, "Show more" says it and lets the reader act. */
  .not-printed,
  .narrowed,
  .count .in-print {
    display: none;
  }
  @media print {
    /* Paper is white: a dark page's colours (light-dark() tokens) print light, nested flag included. */
    :host {
      color-scheme: light;
      color: #000;
      background: #fff;
    }
    .toolbar,
    .filters,
    .gate,
    .off-paper,
    button,
    progress,
    .status:empty {
      display: none !important;
    }
    .record {
      background: none;
      padding: 0;
    }
    /* One patient's records on their own pages: a printout handed to one patient holds no one else's. */
    .new-patient {
      break-before: page;
    }
    .item {
      break-inside: avoid;
      border-color: #999;
      content-visibility: visible;
    }
    .attachment pre {
      max-block-size: none;
      overflow: visible;
    }
    /* A document's text is what the record is printed for: on paper it is there, opened or not. */
    .attachment::details-content {
      content-visibility: visible;
    }
    .count .on-screen {
      display: none;
    }
    .count .in-print {
      display: inline;
    }
    .narrowed {
      display: block;
      font-weight: 600;
    }
    .narrowed > span {
      display: block;
    }
    .not-printed {
      display: block;
      margin: 0;
      padding: 0.5rem;
      border: 2px solid #000;
      font-weight: 600;
      break-inside: avoid;
    }
  }
`;
