// A test-runner command that lists the headings of the page running a test file as Chromium's
// accessibility tree holds them, in document order: executeServerCommand('headings') gives
// [{ name, level }]. The tree is the browser's own, so a test sees the levels assistive
// technology reads (an `aria-level` on a heading tag included), across shadow roots.
export function headingsPlugin() {
  return {
    name: 'headings',
    async executeCommand({ command, session }) {
      if (command !== 'headings') return undefined;
      if (session.browser.type !== 'playwright') throw new Error('headings: only the Playwright launcher is supported');
      const page = session.browser.getPage(session.id);
      const cdp = await page.context().newCDPSession(page);
      try {
        const { nodes } = await cdp.send('Accessibility.getFullAXTree');
        const byId = new Map(nodes.map((n) => [n.nodeId, n]));
        const found = [];
        const walk = (node) => {
          if (!node) return;
          if (!node.ignored && node.role?.value === 'heading') {
            const level = node.properties?.find((p) => p.name === 'level')?.value?.value;
            found.push({ name: String(node.name?.value ?? '').trim(), level: Number(level) });
          }
          for (const id of node.childIds ?? []) walk(byId.get(id));
        };
        walk(nodes.find((n) => !n.parentId));
        return found;
      } finally {
        await cdp.detach().catch(() => undefined);
      }
    },
  };
}
