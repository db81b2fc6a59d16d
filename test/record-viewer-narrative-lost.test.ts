/**
 * When the page's server cannot give the narrative sanitiser (a dropped connection), the fetch
 * fails for real here (scripts/wtr-lost-module-plugin.mjs): "Show original text" shows nothing of
 * the records' own text, never that text unsanitised, and the viewer says that the original text
 * is not shown and to try again, in Spanish too. Once the connection is back, its "Try again"
 * shows the text: no reload needed.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { $, buttonByText, text } from './element-helpers.js';
import { waitUntil } from './wait.js';

const SANITIZER_MODULE = '/components/shared/sanitize';
const aborted = async () => (await executeServerCommand<string[], undefined>('lost-module-requests'))!;

/** An allergy whose narrative says what its author wrote. */
const written = () => ({
  resourceType: 'Bundle',
  type: 'collection',
  entry: [{
    fullUrl: 'urn:uuid:0b7f3c1e-2a4d-4c1e-9a43-000000000002',
    resource: {
      resourceType: 'AllergyIntolerance', id: '0b7f3c1e-2a4d-4c1e-9a43-000000000002', code: { text: 'Latex' }, patient: { display: 'Ana' },
      text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml"><p>Hives within minutes of a latex glove.</p></div>' },
    },
  }],
});

describe('<nip82-record-viewer> when its narrative sanitiser could not be fetched', () => {
  before(async () => {
    await executeServerCommand('lose-module', { path: SANITIZER_MODULE });
  });

  it('says the original text is not shown and to try again; once the connection is back, "Try again" shows it', async () => {
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer .bundle=${written()}></nip82-record-viewer>`);
    await el.updateComplete;
    expect($(el, '.lost-part'), 'said before the text was asked for').to.equal(null);
    buttonByText(el, 'Show original text')!.click();
    await waitUntil(() => $(el, '.lost-part'), 'the loss was never said');
    expect((await aborted()).length, 'the sanitiser was requested, and the request failed').to.be.greaterThan(0);
    expect(text($(el, '.lost-part p'))).to.equal('Part of this page could not be loaded, so the original text of these records is not shown. Check your internet connection, then try again.');
    expect(text($(el, '.own-text'))).to.equal('');
    el.lang = 'es';
    await waitUntil(() => text($(el, '.lost-part p')) === 'No se pudo cargar una parte de esta página, así que no se muestra el texto original de estos historiales. Compruebe su conexión a internet y vuelva a intentarlo.', `in Spanish: ${text($(el, '.lost-part'))}`);
    el.lang = 'en';
    await waitUntil(() => text($(el, '.lost-part button')) === 'Try again', 'no button to try again');
    await expect(el).to.be.accessible();

    await executeServerCommand('find-module', { path: SANITIZER_MODULE });
    const again = $<HTMLButtonElement>(el, '.lost-part button')!;
    again.focus();
    again.click();
    await waitUntil(() => text($(el, '.own-text')) === 'Hives within minutes of a latex glove.', `the text never showed: ${text($(el, '.lost-part'))}`);
    await el.updateComplete;
    expect($(el, '.lost-part')).to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal($(el, 'article[part=record] h2'));
  });
});
