/**
 * A fake NIP-07 extension over whichever key the user chose in it last (`use`), counting every
 * question by kind. `windows`: each prompt is a window of its own, which gives the page the focus
 * back as the answer arrives (`focus-after`), and also takes it away as it opens (`blur-and-focus`),
 * as a browser shows it. `holdSigning` keeps the next signature prompts open until released, as a
 * user who has not answered yet: the key in use is the one chosen when the prompt is answered.
 */
import type { Signer } from '../components/core/signers/signer.js';
import type { Nip07Provider } from '../components/core/signers/nip07.js';

export type PromptWindows = 'none' | 'focus-after' | 'blur-and-focus';

export function fakeExtension(signer: Signer, windows: PromptWindows = 'none') {
  let current = signer;
  const calls: Record<string, number> = {};
  let held: Promise<void> | undefined;
  let release = () => {};
  const prompted = async <T>(kind: string, work: () => Promise<T>): Promise<T> => {
    calls[kind] = (calls[kind] ?? 0) + 1;
    if (windows === 'blur-and-focus') window.dispatchEvent(new Event('blur'));
    try {
      return await work();
    } finally {
      if (windows !== 'none') window.dispatchEvent(new Event('focus'));
    }
  };
  const provider: Nip07Provider = {
    getPublicKey: () => prompted('getPublicKey', () => current.getPublicKey()),
    signEvent: (t) => prompted('signEvent', async () => {
      if (held) await held;
      return current.signEvent(t);
    }),
    nip44: {
      encrypt: (p, t) => prompted('encrypt', () => current.nip44Encrypt(p, t)),
      decrypt: (p, c) => prompted('decrypt', () => current.nip44Decrypt(p, c)),
    },
  };
  return {
    provider,
    calls,
    use: (next: Signer) => { current = next; },
    keyQuestions: () => calls.getPublicKey ?? 0,
    /** Signature prompts stay open from now until {@link release} is called. */
    holdSigning: () => { held = new Promise<void>((r) => { release = () => { held = undefined; r(); }; }); },
    release: () => release(),
    /**
     * The user comes back from another window (the page loses the focus and gets it back), and
     * declines the account question the next action asks; `asked` counts those questions, and
     * `restore` answers them again.
     */
    declineAccountQuestion: () => {
      let asked = 0;
      const own = provider.getPublicKey;
      provider.getPublicKey = async () => { asked++; throw new Error('The user declined.'); };
      window.dispatchEvent(new Event('blur'));
      window.dispatchEvent(new Event('focus'));
      return { asked: () => asked, restore: () => { provider.getPublicKey = own; } };
    },
  };
}
