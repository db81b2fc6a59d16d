/** A signer that notes what the element's status line says at each of its calls, as the person reads it while the signer asks. */
import type { Signer } from '../components/core/signers/signer.js';
import { $, text } from './element-helpers.js';

/** `base` wrapped: before each call, the status line of `element()` (set once the element exists) is noted in `said`. */
export function statusAtEachCall(base: Signer, element: () => (Element & { updateComplete: Promise<unknown> }) | undefined): { signer: Signer; said: string[] } {
  const said: string[] = [];
  const noted = async <T>(run: () => Promise<T>) => {
    const el = element()!;
    await el.updateComplete;
    said.push(text($(el, '[role=status]')));
    return run();
  };
  const signer: Signer = {
    getPublicKey: () => base.getPublicKey(),
    signEvent: (t) => noted(() => base.signEvent(t)),
    nip44Encrypt: (p, x) => noted(() => base.nip44Encrypt(p, x)),
    nip44Decrypt: (p, c) => noted(() => base.nip44Decrypt(p, c)),
  };
  return { signer, said };
}
