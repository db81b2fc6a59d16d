/**
 * Type-level contracts, checked by `tsc` (never run): a `@ts-expect-error` line that stops being an
 * error fails the type check, so each one is a test that the contract still holds.
 */
import type { Nip82Session } from '../../components/session/session.js';
import type { Nip82RecordViewer } from '../../components/record-viewer/record-viewer.js';
import type { Nip82ConsentPrompt } from '../../components/consent-prompt/consent-prompt.js';
import type { Nip82AccessList } from '../../components/access-list/access-list.js';
import type { Nip82NpubPicker } from '../../components/npub-picker/npub-picker.js';
import type { Nip82HiddenFlag } from '../../components/hidden-flag/hidden-flag.js';
import type { Nip82ErrorCode, Nip82EventDetails } from '../../components/shared/events.js';
import type { AccessListStrings, ConsentPromptStrings, HiddenFlagStrings, NpubPickerStrings, RecordViewerStrings, SessionStrings } from '../../components/index.js';

export function strings(session: Nip82Session, viewer: Nip82RecordViewer, prompt: Nip82ConsentPrompt, list: Nip82AccessList, picker: Nip82NpubPicker, flag: Nip82HiddenFlag) {
  session.strings = { signIn: 'Log in' };
  // @ts-expect-error a misspelt key is not a string of the element
  session.strings = { signInn: 'Log in' };
  // @ts-expect-error a misspelt key is not a string of the element
  viewer.strings = { unlockk: 'Open' };
  // @ts-expect-error a misspelt key is not a string of the element
  prompt.strings = { openSharee: 'Send' };
  // @ts-expect-error a misspelt key is not a string of the element
  list.strings = { revokee: 'Remove' };
  // @ts-expect-error a misspelt key is not a string of the element
  picker.strings = { labell: 'To' };
  // @ts-expect-error a misspelt key is not a string of the element
  flag.strings = { explanationn: 'Ask.' };
  // A nested element's strings go through its parent, with the nested element's own keys.
  viewer.flagStrings = { explanation: 'Ask the owner.' };
  prompt.pickerStrings = { label: 'To' };
  // @ts-expect-error a misspelt key is not a string of the nested flag
  viewer.flagStrings = { explanationn: 'Ask.' };
  // @ts-expect-error the picker's keys, not the flag's
  prompt.pickerStrings = { explanation: 'Ask.' };
}

export function status(session: Nip82Session, viewer: Nip82RecordViewer) {
  const shown: string = viewer.status + session.status;
  // @ts-expect-error the state is the element's to change
  viewer.status = 'done';
  // @ts-expect-error the state is the element's to change
  session.status = 'done';
  return shown;
}

export function errorCodes(detail: Nip82EventDetails['nip82-error']) {
  const known: Nip82ErrorCode = detail.code;
  // @ts-expect-error only the kit's error codes
  const typo: Nip82ErrorCode = 'relay-unavailabe';
  return [known, typo];
}

/** A remote signer's page callback written for its side effect still fits; only `false` declines the page. */
export function remoteSignerPages(options: import('../../components/core/signers/bunker.js').RemoteSignerOptions) {
  const pages: (string | undefined)[] = [];
  options.onAuthUrl = (url) => pages.push(url);
  options.onAuthUrl = (url) => url?.startsWith('https://') ?? false;
}

/**
 * The README names each element's keys by its `…Strings` type: a host keeps its overrides in a
 * table of its own, typed by name from the package's entry (not from a file the exports map hides).
 */
export function stringTablesByName(viewer: Nip82RecordViewer, prompt: Nip82ConsentPrompt, list: Nip82AccessList, session: Nip82Session) {
  const mine: Partial<RecordViewerStrings> = { unlockMine: 'Open my records', preparing: (_n, written) => `Getting ${written} items ready…` };
  const share: Partial<ConsentPromptStrings> = { openShare: 'Share', typeCount: (type, _n, written) => `${written} × ${type}` };
  const access: Partial<AccessListStrings> = { revoke: 'Remove', shareItemCount: (_n, written) => `${written} entries` };
  const bar: Partial<SessionStrings> = { signIn: 'Log in' };
  const picker: Partial<NpubPickerStrings> = { label: 'To' };
  const flag: Partial<HiddenFlagStrings> = { kind: (type, _n, written) => `${written} × ${type}` };
  [viewer.strings, viewer.flagStrings, prompt.strings, prompt.pickerStrings, list.strings, session.strings] = [mine, flag, share, picker, access, bar];
  // @ts-expect-error a misspelt key is not a string of the element
  const typo: Partial<RecordViewerStrings> = { unlockMinee: 'Open' };
  return typo;
}
