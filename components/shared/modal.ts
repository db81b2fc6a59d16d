/**
 * Keeps an element's modal `<dialog>` open while the element says it is, and after a render moves
 * focus to what the last step named (a new heading or the first problem), so keyboard and screen
 * reader users land where the step put them.
 */
import type { ReactiveController, ReactiveElement } from 'lit';

export class ModalController implements ReactiveController {
  /** A selector in the host's shadow root to focus once the next render is done. */
  focusNext?: string;

  constructor(
    private readonly host: ReactiveElement,
    private readonly isOpen: () => boolean,
  ) {
    host.addController(this);
  }

  get dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector('dialog');
  }

  close(): void {
    this.dialog?.close();
  }

  hostUpdated(): void {
    const dialog = this.dialog;
    // A host taken out of the page (a sign-out that removed it) has no modal to show.
    if (dialog && this.host.isConnected && this.isOpen() && !dialog.open) dialog.showModal();
    if (this.focusNext) {
      const target = this.host.renderRoot.querySelector<HTMLElement>(this.focusNext);
      this.focusNext = undefined;
      target?.focus();
    }
  }
}
