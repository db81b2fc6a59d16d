/** One relay client shared by a group of tests, the setup most element tests begin with. */
import { RelayClient } from '../components/core/relay/client.js';
import { relayUrl, type RelayName } from './helpers.js';

export interface SharedRelayClient {
  /** The relay's address, as elements under test are given it. */
  readonly url: string;
  /** A client of that relay alone, to publish what a test needs there and to read what reached it. */
  readonly client: RelayClient;
}

/**
 * Opens a client of the test runner's relay `name` before the enclosing group's tests and closes
 * it after them. Call it in a `describe` body; read `url` and `client` inside hooks and tests only,
 * since neither exists before the group starts.
 */
export function sharedRelayClient(name: RelayName = 'main'): SharedRelayClient {
  let url: string | undefined;
  let client: RelayClient | undefined;
  before(async () => {
    url = await relayUrl(name);
    client = new RelayClient({ relays: [url] });
  });
  after(() => client?.close());
  // A read before the group starts would otherwise pass `undefined` on and fail far from here.
  const notYet = (what: string): never => { throw new Error(`the ${name} relay's ${what} is read before its group's tests start`); };
  return {
    get url() { return url ?? notYet('address'); },
    get client() { return client ?? notYet('client'); },
  };
}
