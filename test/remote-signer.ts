import { SimplePool } from 'nostr-tools/pool';
import { finalizeEvent, getPublicKey } from 'nostr-tools/pure';
import { encrypt, decrypt, getConversationKey } from 'nostr-tools/nip44';
import { secretKeySigner } from '../components/core/signers/secret-key.js';

/**
 * A minimal NIP-46 remote signer, answering on a real relay for `userKey`. Await `ready` before a
 * client asks anything: NIP-46 requests are ephemeral events a relay does not keep, so a request
 * sent before the signer's subscription is live is lost (seen on a busy machine as "The remote
 * signer did not answer"). Methods in `refuse` are answered with an error, as when the user says no.
 */
export function runRemoteSigner(relay: string, bunkerKey: Uint8Array, userKey: Uint8Array, options: { refuse?: string[] } = {}) {
  let live!: () => void;
  const ready = new Promise<void>((resolve) => { live = resolve; });
  const pool = new SimplePool();
  const pubkey = getPublicKey(bunkerKey);
  const user = secretKeySigner(userKey);
  const sub = pool.subscribe([relay], { kinds: [24133], '#p': [pubkey] }, {
    async onevent(event) {
      const conv = getConversationKey(bunkerKey, event.pubkey);
      const { id, method, params } = JSON.parse(decrypt(event.content, conv)) as { id: string; method: string; params: string[] };
      let result = '';
      let error: string | undefined;
      if (options.refuse?.includes(method)) error = 'The user refused.';
      else if (method === 'connect') result = 'ack';
      else if (method === 'get_public_key') result = await user.getPublicKey();
      else if (method === 'sign_event') result = JSON.stringify(await user.signEvent(JSON.parse(params[0]!)));
      else if (method === 'nip44_encrypt') result = await user.nip44Encrypt(params[0]!, params[1]!);
      else if (method === 'nip44_decrypt') result = await user.nip44Decrypt(params[0]!, params[1]!);
      else if (method === 'ping') result = 'pong';
      const reply = finalizeEvent({ kind: 24133, created_at: Math.floor(Date.now() / 1000), tags: [['p', event.pubkey]], content: encrypt(JSON.stringify(error ? { id, result, error } : { id, result }), conv) }, bunkerKey);
      await Promise.any(pool.publish([relay], reply)).catch(() => undefined); // the test may have ended
    },
    oneose: () => live(),
  });
  return { pubkey, ready, close: () => { sub.close(); pool.destroy(); } };
}
