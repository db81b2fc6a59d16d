import { expect } from '@open-wc/testing';
import { finalizeEvent, generateSecretKey, getPublicKey } from 'nostr-tools/pure';
import { encrypt, getConversationKey } from 'nostr-tools/nip44';
import { createRecord, openRecord } from '../../components/core/nip82/record.js';
import { nip07Signer, type Nip07Provider } from '../../components/core/signers/nip07.js';
import { secretKeySigner } from '../../components/core/signers/secret-key.js';
import { nowSeconds } from '../../components/core/events.js';
import { sampleBundle } from '../helpers.js';

const SECRET = 'Chlamydia infection (2016)';

/** Every message along an error's cause chain, and anything else it carries, as text. */
function everything(error: unknown): string {
  const out: string[] = [];
  for (let e: unknown = error, depth = 0; e && depth < 10; depth++) {
    out.push(String((e as Error).message ?? e), String((e as Error).stack ?? ''));
    e = (e as { cause?: unknown }).cause;
  }
  return out.join('\n');
}

async function failure(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

describe('error messages never quote a signer or a record', () => {
  it('a signer\'s error text (which may quote the event) is not copied into the message or kept as cause', async () => {
    const sk = generateSecretKey();
    const provider: Nip07Provider = {
      getPublicKey: async () => getPublicKey(sk),
      signEvent: async (e: unknown) => {
        throw new Error(`internal error while signing ${JSON.stringify(e).slice(0, 400)} ${SECRET}`);
      },
      nip44: {
        encrypt: async () => { throw new Error(`oops ${SECRET}`); },
        decrypt: async () => { throw new Error(`oops ${SECRET}`); },
      },
    } as unknown as Nip07Provider;
    const error = await failure(createRecord({ bundle: sampleBundle(), author: nip07Signer({ provider: () => provider }), participants: [] }));
    expect(everything(error)).not.to.contain(SECRET);
    expect(everything(error)).not.to.contain('resourceType');
  });

  it('content that is not JSON fails without the parser\'s message (which quotes the decrypted text)', async () => {
    const reader = secretKeySigner(generateSecretKey());
    const me = await reader.getPublicKey();
    const signKey = generateSecretKey();
    const hex = Array.from(signKey, (b) => b.toString(16).padStart(2, '0')).join('');
    const event = finalizeEvent({
      kind: 32225, created_at: nowSeconds(),
      tags: [['d', 'a'.repeat(32)], ['p', me], ['key', me, encrypt(hex, getConversationKey(signKey, me))]],
      content: encrypt(`${SECRET} and more text that is not JSON`, getConversationKey(signKey, getPublicKey(signKey))),
    }, signKey);
    const error = await failure(openRecord([event], reader));
    expect((error as { code?: string }).code).to.equal('malformed');
    expect(everything(error)).not.to.contain('Chlamydia');
    // The same inside: a kind 82 whose content is not a JSON Bundle.
    const inner = JSON.stringify({ kind: 82, pubkey: getPublicKey(signKey), created_at: 1, tags: [], content: `${SECRET} not json`, id: '0'.repeat(64), sig: '0'.repeat(128) });
    const event2 = finalizeEvent({ ...event, content: encrypt(inner, getConversationKey(signKey, getPublicKey(signKey))), tags: event.tags }, signKey);
    const error2 = await failure(openRecord([event2], reader));
    expect(everything(error2)).not.to.contain('Chlamydia');
  });
});
