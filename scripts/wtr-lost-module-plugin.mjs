// A test-runner command that makes the page's server unreachable for one module, as a dropped
// connection would, so that a test provokes a part's failed fetch for real rather than through a
// hook in the element: executeServerCommand('lose-module', { path }) aborts every later request of
// the calling test file's page whose URL path starts with `path` (e.g.
// '/components/record-viewer/record-search'); 'lost-module-requests' returns the URLs aborted so
// far in that page. Each test file has a page (and browser context) of its own: files running side
// by side still get the module. 'find-module' ({ path }) ends the loss, as a connection coming back
// would: later requests for the module reach the server again.
//
// 'hold-module' ({ path }) holds every later request for such a module instead, as a slow
// connection would, until 'release-module' ({ path }) lets the held ones (and every later one)
// through; 'held-module-requests' returns the URLs held so far (released or not), so that a test
// waits until the part is on its way rather than for a time.
export function lostModulePlugin() {
  const aborted = new Map();
  const held = new Map();
  /** Per page and path: the requests waiting for a release, or true once released. */
  const holds = new Map();
  /** Per page and path: the route that aborts its requests, until 'find-module' takes it away. */
  const losses = new Map();

  function pageOf(session, command, payload) {
    const path = payload?.path;
    if (typeof path !== 'string' || !path.startsWith('/')) throw new Error(`${command}: a URL path is needed`);
    if (session.browser.type !== 'playwright') throw new Error(`${command}: needs the Playwright launcher`);
    return { page: session.browser.getPage(session.id), path };
  }

  return {
    name: 'lost-module',
    async executeCommand({ command, payload, session }) {
      if (command === 'lost-module-requests') return aborted.get(session.id) ?? [];
      if (command === 'held-module-requests') return held.get(session.id) ?? [];
      if (command === 'lose-module') {
        const { page, path } = pageOf(session, command, payload);
        const urls = aborted.get(session.id) ?? [];
        aborted.set(session.id, urls);
        const matches = (url) => url.pathname.startsWith(path);
        const lose = (route) => {
          urls.push(route.request().url());
          return route.abort('internetdisconnected');
        };
        losses.set(`${session.id} ${path}`, { matches, lose });
        await page.route(matches, lose);
        return true;
      }
      if (command === 'find-module') {
        const { page, path } = pageOf(session, command, payload);
        const key = `${session.id} ${path}`;
        const loss = losses.get(key);
        if (!loss) throw new Error(`find-module: ${path} was not lost`);
        losses.delete(key);
        await page.unroute(loss.matches, loss.lose);
        return true;
      }
      if (command === 'hold-module') {
        const { page, path } = pageOf(session, command, payload);
        const urls = held.get(session.id) ?? [];
        held.set(session.id, urls);
        const key = `${session.id} ${path}`;
        holds.set(key, []);
        await page.route(
          (url) => url.pathname.startsWith(path),
          (route) => {
            urls.push(route.request().url());
            const waiting = holds.get(key);
            if (Array.isArray(waiting)) waiting.push(route);
            else return route.continue();
            return undefined;
          },
        );
        return true;
      }
      if (command === 'release-module') {
        const { path } = pageOf(session, command, payload);
        const key = `${session.id} ${path}`;
        const waiting = holds.get(key);
        holds.set(key, true);
        if (Array.isArray(waiting)) await Promise.all(waiting.map((route) => route.continue()));
        return true;
      }
      return undefined;
    },
  };
}
