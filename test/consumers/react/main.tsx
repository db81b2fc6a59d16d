// The React app around the README's component (MyRecords.tsx, kept equal to the README's example):
// it hands in a signer and the relays, and shows what its `onOpened` callback heard.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { secretKeySigner } from 'nip82-elements/core';
import { MyRecords } from './MyRecords';

declare global {
  interface Window {
    /** Set by the test before the page runs: the user's key (hex) and the relays that hold their record. */
    consumer: { key: string; relays: string[] };
  }
}

const { key, relays } = window.consumer;
const signer = secretKeySigner(Uint8Array.from(key.match(/../g) ?? [], (byte) => parseInt(byte, 16)));

function App() {
  const [opened, setOpened] = useState<number>();
  return (
    <>
      <MyRecords signer={signer} relays={relays} onOpened={setOpened} />
      <p id="heard">{opened === undefined ? 'React heard nothing yet.' : `React heard: ${opened} record(s) opened.`}</p>
    </>
  );
}

/** Never rendered: these lines must stay type errors, proving the packed typings are real and not `any`. */
export function Mistakes() {
  return (
    <>
      {/* @ts-expect-error: not a mode */}
      <nip82-record-viewer mode="table" />
      {/* @ts-expect-error: the detail has no such field */}
      <nip82-access-list onnip82-revoke={(e) => console.info(e.detail.nothing)} />
      {/* @ts-expect-error: not a kit tag */}
      <nip82-unknown />
    </>
  );
}

createRoot(document.getElementById('app')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
