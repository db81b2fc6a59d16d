import { finalizeEvent, generateSecretKey, getPublicKey, verifyEvent } from 'nostr-tools/pure';
import { decrypt, encrypt, getConversationKey } from 'nostr-tools/nip44';
import { hexToBytes, bytesToHex } from 'nostr-tools/utils';
(window as any).micro = async () => {
  const out: string[] = [];
  const n = 200;
  const sks = Array.from({ length: n }, () => generateSecretKey());
  const pubs = sks.map((s) => getPublicKey(s));
  const me = generateSecretKey();
  const evs = sks.map((s, i) => finalizeEvent({ kind: 1, created_at: 1, tags: [], content: 'x'.repeat(4000) + i }, s));
  const copies = () => evs.map((e) => ({ id: e.id, pubkey: e.pubkey, created_at: e.created_at, kind: e.kind, tags: e.tags, content: e.content, sig: e.sig }));
  for (let round = 0; round < 10; round++) {
    let c = copies();
    let t = performance.now();
    for (let i = 0; i < n; i++) verifyEvent(c[i]!);
    const v = (performance.now() - t) / n;
    t = performance.now();
    for (let i = 0; i < n; i++) getConversationKey(me, pubs[i]!);
    const e = (performance.now() - t) / n;
    t = performance.now();
    for (let i = 0; i < n; i++) getPublicKey(sks[i]!);
    const g = (performance.now() - t) / n;
    out.push(`round ${round}: verify ${v.toFixed(3)} ecdh ${e.toFixed(3)} getPublicKey ${g.toFixed(3)}`);
  }
  return out.join('\n');
};
