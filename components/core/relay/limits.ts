/**
 * What a relay may make the reader do: how long one message may be, and how its refusals read.
 */

/**
 * Longest relay message read, in characters. The largest event the kit makes or reads (a gift
 * wrap around a record-sized rumor) is under 200 KB; anything longer is dropped unparsed.
 */
export const MAX_MESSAGE_CHARS = 512 * 1024;

/**
 * True when a relay's refusal carries NIP-42's machine-readable `auth-required:` prefix, wherever
 * the relay put it (some write "ERROR: auth-required: ...").
 */
export function isAuthRequired(reason: string): boolean {
  return /(?:^|[\s:])auth-required:/i.test(reason);
}

/**
 * A WebSocket class whose `onmessage` never sees a message longer than `maxChars`: such messages
 * are dropped before anything parses them.
 */
export function cappedWebSocket(Base: typeof WebSocket, maxChars: number): typeof WebSocket {
  const accessor = findAccessor(Base.prototype, 'onmessage');
  if (!accessor?.set || !accessor.get) return Base;
  const set = accessor.set;
  const get = accessor.get;
  class CappedWebSocket extends Base {
    constructor(...args: ConstructorParameters<typeof WebSocket>) {
      super(...args);
      Object.defineProperty(this, 'onmessage', {
        configurable: true,
        get: () => get.call(this),
        set: (handler: ((event: MessageEvent) => void) | null) => {
          set.call(this, handler && ((event: MessageEvent) => {
            const data: unknown = event.data;
            if (typeof data === 'string' ? data.length > maxChars : !(typeof data === 'object' && data !== null && 'byteLength' in data && (data as ArrayBuffer).byteLength <= maxChars)) return;
            handler.call(this, event);
          }));
        },
      });
    }
  }
  return CappedWebSocket;
}

function findAccessor(proto: object | null, name: string): PropertyDescriptor | undefined {
  for (let p = proto; p; p = Object.getPrototypeOf(p)) {
    const d = Object.getOwnPropertyDescriptor(p, name);
    if (d) return d;
  }
  return undefined;
}
