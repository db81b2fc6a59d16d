import { SimplePool } from 'nostr-tools/pool';
import { finalizeEvent, getPublicKey, type EventTemplate } from 'nostr-tools/pure';
import { encrypt, decrypt, getConversationKey } from 'nostr-tools/nip44';
import { secretKeySigner } from '../components/core/signers/secret-key.js';

/** How a test remote signer behaves beyond answering every request at once. */
export interface RemoteSignerOptions {
  /** Methods answered with an error, as when the user says no. */
  refuse?: string[];
  /** Methods whose answer waits for {@link release}, as when the user has not approved yet. */
  hold?: string[];
  /** A page the user must open first (NIP-46 `auth_url`), sent at once to every held request. */
  authUrl?: string;
}

/** Signs in (NIP-42) as `key` where the relay asks, as a signer app does on a relay that serves only signed-in readers. */
const signingIn = (key: Uint8Array) => async (template: EventTemplate) => finalizeEvent(template, key);

/**
 * A minimal NIP-46 remote signer, answering on a real relay for `userKey`. Await `ready` before a
 * client asks anything: NIP-46 requests are ephemeral events a relay does not keep, so a request
 * sent before the signer's subscription is live is lost (seen on a busy machine as "The remote
 * signer did not answer"). `connectTo` plays the user scanning a `nostrconnect://` code; `release`
 * sends the answers held back (`hold`); `asked` lists the methods asked so far, `connects` the
 * parameters of each `connect`.
 */
export function runRemoteSigner(relay: string, bunkerKey: Uint8Array, userKey: Uint8Array, options: RemoteSignerOptions = {}) {
  let live!: () => void;
  const ready = new Promise<void>((resolve) => { live = resolve; });
  const pool = new SimplePool();
  const pubkey = getPublicKey(bunkerKey);
  let user = secretKeySigner(userKey);
  const asked: string[] = [];
  const connects: string[][] = [];
  let held: (() => Promise<void>)[] = [];
  const send = async (to: string, message: Record<string, unknown>) => {
    const conv = getConversationKey(bunkerKey, to);
    const reply = finalizeEvent({ kind: 24133, created_at: Math.floor(Date.now() / 1000), tags: [['p', to]], content: encrypt(JSON.stringify(message), conv) }, bunkerKey);
    await Promise.any(pool.publish([relay], reply, { onauth: signingIn(bunkerKey) })).catch(() => undefined); // the test may have ended
  };
  const sub = pool.subscribe([relay], { kinds: [24133], '#p': [pubkey] }, {
    onauth: signingIn(bunkerKey),
    async onevent(event) {
      const conv = getConversationKey(bunkerKey, event.pubkey);
      const { id, method, params } = JSON.parse(decrypt(event.content, conv)) as { id: string; method: string; params: string[] };
      asked.push(method);
      if (method === 'connect') connects.push(params);
      const answer = async () => {
        let result = '';
        let error: string | undefined;
        if (options.refuse?.includes(method)) error = 'The user refused.';
        else if (method === 'connect') result = 'ack';
        else if (method === 'get_public_key') result = await user.getPublicKey();
        else if (method === 'sign_event') result = JSON.stringify(await user.signEvent(JSON.parse(params[0]!)));
        else if (method === 'nip44_encrypt') result = await user.nip44Encrypt(params[0]!, params[1]!);
        else if (method === 'nip44_decrypt') result = await user.nip44Decrypt(params[0]!, params[1]!);
        else if (method === 'ping') result = 'pong';
        else if (method === 'switch_relays') result = 'null';
        await send(event.pubkey, error ? { id, result, error } : { id, result });
      };
      if (!options.hold?.includes(method)) return answer();
      held.push(answer);
      if (options.authUrl) await send(event.pubkey, { id, result: 'auth_url', error: options.authUrl });
    },
    oneose: () => live(),
  });
  return {
    pubkey,
    ready,
    asked,
    connects,
    /** Answers the held requests. */
    release: async () => {
      const now = held;
      held = [];
      await Promise.all(now.map((answer) => answer()));
    },
    /** Answers a shown `nostrconnect://` code with its secret, as the user's signer app does once approved. */
    connectTo: async (uri: string) => {
      const code = new URL(uri);
      await send(code.hostname, { id: Math.random().toString(36).slice(2), result: code.searchParams.get('secret') });
    },
    /** The user switches to another account in the signer app: from now on it answers as `key`. */
    useKey: (key: Uint8Array) => { user = secretKeySigner(key); },
    close: () => { sub.close(); pool.destroy(); },
  };
}
