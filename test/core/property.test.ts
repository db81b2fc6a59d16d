import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { createRecord, openRecord, revokeAccess, type OpenedRecord, type Role } from '../../components/core/nip82/record.js';
import { RecordError } from '../../components/core/errors.js';
import type { NostrEvent } from '../../components/core/events.js';
import { itemsOf, person, sampleBundle, type Person } from '../helpers.js';

describe('properties', () => {
  let people: Person[];
  before(async () => {
    people = await Promise.all(Array.from({ length: 5 }, () => person()));
  });

  it('revoking anyone: they cannot open the new version, everyone kept opens it in their role', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom<Role>('editor', 'viewer'), { minLength: 4, maxLength: 4 }),
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }),
        async (roles, revokeOrder) => {
          const owner = people[0]!;
          const others = people.slice(1).map((p, i) => ({ person: p, role: roles[i]! }));
          let events: NostrEvent[] = await createRecord({
            bundle: sampleBundle(), author: owner.signer,
            participants: others.map((o) => ({ pubkey: o.person.pubkey, role: o.role })),
          });
          let record: OpenedRecord = await openRecord(events, owner.signer);
          const kept = new Map(others.map((o) => [o.person.pubkey, o]));
          for (const index of new Set(revokeOrder)) {
            const target = people[index]!;
            const change = await revokeAccess(record, target.pubkey);
            const wasEditor = kept.get(target.pubkey)!.role === 'editor';
            kept.delete(target.pubkey);
            events = change.events.filter((e) => e.kind === 32225);
            record = change.record;
            expect(Boolean(change.moved)).to.equal(wasEditor);
            let refused: unknown;
            try {
              await openRecord(events, target.signer);
            } catch (e) {
              refused = e;
            }
            expect(refused).to.be.instanceOf(RecordError);
            expect((refused as RecordError).code).to.equal('not-a-participant');
            for (const { person: p, role } of kept.values()) {
              const opened = await openRecord(events, p.signer);
              expect(opened.role).to.equal(role);
              expect(itemsOf(opened.bundle)).to.have.length(4);
            }
            expect((await openRecord(events, owner.signer)).participants!.length).to.equal(kept.size + 1);
          }
        },
      ),
      { numRuns: 12 },
    );
  });

  it('any mutation of a record\'s bytes gives a RecordError or the very same bundle, never a crash or a wrong bundle', async () => {
    const reader = people[1]!;
    const [event] = await createRecord({ bundle: sampleBundle(), author: people[0]!.signer, participants: [{ pubkey: reader.pubkey, role: 'viewer' }] });
    const original = JSON.stringify((await openRecord([event!], reader.signer)).bundle);
    const bytes = new TextEncoder().encode(JSON.stringify(event));
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat({ max: bytes.length - 1 }), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 4 }),
        async (flips) => {
          const mutated = Uint8Array.from(bytes);
          for (const [at, xor] of flips) mutated[at] = mutated[at]! ^ xor;
          let value: unknown;
          try {
            value = JSON.parse(new TextDecoder().decode(mutated));
          } catch {
            value = new TextDecoder().decode(mutated); // not JSON any more: hand over the raw text
          }
          try {
            const opened = await openRecord([value], reader.signer);
            expect(JSON.stringify(opened.bundle)).to.equal(original);
          } catch (error) {
            expect(error, String(error)).to.be.instanceOf(RecordError);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
