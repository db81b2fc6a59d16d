// A test-runner command that makes the page's server unreachable for one module, as a dropped
// connection would, so that a test provokes a part's failed fetch for real rather than through a
// hook in the element: executeServerCommand('lose-module', { path }) aborts every later request of
// the calling test file's page whose URL path starts with `path` (e.g.
// '/components/record-viewer/record-search'); 'lost-module-requests' returns the URLs aborted so
// far in that page. Each test file has a page (and browser context) of its own: files running side
// by side still get the module.
export function lostModulePlugin() {
  const aborted = new Map();
  return {
    name: 'lost-module',
    async executeCommand({ command, payload, session }) {
      if (command === 'lost-module-requests') return aborted.get(session.id) ?? [];
      if (command !== 'lose-module') return undefined;
      const path = payload?.path;
      if (typeof path !== 'string' || !path.startsWith('/')) throw new Error('lose-module: a URL path is needed');
      if (session.browser.type !== 'playwright') throw new Error('lose-module: needs the Playwright launcher');
      const page = session.browser.getPage(session.id);
      const urls = aborted.get(session.id) ?? [];
      aborted.set(session.id, urls);
      await page.route(
        (url) => url.pathname.startsWith(path),
        (route) => {
          urls.push(route.request().url());
          return route.abort('internetdisconnected');
        },
      );
      return true;
    },
  };
}
