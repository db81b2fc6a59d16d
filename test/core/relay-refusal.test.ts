/**
 * The kind of a relay's refusal, from NIP-01's machine-readable prefix of its OK or CLOSED message
 * alone, and the words each kind is said in: the kit's own, in English and Spanish, never a
 * protocol word.
 */
import { expect } from '@open-wc/testing';
import { refusalKind, type RefusalKind } from '../../components/core/relay/refusal.js';
import { consentPromptStrings } from '../../components/consent-prompt/consent-prompt.strings.js';
import { consentPromptStringsEs } from '../../components/consent-prompt/consent-prompt.strings.es.js';
import { accessListStrings } from '../../components/access-list/access-list.strings.js';
import { accessListStringsEs } from '../../components/access-list/access-list.strings.es.js';

const PREFIXES = ['duplicate', 'pow', 'blocked', 'rate-limited', 'invalid', 'restricted', 'mute', 'error', 'auth-required'] as const satisfies readonly RefusalKind[];

describe('refusalKind: a relay refusal by its NIP-01 prefix', () => {
  for (const prefix of PREFIXES) {
    it(`"${prefix}:" is ${prefix}, in any case and with spaces around it`, () => {
      expect(refusalKind(`${prefix}: some words of the relay`)).to.equal(prefix);
      expect(refusalKind(`${prefix}:`)).to.equal(prefix);
      expect(refusalKind(`  ${prefix.toUpperCase()} :words`)).to.equal(prefix);
      expect(refusalKind(`\t${prefix[0]!.toUpperCase()}${prefix.slice(1)}:\nwords`)).to.equal(prefix);
    });
  }

  it('a generic "error:" before a telling prefix is that one; before anything else it stays error', () => {
    expect(refusalKind('ERROR: auth-required: sign in')).to.equal('auth-required');
    expect(refusalKind('error: rate-limited: slow down')).to.equal('rate-limited');
    expect(refusalKind('error: blocked:')).to.equal('blocked');
    expect(refusalKind('error: the relay is busy; send it again')).to.equal('error');
    expect(refusalKind('error: error: twice')).to.equal('error');
    expect(refusalKind('error: unknown-thing: words')).to.equal('error');
    // Only "error:" gives way: another prefix keeps its own kind whatever follows.
    expect(refusalKind('blocked: rate-limited: words')).to.equal('blocked');
  });

  it('without a prefix the kit knows, other', () => {
    for (const reason of [undefined, '', ' ', 'blocked', 'blocked pubkey', 'rate limited: slow down', 'Call +1 555 0100: your records are locked', 'bloqueado: cuenta', 'spam: no', ': blocked', 'not blocked: words', '"blocked": words', 'blocked-ish: words', 'pow2: x']) {
      expect(refusalKind(reason), JSON.stringify(reason)).to.equal('other');
    }
  });

  it('very long text: only its head is read, and a prefix far into it is none', () => {
    expect(refusalKind(`blocked: ${'x'.repeat(1_000_000)}`)).to.equal('blocked');
    expect(refusalKind(`${' '.repeat(100)}blocked: words`)).to.equal('other');
    expect(refusalKind(`${'a'.repeat(100_000)}: words`)).to.equal('other');
    expect(refusalKind(`${'words '.repeat(10_000)}blocked: words`)).to.equal('other');
    // A reason made to slow a careless pattern down ends at once.
    const started = performance.now();
    refusalKind(`${' '.repeat(50)}${'-'.repeat(500_000)}`);
    expect(performance.now() - started).to.be.lessThan(200);
  });
});

describe('the words each kind of refusal is said in', () => {
  const tables = { consentPromptStrings: [consentPromptStrings.en, consentPromptStringsEs], accessListStrings: [accessListStrings.en, accessListStringsEs] } as const;
  // NIP-01's prefixes, and the protocol's other parts, are no words for a patient.
  const protocol = /duplicate|pow(?![\p{L}])|blocked|rate-limited|invalid|restricted|mute|error|auth|relay|rel[eé]|nostr|NIP/iu;

  for (const [name, [en, es]] of Object.entries(tables)) {
    it(`${name}: a plain sentence per kind, in English and in Spanish (usted), and none for other`, () => {
      for (const kind of PREFIXES) {
        for (const [lang, table] of [['en', en], ['es', es]] as const) {
          const why = table.refusedWhy(kind);
          expect(why, `${lang} ${kind}`).to.match(/\p{L}{2,}/u);
          expect(why, `${lang} ${kind}`).not.to.match(protocol);
        }
        expect(es.refusedWhy(kind), `es ${kind}: Spanish, not English`).not.to.equal(en.refusedWhy(kind));
        expect(es.refusedWhy(kind), `es ${kind}: usted`).not.to.match(/(^|[^\p{L}])(tú|tu|tus|te|ti|puedes|tienes|vuelve|inicia)(?![\p{L}])/iu);
      }
      expect(en.refusedWhy('other')).to.equal('');
      expect(es.refusedWhy('other')).to.equal('');
    });

    it(`${name}: a refused line is the head word and the kit's why, with the relay's reason given but not said`, () => {
      const reason = 'blocked: Call +1 555 0100 to unlock your records';
      const enLine = en.receiptStatus('rejected', 0, 1, reason, undefined, '0', '1', en.refusedWhy(refusalKind(reason)));
      const esLine = es.receiptStatus('rejected', 0, 1, reason, undefined, '0', '1', es.refusedWhy(refusalKind(reason)));
      expect(enLine).to.match(/^(refused|rejected): this server does not accept your account$/);
      expect(esLine).to.equal('rechazado: este servidor no acepta su cuenta');
      // A caller that gives no why (written before it existed) gets the head word alone, never the reason.
      expect(en.receiptStatus('rejected', 0, 1, reason, undefined, '0', '1')).to.match(/^(refused|rejected)$/);
      expect(es.receiptStatus('rejected', 0, 1, reason, undefined, '0', '1')).to.equal('rechazado');
    });
  }
});
