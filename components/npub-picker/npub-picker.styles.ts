import { css } from 'lit';

export const npubPickerStyles = css`
  :host {
    display: block;
    /* A name, an address or a key quoted in a line (not found, not valid) is one long word. */
    overflow-wrap: anywhere;
  }
  .label {
    display: block;
    font-weight: 600;
  }
  .hint {
    margin-block: 0.15rem 0.4rem;
    color: var(--_muted);
    font-size: 0.9em;
  }
  .field {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: flex-start;
  }
  .combo {
    position: relative;
    flex: 1 1 16rem;
    max-inline-size: var(--nip82-npub-picker-input-width, 40rem);
  }
  input {
    inline-size: 100%;
    /* A finger's height (44 CSS px): the picker is typed into on phones, inside dialogs. */
    min-block-size: 2.75rem;
    font-family: ui-monospace, SFMono-Regular, Menlo, monospace;
  }
  button {
    min-block-size: 2.75rem;
  }
  input[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .listbox {
    position: absolute;
    z-index: 10;
    inset-inline: 0;
    inset-block-start: calc(100% + 0.25rem);
    margin: 0;
    padding-block: 0.25rem;
    padding-inline: 0;
    list-style: none;
    max-block-size: var(--nip82-npub-picker-listbox-max-height, 16rem);
    overflow-y: auto;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.15);
  }
  .option {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: baseline;
    /* A finger's height (44 CSS px): a suggestion is tapped on a phone. */
    align-content: center;
    box-sizing: border-box;
    min-block-size: 2.75rem;
    padding-block: 0.35rem;
    padding-inline: 0.6rem;
    cursor: pointer;
  }
  .option:hover {
    background: var(--_bg-alt);
  }
  .option[aria-selected='true'] {
    background: var(--nip82-npub-picker-option-active-background, var(--_bg-alt));
    outline: 2px solid var(--_accent);
    outline-offset: -2px;
  }
  /* High contrast (forced colours) drops the background: the system's highlight marks the
     suggestion the arrow keys are on. */
  @media (forced-colors: active) {
    .option[aria-selected='true'] {
      background: Highlight;
      color: HighlightText;
    }
  }
  .option .source {
    margin-inline-start: auto;
    color: var(--_muted);
    font-size: 0.85em;
  }
  .fingerprint {
    font-family: ui-monospace, SFMono-Regular, Menlo, monospace;
    color: var(--_muted);
  }
  .name {
    font-weight: 600;
  }
  .error {
    margin-block: 0.35rem 0;
    color: var(--_danger);
  }
  /* Empty, it takes no room but stays rendered: a live region hidden until its words arrive is never heard. */
  .error:empty {
    margin-block: 0;
  }
  /* On a narrow screen Clear drops below rather than squeezing the name a few letters wide. */
  .profile {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: flex-start;
    margin-block-start: var(--_space);
    padding-block: var(--_space);
    padding-inline: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg-alt);
  }
  .picture {
    flex: none;
    inline-size: var(--nip82-npub-picker-picture-size, 3rem);
    block-size: var(--nip82-npub-picker-picture-size, 3rem);
    border-radius: 50%;
    object-fit: cover;
  }
  .who {
    flex: 1;
    min-inline-size: min(10rem, 100%);
  }
  .who p {
    margin-block: 0 0.3rem;
    overflow-wrap: anywhere;
  }
  .identity {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: baseline;
  }
  .warning {
    background: var(--_warning-bg);
    color: var(--_warning-fg);
    padding-block: 0.25rem;
    padding-inline: 0.5rem;
    border-radius: var(--_radius);
  }
  .ok {
    color: var(--_ok);
  }
  .muted {
    color: var(--_muted);
  }
  .clear {
    flex: none;
  }
`;
