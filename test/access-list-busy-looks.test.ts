/**
 * A revocation under way marks every Revoke button busy (aria-disabled): a press does nothing, and
 * the button must look it, whatever colours it is drawn in. A host that themes `::part(button)`
 * gives it colours and an edge of its own; high contrast (forced colours) replaces every colour
 * with the system's. In both, a busy button looks unlike a free one. Compared as the browser
 * computes them, in Chromium.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../components/access-list/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { RelayClient } from '../components/core/relay/client.js';
import { person, recordAbout, relayUrl, silentAt } from './helpers.js';
import { root } from './element-helpers.js';
import { waitUntil } from './wait.js';
import { revocationHeldAtSigner } from './revocation-held.js';

/** What a person sees of a button's state: the ink of its words, its edge. */
const look = (button: Element) => {
  const c = getComputedStyle(button);
  return { ink: c.webkitTextFillColor, edge: `${c.borderTopStyle} ${c.borderTopColor}` };
};

/** A system colour as the browser computes it. */
function systemColour(name: string): string {
  const probe = document.body.appendChild(document.createElement('div'));
  probe.style.color = name;
  const colour = getComputedStyle(probe).color;
  probe.remove();
  return colour;
}

/**
 * A clinic's list whose revocation of the patient is held at the signer, `page` around it: the
 * look of a colleague's Revoke button free (before) and busy (while held), then the revocation let go.
 */
async function revokeButtonLooks(page: (list: unknown) => unknown) {
  const url = await relayUrl('main');
  const [clinic, patient, colleague] = [await person(), await person(), await person()];
  const quiet = silentAt(clinic.signer);
  const events = await createRecord({ bundle: recordAbout('Ana Rivera', 'Flu', patient), author: clinic.signer, participants: [{ pubkey: patient.pubkey, role: 'editor' }, { pubkey: colleague.pubkey, role: 'viewer' }] });
  const client = new RelayClient({ relays: [url] });
  try {
    await client.publishAll(events);
    const record = await openRecord(events, clinic.signer);
    const wrapper = await fixture(html`<div>${page(html`<nip82-access-list lang="en" .records=${[record]} .signer=${quiet.signer} relays=${url}></nip82-access-list>`)}</div>`);
    const el = wrapper.querySelector<Nip82AccessList>('nip82-access-list')!;
    const button = () => root(el).querySelector(`[part=person][data-pubkey="${colleague.pubkey}"] button.revoke`)!;
    await waitUntil(() => button(), 'the colleague\'s Revoke button');
    const free = look(button());
    await revocationHeldAtSigner(el, patient.pubkey, quiet);
    expect(button().getAttribute('aria-disabled')).to.equal('true');
    const busy = look(button());
    quiet.release();
    await waitUntil(() => el.status === 'done', 'revoked', { timeout: 20000 });
    return { free, busy };
  } finally {
    client.close();
  }
}

describe('<nip82-access-list>: a busy Revoke button looks busy', function () {
  this.timeout(60000);

  it('when the host themes ::part(button) with colours and an edge of its own', async () => {
    const { free, busy } = await revokeButtonLooks((list) => html`
      <style>
        .themed nip82-access-list::part(button) { color: rgb(255, 255, 255); background: rgb(0, 0, 128); border: 2px solid rgb(255, 255, 255); }
      </style>
      <div class="themed">${list}</div>`);
    expect(free, 'a free button in the host\'s colours').to.deep.equal({ ink: 'rgb(255, 255, 255)', edge: 'solid rgb(255, 255, 255)' });
    expect(busy.ink, 'the words of a busy button, faded from the host\'s white').to.not.equal(free.ink);
    expect(busy.edge, 'the edge of a busy button').to.not.equal(free.edge);
  });

  describe('in forced colours (high contrast)', () => {
    before(async () => {
      await emulateMedia({ forcedColors: 'active' } as never);
      expect(matchMedia('(forced-colors: active)').matches, 'forced colours emulated').to.equal(true);
    });
    after(async () => {
      await emulateMedia({ forcedColors: 'none' } as never);
    });

    it('is drawn in the system\'s colour for what cannot be used now', async () => {
      const { free, busy } = await revokeButtonLooks((list) => list);
      const unavailable = systemColour('GrayText');
      expect(free.ink, 'a free button').to.not.equal(unavailable);
      expect(busy, 'a busy button').to.deep.equal({ ink: unavailable, edge: `dashed ${unavailable}` });
    });
  });
});
