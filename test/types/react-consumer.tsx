// A React 19 consumer of the JSX typings (components/react.ts), checked by `tsc -p test/types`
// (test/node/types.test.mjs). The @ts-expect-error lines must stay errors: they prove the tags are
// typed, not `any`.
import type {} from '../../components/react.js';
import type { Signer } from '../../components/core/signers/signer.js';

declare const signer: Signer;
declare function track(count: number): void;
declare function notify(text: string): void;

export function MyRecords({ relays }: { relays: string[] }) {
  return (
    <nip82-session relays={relays} signer={signer}>
      <nip82-record-viewer mode="timeline" page-size={20} onnip82-record-open={(e) => track(e.detail.records.length)} />
      <nip82-consent-prompt mode="share" strings={{ openShare: 'Share with my doctor' }} />
      <nip82-access-list onnip82-revoke={(e) => notify(`Access removed for ${e.detail.pubkey}`)} />
      <nip82-hidden-flag count={2} />
    </nip82-session>
  );
}

export function AsInVue() {
  return <nip82-session relays="wss://relay-a.example wss://relay-b.example" no-controls />;
}

export function Mistakes() {
  return (
    <>
      {/* @ts-expect-error: not a mode */}
      <nip82-record-viewer mode="table" />
      {/* @ts-expect-error: the detail has no such field */}
      <nip82-access-list onnip82-revoke={(e) => notify(e.detail.nothing)} />
      {/* @ts-expect-error: not a kit tag */}
      <nip82-unknown />
      {/* @ts-expect-error: the state is the element's to change (React would set the property, which has only a getter) */}
      <nip82-record-viewer status="done" />
      {/* @ts-expect-error: whether the flag shows is the element's to say */}
      <nip82-hidden-flag visible />
      {/* @ts-expect-error: who is signed in is the signer's to say; a host signs in through `signer` */}
      <nip82-session pubkey="a1b2" />
    </>
  );
}
