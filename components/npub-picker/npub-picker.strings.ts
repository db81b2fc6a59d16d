/** Built-in strings of `<nip82-npub-picker>`. */
import type { Language } from '../shared/strings.js';

export type NpubPickerStrings = {
  label: string;
  hint: string;
  lookUp: string;
  clear: string;
  suggestions: string;
  recent: string;
  following: string;
  invalid: string;
  secret: string;
  lookingUp: (name: string) => string;
  lookupFailed: (name: string) => string;
  chosen: (fingerprint: string) => string;
  profileLabel: string;
  fingerprint: string;
  noName: string;
  loadingProfile: string;
  noProfile: string;
  profileUnreachable: string;
  suspiciousName: string;
  claims: string;
  verify: string;
  verifying: (name: string) => string;
  verified: (name: string) => string;
  mismatch: (name: string) => string;
  verifyFailed: (name: string) => string;
  foundBy: (name: string) => string;
};

export const npubPickerStrings: Record<Language, NpubPickerStrings> = {
  en: {
    label: 'Recipient',
    hint: 'Paste their npub, nprofile or public key, or type a name like alice@example.com and choose Look up.',
    lookUp: 'Look up',
    clear: 'Clear',
    suggestions: 'Suggestions',
    recent: 'Recent',
    following: 'Following',
    invalid: 'Not a valid npub, nprofile, hex key or NIP-05 name',
    secret: 'That is a private key (nsec). Never share it with anyone; it has not been stored or sent.',
    lookingUp: (name) => `Looking up ${name}…`,
    lookupFailed: (name) => `Could not find ${name}: the name may not exist, or its server did not answer. You can paste their npub instead.`,
    chosen: (fingerprint) => `Chosen: ${fingerprint}`,
    profileLabel: 'Chosen recipient',
    fingerprint: 'Key',
    noName: 'No name given',
    loadingProfile: 'Looking for their profile…',
    noProfile: 'No profile found on your storage servers. Check the key with them another way.',
    profileUnreachable: 'Could not reach your storage servers to load their profile.',
    suspiciousName: 'This name contained hidden or direction-changing characters, which can be used to imitate someone. They were removed; compare the key.',
    claims: 'Claims to be',
    verify: 'Verify',
    verifying: (name) => `Checking ${name}…`,
    verified: (name) => `Verified: ${name} points to this key.`,
    mismatch: (name) => `This profile claims ${name}, but that name points to a different key.`,
    verifyFailed: (name) => `Could not confirm ${name}: the name was not found, or its server did not answer.`,
    foundBy: (name) => `Found by looking up ${name}.`,
  },
  es: {
    label: 'Destinatario',
    hint: 'Pegue su npub, nprofile o clave pública, o escriba un nombre como ana@ejemplo.com y elija Buscar.',
    lookUp: 'Buscar',
    clear: 'Borrar',
    suggestions: 'Sugerencias',
    recent: 'Reciente',
    following: 'Seguido',
    invalid: 'No es un npub, nprofile, clave hexadecimal ni nombre NIP-05 válido',
    secret: 'Eso es una clave privada (nsec). No la comparta nunca con nadie; no se ha guardado ni enviado.',
    lookingUp: (name) => `Buscando ${name}…`,
    lookupFailed: (name) => `No se encontró ${name}: puede que el nombre no exista o que su servidor no respondiera. Puede pegar su npub en su lugar.`,
    chosen: (fingerprint) => `Elegido: ${fingerprint}`,
    profileLabel: 'Destinatario elegido',
    fingerprint: 'Clave',
    noName: 'Sin nombre',
    loadingProfile: 'Buscando su perfil…',
    noProfile: 'No se encontró ningún perfil en sus servidores de almacenamiento. Compruebe la clave con esa persona por otra vía.',
    profileUnreachable: 'No se pudo contactar con sus servidores de almacenamiento para cargar el perfil.',
    suspiciousName: 'Este nombre contenía caracteres ocultos o que cambian la dirección del texto, que pueden usarse para suplantar a alguien. Se han quitado; compare la clave.',
    claims: 'Dice ser',
    verify: 'Verificar',
    verifying: (name) => `Comprobando ${name}…`,
    verified: (name) => `Verificado: ${name} corresponde a esta clave.`,
    mismatch: (name) => `Este perfil dice ser ${name}, pero ese nombre corresponde a otra clave.`,
    verifyFailed: (name) => `No se pudo confirmar ${name}: no se encontró el nombre o su servidor no respondió.`,
    foundBy: (name) => `Encontrado al buscar ${name}.`,
  },
};
