/**
 * The WebSocket class a host gave nostr-tools (`useWebSocketImplementation`, as Node 20 needs): the
 * kit's pool asks only where the platform has none, so a browser never loads nostr-tools' pool.
 */
import { SimplePool } from 'nostr-tools/pool';
import { RelayError } from '../errors.js';

/**
 * Throws `RelayError` `no-websocket` when the host gave nostr-tools no WebSocket: every relay would
 * otherwise be reported unreachable, and a read would look like one that found nothing.
 */
export function assertHostSocket(): void {
  if (!hostWebSocket()) throw new RelayError('no-websocket', "No WebSocket here: on Node 20, first give nostr-tools the ws package's (useWebSocketImplementation, nostr-tools/pool).");
}

export function hostWebSocket(): typeof WebSocket | undefined {
  const Socket = Reflect.get(new SimplePool(), '_WebSocket') as typeof WebSocket | undefined;
  if (!Socket) return undefined;
  let quiet = listened.get(Socket);
  if (!quiet) listened.set(Socket, (quiet = alwaysListened(Socket)));
  return quiet;
}

/** Each host class made quiet once (a new class per connection would be a new class per read). */
const listened = new WeakMap<typeof WebSocket, typeof WebSocket>();

/**
 * The host's WebSocket class, each socket with an 'error' listener of its own for its whole life.
 * A Node socket (an event emitter) throws an 'error' event no one listens to, which ends the
 * process; nostr-tools takes its own listener off as it gives a connection up, and a socket closed
 * while still connecting (a storage server that takes the connection and never answers it, closed
 * at the connection's deadline) reports that error only afterwards. What it says is already
 * known: the connection failed, and is reported as such.
 */
function alwaysListened(Socket: typeof WebSocket): typeof WebSocket {
  return class extends Socket {
    constructor(...args: ConstructorParameters<typeof WebSocket>) {
      super(...args);
      this.addEventListener('error', () => undefined);
    }
  };
}
