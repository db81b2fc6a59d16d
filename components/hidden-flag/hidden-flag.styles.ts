import { css } from 'lit';

export const hiddenFlagStyles = css`
  :host {
    display: block;
  }
  .base {
    display: flex;
    gap: var(--_space);
    align-items: flex-start;
    padding-block: var(--_space);
    padding-inline: var(--_space);
    border-radius: var(--_radius);
    background: var(--nip82-hidden-flag-background, var(--_warning-bg));
    color: var(--nip82-hidden-flag-color, var(--_warning-fg));
    border: var(--nip82-hidden-flag-border, 1px solid currentColor);
  }
  .icon {
    flex: none;
    inline-size: 1.5rem;
    block-size: 1.5rem;
    margin-block-start: 0.05rem;
  }
  .text > p {
    margin-block: 0 0.25rem;
    margin-inline: 0;
  }
  .text > p:last-child {
    margin-block-end: 0;
  }
  .title {
    font-weight: 600;
  }
  /* Paper is white: on a dark page the flag prints in its light colours. */
  @media print {
    :host {
      color-scheme: light;
    }
  }
`;
