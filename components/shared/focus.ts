/**
 * Whether a render just took away `before`, the control that had the keyboard's focus in `host`'s
 * shadow root as the render began (a button that has done its job and goes): removing it hands the
 * focus to the page's body, where a keyboard user is lost. Focus on a control that stayed, or that
 * the user moved elsewhere meanwhile, is not dropped.
 */
export function focusDropped(before: Element | null | undefined, host: Element): before is Element {
  if (!before || before.isConnected || host.shadowRoot?.activeElement) return false;
  const active = document.activeElement;
  return !active || active === document.body;
}
