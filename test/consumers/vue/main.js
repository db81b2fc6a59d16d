// The Vue app around the README's component (MyRecords.vue, kept equal to the README's example):
// it hands the component a signer, as a host's sign-in would.
import { createApp } from 'vue';
import { secretKeySigner } from 'nip82-elements/core';
import MyRecords from './MyRecords.vue';

const { key } = window.consumer;
const signer = secretKeySigner(Uint8Array.from(key.match(/../g) ?? [], (byte) => parseInt(byte, 16)));
createApp(MyRecords, { signer }).mount('#app');
