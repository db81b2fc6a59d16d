/**
 * nip82-elements: the element classes (no registration: import `nip82-elements/define.js`, or one
 * element's `define.js`, to register tags) and the protocol core.
 * @packageDocumentation
 */
export { Nip82Session } from './session/session.js';
export { Nip82NpubPicker } from './npub-picker/npub-picker.js';
export { Nip82HiddenFlag } from './hidden-flag/hidden-flag.js';
export { Nip82RecordViewer } from './record-viewer/record-viewer.js';
export { Nip82ConsentPrompt } from './consent-prompt/consent-prompt.js';
export { Nip82AccessList } from './access-list/access-list.js';
export { Nip82Element, CancelledError, type Status } from './shared/base.js';
export { Nip82Event, type Nip82EventName, type Nip82EventDetails, type Nip82ErrorCode, type SignerAction } from './shared/events.js';
export { sessionContext, type SessionValue } from './shared/context.js';
export { LANGUAGES, type Language } from './shared/strings.js';
export { loadLanguage } from './shared/language-packs.js';
// Each element's string keys, by the names the README and the reference give them, for a host's own tables of overrides.
export type { SessionStrings } from './session/session.strings.js';
export type { NpubPickerStrings } from './npub-picker/npub-picker.strings.js';
export type { HiddenFlagStrings } from './hidden-flag/hidden-flag.strings.js';
export type { RecordViewerStrings } from './record-viewer/record-viewer.strings.js';
export type { CodeSet } from './record-viewer/code-words.js';
export type { ConsentPromptStrings } from './consent-prompt/consent-prompt.strings.js';
export type { PieceState } from './consent-prompt/signed-action.js';
export type { AccessListStrings } from './access-list/access-list.strings.js';
export * from './core/index.js';
