import type { Language } from '../shared/strings.js';
import { errorDetails, type ErrorDetail } from '../shared/error-details.js';

export interface SessionStrings {
  signedInAs: string;
  via: (kind: string) => string;
  kindExtension: string;
  kindRemote: string;
  kindInjected: string;
  signOut: string;
  signedOut: string;
  signIn: string;
  useExtension: string;
  noExtension: string;
  remoteTitle: string;
  bunkerLabel: string;
  bunkerHelp: string;
  connect: string;
  showCode: string;
  scanCode: string;
  waitingForRemote: string;
  cancel: string;
  asking: string;
  connected: string;
  neverNsec: string;
  /** Why sign-in failed, from the error's code and the core's (English) message. */
  errorDetail: ErrorDetail;
}

export const sessionStrings: Record<Language, SessionStrings> = {
  en: {
    errorDetail: errorDetails.en,
    signedInAs: 'Signed in as',
    via: (kind: string) => `through ${kind}`,
    kindExtension: 'your browser extension',
    kindRemote: 'your remote signer',
    kindInjected: 'this site',
    signOut: 'Sign out',
    signedOut: 'Signed out. Keys used this session were wiped from memory.',
    signIn: 'Sign in with your Nostr signer',
    useExtension: 'Use my browser extension',
    noExtension: 'No signer extension was found in this browser. Install a Nostr signer extension (NIP-07), or connect a remote signer below.',
    remoteTitle: 'Use a remote signer',
    bunkerLabel: 'Remote signer address (bunker://…)',
    bunkerHelp: 'Your remote signer app shows this address. Never paste your private key (nsec) here or anywhere else.',
    connect: 'Connect',
    showCode: 'Show a code for my signer app',
    scanCode: 'Scan this code with your remote signer app, or copy the text into it:',
    waitingForRemote: 'Waiting for your remote signer to connect…',
    cancel: 'Cancel',
    asking: 'Your signer will be asked for your public key.',
    connected: 'Signed in.',
    neverNsec: 'That is a private key (nsec). Never share it; it was not stored or sent.',
  },
  es: {
    errorDetail: errorDetails.es,
    signedInAs: 'Sesión iniciada como',
    via: (kind: string) => `mediante ${kind}`,
    kindExtension: 'la extensión del navegador',
    kindRemote: 'su firmador remoto',
    kindInjected: 'este sitio',
    signOut: 'Cerrar sesión',
    signedOut: 'Sesión cerrada. Las claves usadas se borraron de la memoria.',
    signIn: 'Inicie sesión con su firmador Nostr',
    useExtension: 'Usar la extensión del navegador',
    noExtension: 'No se encontró ninguna extensión de firmador en este navegador. Instale una extensión de firmador Nostr (NIP-07) o conecte un firmador remoto abajo.',
    remoteTitle: 'Usar un firmador remoto',
    bunkerLabel: 'Dirección del firmador remoto (bunker://…)',
    bunkerHelp: 'Su aplicación de firmador muestra esta dirección. Nunca pegue aquí ni en ningún otro sitio su clave privada (nsec).',
    connect: 'Conectar',
    showCode: 'Mostrar un código para mi aplicación de firmador',
    scanCode: 'Escanee este código con su aplicación de firmador remoto, o copie el texto en ella:',
    waitingForRemote: 'Esperando a que se conecte su firmador remoto…',
    cancel: 'Cancelar',
    asking: 'Se pedirá su clave pública a su firmador.',
    connected: 'Sesión iniciada.',
    neverNsec: 'Esa es una clave privada (nsec). No la comparta nunca; no se guardó ni se envió.',
  },
};
