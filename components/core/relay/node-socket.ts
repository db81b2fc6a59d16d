/**
 * The WebSocket class a host gave nostr-tools (`useWebSocketImplementation`, as Node 20 needs): the
 * kit's pool asks only where the platform has none, so a browser never loads nostr-tools' pool.
 */
import { SimplePool } from 'nostr-tools/pool';

export const hostWebSocket = (): typeof WebSocket | undefined => Reflect.get(new SimplePool(), '_WebSocket') as typeof WebSocket | undefined;
