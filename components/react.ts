/**
 * JSX typings for React 19. Import this module once, for its types only, and every kit tag is typed
 * in JSX: each element's public properties (from its class), and an `on<event-name>` handler for
 * every kit event, typed from the event's detail.
 *
 * ```ts
 * import type {} from 'nip82-elements/react';
 * ```
 *
 * React 19 sets a prop as a property when the element has one, so objects (`signer`, `bundle`,
 * `strings`) go straight in; `relays` takes a list or the attribute's space-separated string.
 * @packageDocumentation
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { LitElement } from 'lit';
import type { Nip82Session } from './session/session.js';
import type { Nip82NpubPicker } from './npub-picker/npub-picker.js';
import type { Nip82HiddenFlag } from './hidden-flag/hidden-flag.js';
import type { Nip82RecordViewer } from './record-viewer/record-viewer.js';
import type { Nip82ConsentPrompt } from './consent-prompt/consent-prompt.js';
import type { Nip82AccessList } from './access-list/access-list.js';
import type { Nip82Event, Nip82EventName } from './shared/events.js';
import type { RelayListInput } from './shared/base.js';

/** `on<event-name>` handlers for every kit event (events bubble, so any kit tag may hear any). */
export type Nip82EventHandlers = { [K in Nip82EventName as `on${K}`]?: (event: Nip82Event<K>) => void };

/** Whether two types are the same, `readonly` included. */
type Same<X, Y> = (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? true : false;

/**
 * The keys of `E` a host may set. A getter alone (`status`, `visible`) is left out: React 19 would
 * assign it as a property, which throws on a getter without a setter.
 */
type SettableKeys<E> = { [K in keyof E]-?: Same<{ [Q in K]: E[K] }, { -readonly [Q in K]: E[K] }> extends true ? K : never }[keyof E];

/** The element's own public, settable, non-method properties (what the class adds to LitElement), all optional. */
export type Nip82ElementProps<E extends LitElement> = {
  [K in Exclude<SettableKeys<E>, keyof LitElement> as E[K] extends (...args: never[]) => unknown ? never : K]?: K extends 'relays' ? RelayListInput : E[K];
};

/** Everything a kit tag takes in JSX: its properties, the kit's events, and React's usual attributes. */
export type Nip82JsxProps<E extends LitElement> = Nip82ElementProps<E> &
  Nip82EventHandlers &
  Omit<DetailedHTMLProps<HTMLAttributes<E>, E>, keyof Nip82ElementProps<E>>;

/** The kit's tags, for JSX. */
export interface Nip82IntrinsicElements {
  'nip82-session': Nip82JsxProps<Nip82Session>;
  'nip82-npub-picker': Nip82JsxProps<Nip82NpubPicker>;
  'nip82-hidden-flag': Nip82JsxProps<Nip82HiddenFlag>;
  'nip82-record-viewer': Nip82JsxProps<Nip82RecordViewer>;
  'nip82-consent-prompt': Nip82JsxProps<Nip82ConsentPrompt>;
  'nip82-access-list': Nip82JsxProps<Nip82AccessList>;
}

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface IntrinsicElements extends Nip82IntrinsicElements {}
  }
}
