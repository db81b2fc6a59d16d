/**
 * A name's server is anyone's: looking a name up, or checking one, must not tell it which portal
 * the person is on (a clinic's or a therapist's portal names the care the person gets there).
 */
import { expect } from '@open-wc/testing';
import { lookUpName } from '../components/npub-picker/name-lookup.js';

const realFetch = window.fetch.bind(window);

describe('<nip82-npub-picker> name lookups', () => {
  let asked: Request[] = [];
  before(() => {
    window.fetch = async (url: string | URL | Request, init?: RequestInit) => {
      asked.push(new Request(url, init));
      return new Response(JSON.stringify({ names: { desk: 'a'.repeat(64) } }), { status: 200 });
    };
  });
  after(() => {
    window.fetch = realFetch;
  });

  it('send the name server no address of the page the person is on', async () => {
    asked = [];
    expect(await lookUpName('desk@clinic.example')).to.equal('a'.repeat(64));
    expect(asked).to.have.length(1);
    expect(asked[0]!.url).to.equal('https://clinic.example/.well-known/nostr.json?name=desk');
    expect(asked[0]!.referrerPolicy, 'the request is sent without a Referer').to.equal('no-referrer');
    expect(asked[0]!.credentials).to.equal('omit');
  });
});
