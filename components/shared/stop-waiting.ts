/**
 * "Stop waiting", in an element's open modal dialog while its signer is asked: a remote signer may
 * never answer, and a phone has no Escape key, so without it the user would wait for the deadline.
 * It ends the wait as Escape does (`ActionController.cancel`), but the dialog stays, to say
 * what did not happen and to let the user try again. Where a change is sent on from outside its
 * dialog (the access list's notice of a revocation some server missed), it stands beside the
 * button that sent it, for the storage server's sign-in waiting on the signer.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { StopWaitingStrings } from './action-state-strings.js';

/**
 * The live button, while `waiting`, in the dialog's row of actions beside the aria-disabled ones
 * it stands in for (the button just pressed among them); nothing otherwise.
 */
export function renderStopWaiting(waiting: boolean, s: Pick<StopWaitingStrings, 'stopWaiting'>, stop: () => void): TemplateResult | typeof nothing {
  return waiting ? html`<button part="button" type="button" class="stop-waiting" @click=${stop}>${s.stopWaiting}</button>` : nothing;
}
