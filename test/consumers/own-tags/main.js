// A page that registers the kit's classes under its own tags (register.js, kept equal to the
// README's example), then uses them as the kit's own tags are used.
import { secretKeySigner } from 'nip82-elements/core';
import './register.js';

const { key, relays } = window.consumer;
document.getElementById('app').innerHTML = '<clinic-session><clinic-record-viewer></clinic-record-viewer></clinic-session>';
const session = document.querySelector('clinic-session');
session.relays = relays;
session.signer = secretKeySigner(Uint8Array.from(key.match(/../g) ?? [], (byte) => parseInt(byte, 16)));
