'use client';
import 'nip82-elements/define.js';          // registers the tags once, on the client
import type {} from 'nip82-elements/react';  // JSX typings for the tags
import type { Signer } from 'nip82-elements';

export function MyRecords({ signer, relays, onOpened }: { signer?: Signer; relays: string[]; onOpened: (count: number) => void }) {
  return (
    <nip82-session relays={relays} signer={signer}>
      <nip82-record-viewer mode="timeline" onnip82-record-open={(e) => onOpened(e.detail.records.length)} />
      <nip82-access-list onnip82-revoke={(e) => console.info(`Access removed for ${e.detail.pubkey}`)} />
    </nip82-session>
  );
}
