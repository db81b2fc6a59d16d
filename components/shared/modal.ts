/**
 * Keeps an element's modal `<dialog>` open while the element says it is, and after a render moves
 * focus to what the last step named (a new heading or the first problem), so keyboard and screen
 * reader users land where the step put them.
 */
import type { ReactiveController, ReactiveElement } from 'lit';

export class ModalController implements ReactiveController {
  /** A selector in the host's shadow root to focus once the next render is done. */
  focusNext?: string;
  /** Whether the dialog was opened for the host's current "open". */
  private shown = false;

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

  /**
   * Put back on the page (a single-page app moved it, or kept a route to show again) with its
   * dialog open: leaving the page took the dialog out of the top layer, and it came back open but
   * no longer modal (the page behind usable, Escape doing nothing, the focus on the page's body).
   * The next render shows it as a modal again.
   */
  hostConnected(): void {
    if (this.shown) this.host.requestUpdate();
  }

  hostUpdated(): void {
    const dialog = this.dialog;
    const open = this.isOpen();
    // Back on the page open but no longer modal: shown again as it was (see hostConnected). The
    // attribute goes quietly: close() would fire the close event the host takes for the user's.
    if (open && this.shown && dialog?.open && this.host.isConnected && !dialog.matches(':modal')) {
      dialog.removeAttribute('open');
      dialog.showModal();
    }
    // Opened once each time the host asks: a render between a close (Escape, a button) and the
    // dialog's close event must not open it again. A host taken out of the page has no modal.
    if (open && !this.shown && dialog && this.host.isConnected) {
      dialog.showModal();
      this.shown = true;
    }
    if (!open) {
      this.shown = false;
      if (dialog?.open) dialog.close();
    }
    if (this.focusNext) {
      const target = this.host.renderRoot.querySelector<HTMLElement>(this.focusNext);
      this.focusNext = undefined;
      target?.focus();
    }
  }
}
