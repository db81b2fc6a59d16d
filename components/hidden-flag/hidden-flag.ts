import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { Disclosure, Withheld } from '../core/fhir/withheld.js';
import { checkChoice, localeOf, resolveStrings } from '../shared/strings.js';
import { formatCount } from '../shared/numbers.js';
import { LocalizedElement } from '../shared/localized-element.js';
import { tokens } from '../shared/styles.js';
import { hiddenFlagStyles } from './hidden-flag.styles.js';
import { hiddenFlagStrings, type HiddenFlagStrings } from './hidden-flag.strings.js';
import { groupKinds, isCount } from '../shared/withheld-kinds.js';

const DISCLOSURES: readonly Disclosure[] = ['flag', 'count', 'count-and-kind'];


/** Accepts `kinds="Condition,Condition,Observation"` in HTML; the property takes counts per type. */
export const kindsConverter = {
  fromAttribute(value: string | null): Record<string, number> | undefined {
    if (!value) return undefined;
    const kinds: Record<string, number> = {};
    for (const type of value.split(/[\s,]+/).filter(Boolean)) kinds[type] = (kinds[type] ?? 0) + 1;
    return kinds;
  },
};

/**
 * Tells a clinician that the patient (or, on an animal's record, its owner) withheld items from
 * what they are reading, as much as they chose to disclose (only that, how many, or how many of
 * which kind), and that it is worth asking them. Renders nothing when nothing was withheld.
 *
 * @summary The hidden-item flag of a shared record.
 * @tag nip82-hidden-flag
 *
 * @csspart base - The note.
 * @csspart icon - The decorative icon.
 * @csspart title - "The patient withheld N items from this record" ("The owner…" for an animal).
 * @csspart kinds - The kinds in plain words, when disclosed.
 * @csspart explanation - Why items are missing and that it is worth asking.
 *
 * @cssproperty --nip82-hidden-flag-background - Background of the note.
 * @cssproperty --nip82-hidden-flag-color - Text and icon colour.
 * @cssproperty --nip82-hidden-flag-border - Border shorthand of the note.
 *
 * @status experimental
 */
export class Nip82HiddenFlag extends LocalizedElement {
  static override styles = [tokens, hiddenFlagStyles];

  /**
   * How many items were withheld, when the patient disclosed it: a whole number up to
   * `Number.MAX_SAFE_INTEGER`; any other is no count (the flag then only says that items were withheld).
   */
  @property({ type: Number }) count?: number;

  /** Withheld items per FHIR resource type; in HTML a comma list like `Condition,Condition,Observation`. */
  @property({ converter: kindsConverter }) kinds?: Record<string, number>;

  /** What the patient disclosed: `flag`, `count` or `count-and-kind`. Without it nothing is shown. */
  @property() disclose?: Disclosure;

  /**
   * Whose record it is: `animal` for an animal's (a FHIR Patient with the animal extension), whose
   * owner chose what to withhold, so the flag speaks of the owner (the `…Owner` strings), not of
   * the patient; anything else is a person's record.
   */
  @property() subject?: 'person' | 'animal';

  /** Overrides for the built-in strings. */
  @property({ attribute: false }) strings?: Partial<HiddenFlagStrings>;

  /** The core's reading of the marker (`record.withheld`); sets `disclose`, `count` and `kinds` at once. */
  @property({ attribute: false })
  get withheld(): Withheld | undefined {
    return this.disclose ? { disclose: this.disclose, count: this.count, kinds: this.kinds } : undefined;
  }
  set withheld(value: Withheld | undefined) {
    this.disclose = value?.disclose;
    this.count = value?.count;
    this.kinds = value?.kinds;
  }

  protected override willUpdate(): void {
    // A count or kinds without `disclose` shows nothing: said as an empty `disclose`.
    checkChoice(this, 'disclose', this.disclose ?? (this.count != null || this.kinds ? '' : undefined), DISCLOSURES);
  }

  /** Whether the flag is showing (false when nothing was withheld). */
  get visible(): boolean {
    return this.view() !== undefined;
  }

  /** What may be shown, within what the patient disclosed; undefined when nothing was withheld. */
  private view(): { count?: number; kinds: [string, number][] } | undefined {
    const disclose = this.disclose;
    if (!disclose || !DISCLOSURES.includes(disclose)) return undefined;
    const kinds = disclose === 'count-and-kind' ? groupKinds(this.kinds) : [];
    const sum = kinds.reduce((n, [, k]) => n + k, 0);
    // A count past the exact whole numbers (from untrusted data) is none: never "1e+21 items".
    const count = disclose === 'flag' ? undefined : isCount(this.count) ? this.count : kinds.length && isCount(sum) ? sum : undefined;
    // A disclosed count of zero means nothing was withheld; a bare flag always means something was.
    if (count === 0 || (disclose !== 'flag' && isCount(this.count) && this.count === 0)) return undefined;
    return { count, kinds };
  }

  override render() {
    const view = this.view();
    if (!view) return nothing;
    const s = resolveStrings(hiddenFlagStrings, this, this.strings);
    const lang = localeOf(this);
    const kinds = view.kinds.map(([type, n]) => s.kind(type, n, formatCount(n, lang)));
    const owner = this.subject === 'animal';
    const title = view.count === undefined ? (owner ? s.flagTitleOwner : s.flagTitle) : (owner ? s.countTitleOwner : s.countTitle)(view.count, formatCount(view.count, lang));
    return html`
      <div class="base" part="base" role="note">
        <svg class="icon" part="icon" aria-hidden="true" focusable="false" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
          <path d="M3 3l18 18" />
          <path d="M10.6 5.1A10.5 10.5 0 0 1 12 5c5 0 9 4.5 10 7a13 13 0 0 1-2.6 3.6M6.2 6.3C3.9 7.7 2.5 10 2 12c1 2.5 5 7 10 7a10 10 0 0 0 5.6-1.7" />
          <path d="M9.9 9.9a3 3 0 0 0 4.2 4.2" />
        </svg>
        <div class="text">
          <p class="title" part="title">${title}</p>
          ${kinds.length ? html`<p class="kinds" part="kinds">${s.kindsList(kinds)}</p>` : nothing}
          <p class="explanation" part="explanation">${owner ? s.explanationOwner : s.explanation}</p>
        </div>
      </div>
    `;
  }
}
