/**
 * A page without TypeScript hands the elements what it has: an override of the wrong kind in
 * `.strings`, or an object written as an attribute by a framework that met the tag before it was
 * defined. The element still shows its words (the built-in ones, or the page's text as it is),
 * and the console names the mistake, once.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/hidden-flag/define.js';
import '../components/session/define.js';
import type { Nip82HiddenFlag } from '../components/hidden-flag/hidden-flag.js';
import type { HiddenFlagStrings } from '../components/hidden-flag/hidden-flag.strings.js';
import type { Nip82Session } from '../components/session/session.js';
import type { SessionStrings } from '../components/session/session.strings.js';
import { buttonByText } from './element-helpers.js';

/** The console's warnings while `run` runs. */
async function warningsOf(run: () => Promise<void>): Promise<string[]> {
  const said: string[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => { said.push(args.map(String).join(' ')); };
  try {
    await run();
  } finally {
    console.warn = warn;
  }
  return said;
}

const title = (el: Element) => el.shadowRoot!.querySelector('[part=title]')?.textContent?.trim();

describe('overrides and attributes of the wrong kind', () => {
  it('a plain string where the flag\'s count title is a function: the flag shows that text, and the console says so once', async () => {
    const said = await warningsOf(async () => {
      const el = await fixture<Nip82HiddenFlag>(html`<nip82-hidden-flag disclose="count" count="3"></nip82-hidden-flag>`);
      el.strings = { countTitle: 'Items were withheld' } as unknown as Partial<HiddenFlagStrings>;
      await el.updateComplete;
      expect(title(el)).to.equal('Items were withheld');
      el.count = 4;
      await el.updateComplete;
      expect(title(el)).to.equal('Items were withheld');
    });
    expect(said.filter((line) => line.includes('countTitle')), 'warnings').to.have.length(1);
  });

  it('a number where the flag expects text: the built-in words stay', async () => {
    const said = await warningsOf(async () => {
      const el = await fixture<Nip82HiddenFlag>(html`<nip82-hidden-flag disclose="flag"></nip82-hidden-flag>`);
      el.strings = { flagTitle: 42 } as unknown as Partial<HiddenFlagStrings>;
      await el.updateComplete;
      expect(title(el)).to.equal('Some items were withheld by the patient');
    });
    expect(said.some((line) => line.includes('flagTitle')), 'warned').to.equal(true);
  });

  it('an undefined override keeps the button\'s built-in name', async () => {
    const session = await fixture<Nip82Session>(html`<nip82-session></nip82-session>`);
    session.strings = { useExtension: undefined, showCode: 'Scan a code' } as Partial<SessionStrings>;
    await session.updateComplete;
    expect(!!buttonByText(session, 'Use my browser extension'), 'the extension button keeps its name').to.equal(true);
    expect(!!buttonByText(session, 'Scan a code'), 'the override next to it still applies').to.equal(true);
  });

  it('a signer written as an attribute (React 19 before the tag was defined) is named in the console', async () => {
    const said = await warningsOf(async () => {
      await fixture(html`<nip82-session signer="[object Object]" knownnames="[object Object]"></nip82-session>`);
    });
    expect(said.some((line) => /nip82-session.*signer attribute/.test(line)), `warnings: ${said.join(' | ')}`).to.equal(true);
    expect(said.some((line) => /nip82-session.*knownnames attribute/.test(line)), `warnings: ${said.join(' | ')}`).to.equal(true);
  });
});
