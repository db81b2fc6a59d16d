import { css } from 'lit';

export const sessionStyles = css`
  button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: progress;
  }
  :host {
    display: block;
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    padding: var(--nip82-session-bar-padding, var(--_space));
    background: var(--nip82-session-bar-background, var(--_bg-alt));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .who {
    flex: 1 1 auto;
  }
  /* A long name (or one with no spaces) wraps rather than widen the bar past a 320 px screen. */
  .name,
  .account {
    overflow-wrap: anywhere;
  }
  .account {
    display: block;
    color: var(--_muted);
    font-size: 0.85rem;
  }
  code {
    font-family: ui-monospace, monospace;
  }
  details {
    flex-basis: 100%;
  }
  /* A target at least as tall as a finger needs: on a phone without an extension it is the way in. */
  summary {
    padding-block: 0.5rem;
    cursor: pointer;
  }
  .row {
    display: flex;
    gap: 0.5rem;
    flex-wrap: wrap;
    align-items: end;
  }
  label {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    flex: 1 1 20rem;
  }
  /* The field takes the width there is: its own (some 20 letters) would push past a phone's edge at large text. */
  label input {
    inline-size: 100%;
  }
  .qr {
    inline-size: min(12rem, 100%);
    block-size: auto;
    aspect-ratio: 1;
    background: #fff;
    padding: 0.5rem;
  }
  .uri {
    overflow-wrap: anywhere;
    font-size: 0.8rem;
  }
  .auth a {
    overflow-wrap: anywhere;
  }
  .help {
    color: var(--_muted);
    font-size: 0.9rem;
    margin: 0;
  }
  /* The sign-in could not be fetched: said on a line of its own, in the page's colour, above "Try again". */
  .lost-card {
    flex-basis: 100%;
    color: inherit;
  }
  /* Paper is white: a dark page's colours print light (as the record's do), and a printed record
     says who was signed in without buttons or a way to sign in that no one can press. */
  @media print {
    :host {
      color-scheme: light;
      color: #000;
    }
    .bar {
      background: none;
    }
    button,
    details,
    .help {
      display: none !important;
    }
  }
`;
