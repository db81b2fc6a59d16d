import { waitUntil } from './wait.js';
import { $, buttonByText, dialogOf } from './element-helpers.js';

/**
 * Starts revoking `pubkey` in the access list `el` and leaves it waiting on the signer, which is
 * held at its first call (`quiet`): what a test of the middle of a revocation starts from.
 */
export async function revocationHeldAtSigner(el: HTMLElement & { status: string; updateComplete: Promise<boolean> }, pubkey: string, quiet: { arm(k: number): void; asked(): boolean }): Promise<void> {
  $<HTMLButtonElement>(el, `[part=person][data-pubkey="${pubkey}"] button.revoke`)!.click();
  await waitUntil(() => dialogOf(el).open, 'dialog opens');
  await el.updateComplete;
  quiet.arm(1);
  buttonByText(el, /^Revoke access for/)!.click();
  await waitUntil(() => quiet.asked() && el.status === 'waiting-signer', 'the signer asked');
  await el.updateComplete;
}
