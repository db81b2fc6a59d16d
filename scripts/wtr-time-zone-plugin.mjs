// A test-runner command that sets the time zone of the page running a test file, as a reader far
// from UTC has it: executeServerCommand('time-zone', { timeZone: 'America/New_York' }); an empty
// `timeZone` restores the machine's own. Each test file has its own page, so no other file sees it.
// Chromium only (the suite's one browser): through its DevTools protocol, whose session is kept
// open, since closing it would drop the override.
const sessions = new Map();

export function timeZonePlugin() {
  return {
    name: 'time-zone',
    async executeCommand({ command, payload, session }) {
      if (command !== 'time-zone') return undefined;
      if (session.browser.type !== 'playwright') throw new Error('time-zone: only the Playwright launcher is supported');
      const page = session.browser.getPage(session.id);
      let cdp = sessions.get(page);
      if (!cdp) {
        cdp = await page.context().newCDPSession(page);
        sessions.set(page, cdp);
        page.once('close', () => sessions.delete(page));
      }
      await cdp.send('Emulation.setTimezoneOverride', { timezoneId: String(payload?.timeZone ?? '') });
      return true;
    },
  };
}
