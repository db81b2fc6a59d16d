import { css } from 'lit';

/**
 * Kit tokens. Each element reads `--nip82-<element>-<prop>`, falling back to these `--nip82-*`
 * tokens, then to a literal. Light and dark follow the page's `color-scheme`, inherited like
 * native form controls: `light dark` follows the user, `dark` forces it, nothing stays light, so a
 * page that has no dark theme never gets a dark island.
 */
export const tokens = css`
  :host {
    --_fg: var(--nip82-color-text, light-dark(#1b1f24, #e8eaed));
    --_muted: var(--nip82-color-muted, light-dark(#57606a, #a3aab3));
    --_bg: var(--nip82-color-surface, light-dark(#ffffff, #16191d));
    --_bg-alt: var(--nip82-color-surface-alt, light-dark(#f5f7f9, #1f2328));
    --_border: var(--nip82-color-border, light-dark(#d0d7de, #3a4048));
    /*
     * A button is found by its edge, which must stand out 3:1 (WCAG 1.4.11) from its own fill and
     * from the surface or warning tint around it; the pale divider above does not. A page that
     * set --nip82-color-border for every edge keeps that until it sets the control edge itself.
     */
    --_control-border: var(--nip82-color-control-border, var(--nip82-color-border, light-dark(#6e7781, #7d8590)));
    --_accent: var(--nip82-color-accent, light-dark(#0a5cc2, #6cb1ff));
    --_on-accent: var(--nip82-color-on-accent, light-dark(#ffffff, #0b1220));
    --_danger: var(--nip82-color-danger, light-dark(#b42318, #ff8a80));
    --_warning-bg: var(--nip82-color-warning-surface, light-dark(#fff4d6, #3b2f0b));
    --_warning-fg: var(--nip82-color-warning-text, light-dark(#5c3b00, #ffd97a));
    --_ok: var(--nip82-color-success, light-dark(#1a7f37, #7ee2a8));
    --_radius: var(--nip82-radius, 0.5rem);
    /*
     * Spacing follows the reader's text size, but on a narrow screen it stops growing (12 px at
     * 320 px wide): large text then keeps the width for its words instead of giving it to margins.
     */
    --_space: var(--nip82-space, min(0.75rem, 3.75vw));
    --_font: var(--nip82-font-family, system-ui, sans-serif);
    font-family: var(--_font);
    color: var(--_fg);
    line-height: 1.45;
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  button {
    font: inherit;
    min-block-size: 2.25rem;
    padding-block: 0.35rem;
    /* As the spacing: no wider than 14.4 px a side on a 320 px screen, whatever the text size. */
    padding-inline: min(0.9rem, 4.5vw);
    border-radius: var(--_radius);
    border: 1px solid var(--_control-border);
    background: var(--_bg-alt);
    color: var(--_fg);
    cursor: pointer;
  }
  button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  button.danger {
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_bg);
  }
  button:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }
  :focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  input,
  select,
  textarea {
    font: inherit;
    color: var(--_fg);
    background: var(--_bg);
    /* The muted ink, not the faint divider: a field's edge is seen at 3:1 (WCAG 1.4.11). */
    border: 1px solid var(--nip82-color-control-border, var(--_muted));
    border-radius: var(--_radius);
    padding-block: 0.35rem;
    padding-inline: 0.5rem;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  /* Unseen, until high contrast drops the tint that sets a warning apart: then its edge does. */
  .warning {
    border: 1px solid transparent;
  }
  .status {
    color: var(--_muted);
    margin-block: 0.5rem;
  }
  .error {
    color: var(--_danger);
  }
  /* More contrast asked for: grey words in the full ink, edges as dark as grey words were, warnings edged. */
  @media (prefers-contrast: more) {
    :host {
      --_muted: var(--nip82-color-muted, var(--_fg));
      --_border: var(--nip82-color-border, light-dark(#57606a, #a3aab3));
      --_control-border: var(--nip82-color-control-border, var(--_border));
    }
    .warning {
      border-color: currentColor;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
    }
  }
`;
