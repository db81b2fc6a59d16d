/**
 * What the share and answer views get from the element: the words, the state shared by both
 * dialogs, the pieces every step renders (status line, problems, result) and the handlers. The
 * views read it and render; the element keeps the state and does the work.
 */
import type { nothing, TemplateResult } from 'lit';
import { renderStopWaiting } from '../shared/stop-waiting.js';
import type { Role } from '../core/nip82/record.js';
import type { ConsentPromptStrings } from './consent-prompt.strings.js';
import type { PlanViewContext } from './plan-view.js';

/** `finish`: part of the action went out, and finishing it is all that is offered. */
export type Step = 'choose' | 'preview' | 'result' | 'finish';

export interface CommonView {
  s: ConsentPromptStrings;
  plan: PlanViewContext;
  step: Step;
  busy: boolean;
  /**
   * The signer is asked (to sign, or to open records in the dialog): "Stop waiting", Cancel or
   * Escape stops the action, which has sent nothing yet.
   */
  waiting: boolean;
  /**
   * The send waits only for the signer to sign the user in to a storage server that asked: "Stop
   * waiting" passes that server over and the rest is sent (Cancel stays off: part may be out).
   */
  signInWait: boolean;
  /** Part of the action went out: nothing is signed again, so the buttons that would sign are gone. */
  started: boolean;
  until: string;
  status: TemplateResult;
  problems: TemplateResult | typeof nothing;
  /** The id of the problem the last Review found with the field of this id, if any. */
  problemWith: (field: string) => string | undefined;
  result: () => TemplateResult;
  finishing: () => TemplateResult;
  terms: (role: Role, purpose: string) => TemplateResult;
  onUntil: (value: string) => void;
  toPreview: (event: Event) => void;
  back: () => void;
  dismiss: () => void;
  /** Ends the wait for the signer and leaves the dialog open, saying what did not happen. */
  stopWaiting: () => void;
  hideMentions: () => void;
  loadRecords: () => void;
  /**
   * The last load could not check some storage server (the status says which): the records found
   * are shown, and loading them again is offered beside them (with none found, "Unlock my records" is).
   */
  reload: boolean;
}

/**
 * A field's `aria-invalid` and `aria-describedby`: the problem the last Review found with it, then
 * its help. The list of problems is at the foot of the form; back on the field, it says so itself.
 */
export function fieldState(v: CommonView, field: string, help: string): { invalid: 'true' | 'false'; describedBy: string } {
  const problem = v.problemWith(field);
  return { invalid: problem ? 'true' : 'false', describedBy: problem ? `${problem} ${help}` : help };
}

/** The `aria-disabled` of a button while the element works: focus stays on it (a disabled button drops focus to the page). */
export const busyAttr = (busy: boolean) => (busy ? 'true' : 'false');

/** "Stop waiting" in the step's row of actions, live while the signer is asked (to sign, or to sign the user in during the send). */
export const stopWaitingButton = (v: CommonView): TemplateResult | typeof nothing => renderStopWaiting(v.waiting || v.signInWait, v.s, v.stopWaiting);
