import { html, nothing, type PropertyValues } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { property, state } from 'lit/decorators.js';
import { npubEncode } from 'nostr-tools/nip19';
import { MAX_PROFILE_CHARS } from '../core/relay/read-budget.js';
import type { StoreChange } from '../core/store/record-store.js';
import { Nip82Element, relayListConverter } from '../shared/base.js';
import { selfChosen } from '../shared/self-chosen.js';
import { whenLeft } from '../shared/left-page.js';
import { emit } from '../shared/events.js';
import { isolate, shortNpub } from '../shared/identity.js';
import { resolveStrings } from '../shared/strings.js';
import { tokens } from '../shared/styles.js';
import { npubPickerStyles } from './npub-picker.styles.js';
import { npubPickerStrings, type NpubPickerStrings } from './npub-picker.strings.js';
import { isPublicKey, parseRecipient } from '../shared/recipient-input.js';
import { presetRefusal } from '../shared/preset-refusal.js';
import { allowedPicture, newestProfiles, type ProfileInfo } from './profile.js';
import { lookUpName } from './name-lookup.js';

/** Options shown at once; more narrow down by typing. */
const MAX_OPTIONS = 50;
/** Profiles asked for in one query. */
const MAX_PROFILE_BATCH = 100;

type InputError = 'invalid' | 'secret' | 'lookup';
type Check = 'checking' | 'ok' | 'mismatch' | 'failed';
interface Suggestion {
  pubkey: string;
  npub: string;
  source: 'recent' | 'following';
}

/** Resolves a NIP-05 name to a usable public key, or undefined (not found, unreachable, malformed). */
async function resolveName(name: string): Promise<string | undefined> {
  const found = await lookUpName(name);
  const pubkey = typeof found === 'string' ? found.toLowerCase() : '';
  return isPublicKey(pubkey) ? pubkey : undefined;
}

/**
 * Choosing who to share with, safely: paste an npub, nprofile, hex key or `nostr:` URI, look up a
 * NIP-05 name, or pick from recent people and follows with the keyboard. A private key (nsec) is
 * refused and wiped from the field at once. The chosen person's name is cleaned, isolated and
 * always shown beside their key fingerprint, because names are not unique.
 *
 * @summary Recipient picker: npub, nprofile, hex, nostr: URI or NIP-05 name.
 * @tag nip82-npub-picker
 *
 * @fires nip82-npub-select - The user chose a recipient; detail `{ pubkey, npub }`.
 * @fires nip82-npub-clear - The user cleared the choice; detail `{}`.
 * @fires nip82-error - The `value` the page set is no public key (code `invalid-input`; a private key is also taken off the element), or an entry of `relays` is no ws:// or wss:// address (code `invalid-url`, once per list given); detail `{ code, message }`.
 *
 * @csspart base - The wrapper.
 * @csspart label - The field's label.
 * @csspart hint - What the field accepts.
 * @csspart input - The text field (a combobox).
 * @csspart lookup-button - "Look up" (NIP-05 names; makes a network request).
 * @csspart listbox - The suggestions.
 * @csspart option - One suggestion.
 * @csspart error - The inline error.
 * @csspart profile - The chosen person: picture, name, key fingerprint, NIP-05 claim.
 * @csspart picture - Their profile picture (https:, and only from the `picture-hosts`).
 * @csspart name - Their cleaned display name.
 * @csspart fingerprint - Their short npub.
 * @csspart warning - A warning about their name or NIP-05 claim.
 * @csspart nip05 - Their NIP-05 claim and its check.
 * @csspart verify-button - Checks their NIP-05 claim (makes a network request).
 * @csspart clear-button - Clears the choice.
 * @csspart button - Every button ("Look up", "Verify", "Clear"), beside its own part.
 * @csspart status - The polite live region.
 *
 * @cssproperty --nip82-npub-picker-input-width - Width of the text field.
 * @cssproperty --nip82-npub-picker-listbox-max-height - Height before the suggestions scroll.
 * @cssproperty --nip82-npub-picker-option-active-background - Background of the active suggestion.
 * @cssproperty --nip82-npub-picker-picture-size - Size of the profile picture.
 *
 * @status experimental
 */
export class Nip82NpubPicker extends Nip82Element {
  static override styles = [tokens, npubPickerStyles];
  // Typed as the DOM's own dictionary: inferred, the shipped declaration would copy this compiler's
  // version of its members and fail to type-check under a host's other TypeScript version.
  static override shadowRootOptions: ShadowRootInit = { ...Nip82Element.shadowRootOptions, delegatesFocus: true };

  /**
   * The chosen public key, 64 lowercase hex ('' when none). Setting it (hex in either case, an npub
   * or an nprofile) shows that person without an event; a value that is no public key chooses
   * nobody and fires `nip82-error` (code `invalid-input`).
   */
  @property() value = '';

  /** The field's label (default "Recipient"). */
  @property() label?: string;

  /**
   * Hex public keys the user follows, offered as suggestions. Inside a session they are the signed-in
   * person's: set back to undefined when they sign out or another account comes in.
   */
  @property({ attribute: false }) follows?: string[];

  /** Hex public keys the user chose recently, offered first; like `follows`, they leave with the person. */
  @property({ attribute: false }) recent?: string[];

  /**
   * Hosts (`images.example.org`, with `:port` when not the usual one) the chosen person's profile
   * picture may load from, space-separated in HTML: e.g. the portal's own image server. None by
   * default: a profile's picture may be on anyone's server, and loading it would tell that server
   * whom the person is about to share with, from where and when.
   */
  @property({ attribute: 'picture-hosts', converter: relayListConverter }) pictureHosts: string[] = [];

  /**
   * Names the host vouches for, by public key (hex → name), e.g. its directory of clinics and
   * clinicians: the chosen person and each suggestion are named by theirs (cleaned, the short npub
   * beside it) instead of their profile's (self-chosen), and typing part of one finds them. A key
   * this does not name takes the enclosing session's `knownNames`; an entry here wins over the
   * session's.
   */
  @property({ attribute: false }) knownNames?: Record<string, string>;

  /** Overrides for the built-in strings. */
  @property({ attribute: false }) strings?: Partial<NpubPickerStrings>;

  @state() private error?: InputError;
  @state() private failedName = '';
  @state() private open = false;
  @state() private active = -1;
  @state() private filter = '';
  @state() private foundBy?: { pubkey: string; name: string };

  /**
   * The field, once rendered. A getter rather than Lit's `@query`: that decorator would be the one
   * piece of Lit only the picker uses, carried by the chunk every element shares.
   */
  private get input(): HTMLInputElement {
    return this.renderRoot?.querySelector<HTMLInputElement>('#input') as HTMLInputElement;
  }

  private suggestions: Suggestion[] = [];
  private readonly profiles = new Map<string, ProfileInfo>();
  private readonly missing = new Map<string, 'none' | 'unreachable'>();
  private readonly loading = new Set<string>();
  private readonly tried = new Set<string>();
  private readonly checks = new Map<string, Check>();
  private relaysKey = '';
  private lookupSeq = 0;
  /** Changes when the user leaves: a profile or check that arrives afterwards is not kept. */
  private epoch = 0;
  /**
   * The key the user chose here ('' when none): only their own choice is announced ("Chosen: …"),
   * never a value the page sets, which nobody did anything to hear about.
   */
  private userChose = '';

  private get s(): NpubPickerStrings {
    return resolveStrings(npubPickerStrings, this, this.strings);
  }

  private get options(): Suggestion[] {
    const q = this.filter.toLowerCase();
    const hits = q
      ? this.suggestions.filter(({ pubkey, npub }) => {
          const p = this.profiles.get(pubkey);
          return npub.startsWith(q) || pubkey.startsWith(q) || !!this.nameFor(pubkey)?.toLowerCase().includes(q) || !!p?.nip05?.includes(q);
        })
      : this.suggestions;
    return hits.slice(0, MAX_OPTIONS);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('value') && this.value) {
      // Hosts may hand over an npub; anything that is not a public key (a secret included) is dropped,
      // and the host is told, never with the value itself (a 64-hex private key looks like any other hex).
      const given = this.value;
      const parsed = parseRecipient(given);
      this.value = parsed.kind === 'key' ? parsed.pubkey : '';
      if (this.value) this.currentStatus = 'done';
      else this.presetRefused(presetRefusal(this, 'value', given));
      // The page chose someone else: what was said of the user's last choice no longer holds.
      if (this.value !== this.userChose) {
        this.userChose = '';
        this.message = '';
      }
    }
    if (changed.has('value') && !this.value && this.status === 'done') this.currentStatus = 'idle';
    if (changed.has('follows') || changed.has('recent')) this.suggestions = this.collectSuggestions();
    const relaysKey = this.activeRelays.join(' ');
    if (relaysKey !== this.relaysKey) {
      this.relaysKey = relaysKey;
      this.missing.clear();
    }
    // Started before rendering, so "looking for their profile" shows in this same update.
    if (this.value) void this.loadProfiles([this.value]);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (changed.has('value')) this.syncInputText();
    if (changed.has('active') && this.active >= 0) this.renderRoot.querySelector(`#option-${this.active}`)?.scrollIntoView({ block: 'nearest' });
  }

  /**
   * A sign-out or another user (inside a session): whom the last user chose, typed, looked up or
   * checked says who they share with, so nothing of it stays for the next one. Quietly: the
   * user did not clear the choice, the session ended.
   */
  protected override storeChanged(change: StoreChange | 'replaced'): void {
    if (change === 'cleared' || change === 'reader' || change === 'replaced') this.forgetUser();
  }

  /** Whom the person shares with and follows says who their clinicians are: it leaves with them. */
  protected override get handedInProperties(): readonly (keyof this)[] {
    return ['follows', 'recent'];
  }

  private forgetUser(): void {
    this.epoch++;
    this.lookupSeq++;
    if (this.input) this.input.value = '';
    this.value = '';
    this.error = undefined;
    this.failedName = '';
    this.open = false;
    this.active = -1;
    this.filter = '';
    this.foundBy = undefined;
    this.userChose = '';
    this.suggestions = this.collectSuggestions();
    this.profiles.clear();
    this.missing.clear();
    this.loading.clear();
    this.tried.clear();
    this.checks.clear();
    this.message = '';
  }

  private collectSuggestions(): Suggestion[] {
    const seen = new Set<string>();
    const out: Suggestion[] = [];
    const lists: [unknown, Suggestion['source']][] = [
      [this.recent, 'recent'],
      [this.follows, 'following'],
    ];
    for (const [list, source] of lists) {
      if (!Array.isArray(list)) continue;
      for (const raw of list) {
        const pubkey = typeof raw === 'string' ? raw.toLowerCase() : '';
        if (seen.has(pubkey) || !isPublicKey(pubkey)) continue;
        seen.add(pubkey);
        out.push({ pubkey, npub: npubEncode(pubkey), source });
      }
    }
    return out;
  }

  /** Shows the chosen key's npub in the field unless the field already names that key. */
  private syncInputText(): void {
    const input = this.input;
    if (!input) return;
    const parsed = parseRecipient(input.value);
    const shown = parsed.kind === 'key' ? parsed.pubkey : '';
    if (this.value && shown !== this.value) input.value = npubEncode(this.value);
    else if (!this.value && shown) input.value = '';
  }

  /** Fetches kind-0 profiles from the relays in effect, once per key and relay set. */
  private async loadProfiles(pubkeys: string[]): Promise<void> {
    const relays = this.activeRelays;
    if (!relays.length) return;
    const key = relays.join(' ');
    const wanted = pubkeys.filter((pk) => !this.profiles.has(pk) && !this.tried.has(`${key}|${pk}`)).slice(0, MAX_PROFILE_BATCH);
    if (!wanted.length) return;
    for (const pk of wanted) {
      this.tried.add(`${key}|${pk}`);
      this.loading.add(pk);
    }
    this.requestUpdate();
    const epoch = this.epoch;
    try {
      const { events, reports } = await this.passiveRelayClient()!.query({ kinds: [0], authors: wanted, limit: wanted.length }, { maxChars: MAX_PROFILE_CHARS * wanted.length, maxEventChars: MAX_PROFILE_CHARS });
      if (epoch !== this.epoch) return;
      const found = newestProfiles(events.filter((e) => wanted.includes(e.pubkey)));
      const reached = reports.some((r) => r.status === 'complete');
      for (const pk of wanted) {
        const profile = found.get(pk);
        if (profile) this.profiles.set(pk, profile);
        else this.missing.set(pk, reached ? 'none' : 'unreachable');
      }
      // The user's choice was announced by its key alone: say it again with the name now known.
      if (this.currentStatus === 'done' && this.userChose === this.value && wanted.includes(this.value) && this.profiles.get(this.value)?.name) this.message = this.chosenText(this.value);
    } catch {
      // A relay list that cannot be used (e.g. a malformed URL) reads as unreachable.
      if (epoch === this.epoch) for (const pk of wanted) this.missing.set(pk, 'unreachable');
    } finally {
      if (epoch === this.epoch) for (const pk of wanted) this.loading.delete(pk);
      this.requestUpdate();
    }
  }

  /**
   * Lets the user's own act (choosing a person, opening the list) look up again a profile the
   * servers could not be reached for. Never on a mere update: each would ask the servers again.
   */
  private retryUnreached(pubkeys: readonly string[]): void {
    const key = this.activeRelays.join(' ');
    for (const pk of pubkeys) if (this.missing.get(pk) === 'unreachable') this.tried.delete(`${key}|${pk}`);
  }

  private choose(pubkey: string, foundBy?: string): void {
    this.retryUnreached([pubkey]);
    // Choosing the person shown already changes nothing the update would look up on.
    void this.loadProfiles([pubkey]);
    this.open = false;
    this.active = -1;
    this.filter = '';
    this.error = undefined;
    if (foundBy) this.foundBy = { pubkey, name: foundBy };
    else if (this.foundBy?.pubkey !== pubkey) this.foundBy = undefined;
    const npub = npubEncode(pubkey);
    if (this.input) this.input.value = npub;
    this.currentStatus = 'done';
    this.userChose = pubkey;
    this.message = this.chosenText(pubkey);
    if (pubkey === this.value) return;
    this.value = pubkey;
    emit(this, 'nip82-npub-select', { pubkey, npub });
  }

  /** A profile's name fit to show beside the short npub, '' when it passes for someone (see `selfChosen`). */
  private selfName(name: string | undefined): string {
    return selfChosen(name, this.knownNames, this.session?.knownNames);
  }

  /** The name a person is shown by: the host's (it vouches for it), else their profile's (self-chosen). */
  private nameFor(pubkey: string): string | undefined {
    return this.hostName(pubkey, this.knownNames) || this.selfName(this.profiles.get(pubkey)?.name) || undefined;
  }

  /** What a screen reader hears on a choice: the person's name when known, and the short key. */
  private chosenText(pubkey: string): string {
    const name = this.nameFor(pubkey);
    return this.s.chosen(shortNpub(pubkey), name ? isolate(name) : undefined);
  }

  private unchoose(): void {
    this.foundBy = undefined;
    this.userChose = '';
    this.currentStatus = 'idle';
    this.message = '';
    if (!this.value) return;
    this.value = '';
    emit(this, 'nip82-npub-clear', {});
  }

  /**
   * A `value` the page set is no public key: the field stays empty for the user to choose, and the
   * developer hears why. A private key is also taken off the element, so it stays nowhere in the page.
   */
  private presetRefused(refusal: ReturnType<typeof presetRefusal>): void {
    if (!refusal) return;
    const { secret, message } = refusal;
    if (secret && this.hasAttribute('value')) {
      this.removeAttribute('value');
      // An attribute taken off sets the property to null: the value stays '' when none.
      this.value = '';
    }
    console.warn(`<${this.localName}> ${message}`);
    emit(this, 'nip82-error', { code: 'invalid-input', message });
  }

  /** Wipes a private key from the field before anything else can read it again. */
  private refuseSecret(): void {
    this.input.value = '';
    this.lookupSeq++;
    this.filter = '';
    this.open = false;
    this.active = -1;
    this.unchoose();
    this.error = 'secret';
    this.currentStatus = 'bad-data';
  }

  private onPaste(event: ClipboardEvent): void {
    const pasted = event.clipboardData?.getData('text') ?? '';
    if (parseRecipient(pasted).kind !== 'secret') return;
    // The secret never enters the field, and the host's paste listeners do not see it.
    event.preventDefault();
    event.stopPropagation();
    this.refuseSecret();
  }

  /** Stops a whole private key from being inserted (typed last key, dropped, or inserted by script). */
  private onBeforeInput(event: InputEvent): void {
    if (!event.data) return;
    const input = this.input;
    const start = input.selectionStart ?? input.value.length;
    const end = input.selectionEnd ?? start;
    const next = input.value.slice(0, start) + event.data + input.value.slice(end);
    const parsed = parseRecipient(next);
    if (parsed.kind !== 'secret' || !parsed.complete) return;
    event.preventDefault();
    event.stopPropagation();
    this.refuseSecret();
  }

  private onInput(event: Event): void {
    const parsed = parseRecipient(this.input.value);
    this.lookupSeq++;
    if (parsed.kind === 'secret') {
      event.stopPropagation();
      // Typed key by key, the field holds a partial secret until it is whole; then it is wiped.
      if (parsed.complete) this.refuseSecret();
      else {
        this.filter = '';
        this.open = false;
        this.unchoose();
        this.error = 'secret';
        this.currentStatus = 'bad-data';
      }
      return;
    }
    this.error = undefined;
    if (parsed.kind === 'key') {
      this.choose(parsed.pubkey);
      return;
    }
    this.unchoose();
    this.filter = this.input.value.trim();
    this.active = -1;
    this.open = this.filter !== '' && this.options.length > 0;
    if (this.open) void this.loadProfiles(this.suggestions.map((x) => x.pubkey));
  }

  /** Acts on the field's text: on Enter, "Look up", or leaving the field (which never looks names up). */
  private commit(trigger: 'enter' | 'lookup' | 'change'): void {
    const parsed = parseRecipient(this.input.value);
    switch (parsed.kind) {
      case 'empty':
        this.error = undefined;
        return;
      case 'secret':
        this.refuseSecret();
        return;
      case 'key':
        this.choose(parsed.pubkey);
        return;
      case 'nip05':
        if (trigger !== 'change') void this.lookUp(parsed.name);
        return;
      case 'invalid':
        this.open = false;
        this.error = 'invalid';
        this.currentStatus = 'bad-data';
        return;
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Taken off the page for good (not moved), a lookup under way chooses no one: off the page the
    // field hears no sign-out, and its answer would choose for the next user.
    whenLeft(this, () => this.lookupSeq++);
  }

  /**
   * Looks `name` up and chooses whom it names. The field taken off the page and put back meanwhile
   * (a single-page app moving it) still gets the answer: dropping it left "Looking up…" for good.
   * A sign-out meanwhile is heard as the field comes back, and forgets what the answer chose.
   */
  private async lookUp(name: string): Promise<void> {
    const seq = ++this.lookupSeq;
    this.error = undefined;
    this.open = false;
    this.currentStatus = 'working';
    this.message = this.s.lookingUp(name);
    const pubkey = await resolveName(name);
    if (seq !== this.lookupSeq) return;
    if (!pubkey) {
      this.error = 'lookup';
      this.failedName = name;
      this.currentStatus = 'bad-data';
      this.message = '';
      return;
    }
    this.checks.set(`${pubkey} ${name}`, 'ok');
    this.choose(pubkey, name);
  }

  private async verify(pubkey: string, name: string): Promise<void> {
    const key = `${pubkey} ${name}`;
    if (this.checks.get(key) === 'checking') return;
    this.checks.set(key, 'checking');
    this.message = this.s.verifying(isolate(name));
    this.requestUpdate();
    const epoch = this.epoch;
    const found = await lookUpName(name);
    if (epoch !== this.epoch) return;
    const claimed = typeof found === 'string' ? found.toLowerCase() : undefined;
    const result: Check = claimed === undefined ? 'failed' : claimed === pubkey ? 'ok' : 'mismatch';
    this.checks.set(key, result);
    const s = this.s;
    const claim = isolate(name);
    const said = result === 'ok' ? s.verified(claim) : result === 'mismatch' ? s.mismatch(claim) : s.verifyFailed(claim);
    const hadFocus = (this.renderRoot as ShadowRoot).activeElement?.matches('[part~="verify-button"]');
    // The result replaces the button; the keyboard user's place is kept on the result, and focus there
    // reads it out: the live region stays quiet then (else the sentence is heard twice).
    this.message = hadFocus ? '' : said;
    this.requestUpdate();
    await this.updateComplete;
    const shown = hadFocus ? this.renderRoot.querySelector<HTMLElement>('[part~="nip05"]') : null;
    if (shown) shown.focus();
    else if (hadFocus) this.message = said;
  }

  private openList(active: number): void {
    const count = this.options.length;
    if (!count) return;
    this.open = true;
    this.active = Math.min(active, count - 1);
    const shown = this.suggestions.map((x) => x.pubkey);
    this.retryUnreached(shown);
    void this.loadProfiles(shown);
  }

  private onKeydown(event: KeyboardEvent): void {
    const count = this.open ? this.options.length : 0;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!this.open || event.altKey) this.openList(event.altKey ? -1 : 0);
        else if (count) this.active = (this.active + 1) % count;
        return;
      case 'ArrowUp':
        event.preventDefault();
        if (!this.open) this.openList(this.options.length - 1);
        else if (count) this.active = this.active <= 0 ? count - 1 : this.active - 1;
        return;
      case 'Enter': {
        event.preventDefault();
        const picked = this.open && this.active >= 0 ? this.options[this.active] : undefined;
        if (picked) this.choose(picked.pubkey);
        else this.commit('enter');
        return;
      }
      case 'Escape':
        if (this.open) {
          // Closing the list should not also close a dialog around the picker.
          event.preventDefault();
          event.stopPropagation();
          this.open = false;
          this.active = -1;
        }
        return;
      case 'Tab':
        this.open = false;
        return;
    }
  }

  private onClear(): void {
    this.input.value = '';
    this.lookupSeq++;
    this.filter = '';
    this.error = undefined;
    this.open = false;
    this.unchoose();
    this.input.focus();
  }

  private errorText(s: NpubPickerStrings): string {
    if (this.error === 'secret') return s.secret;
    if (this.error === 'invalid') return s.invalid;
    if (this.error === 'lookup') return s.lookupFailed(this.failedName);
    return '';
  }

  override render() {
    const s = this.s;
    const matches = this.open ? this.options : [];
    const open = matches.length > 0;
    const active = open && this.active >= 0 && this.active < matches.length ? this.active : -1;
    return html`
      <div class="base" part="base">
        <label class="label" part="label" for="input">${this.label || s.label}</label>
        <p class="hint" part="hint" id="hint">${s.hint}</p>
        <div class="field">
          <div class="combo">
            <input
              id="input"
              part="input"
              type="text"
              dir="auto"
              role="combobox"
              autocomplete="off"
              autocapitalize="none"
              spellcheck="false"
              enterkeyhint="go"
              aria-autocomplete="list"
              aria-expanded=${open ? 'true' : 'false'}
              aria-controls=${open ? 'listbox' : nothing}
              aria-activedescendant=${active >= 0 ? `option-${active}` : nothing}
              aria-invalid=${this.error ? 'true' : 'false'}
              aria-describedby="hint error"
              @input=${this.onInput}
              @paste=${this.onPaste}
              @beforeinput=${this.onBeforeInput}
              @change=${() => this.commit('change')}
              @keydown=${this.onKeydown}
              @click=${() => !this.open && !this.value && this.openList(-1)}
              @blur=${() => (this.open = false)}
            />
            ${open ? this.renderListbox(s, matches, active) : nothing}
          </div>
          <button type="button" part="lookup-button button" @click=${() => this.commit('lookup')}>${s.lookUp}</button>
        </div>
        <p class="error" part="error" id="error" aria-live="polite">${this.errorText(s)}</p>
        ${this.renderProfile(s)} ${this.renderLive(this.message)}
      </div>
    `;
  }

  private renderListbox(s: NpubPickerStrings, matches: Suggestion[], active: number) {
    return html`
      <ul id="listbox" class="listbox" part="listbox" role="listbox" aria-label=${s.suggestions}>
        ${matches.map((m, i) => {
          const name = this.nameFor(m.pubkey);
          return html`<li
            id="option-${i}"
            class="option"
            part="option"
            role="option"
            aria-selected=${i === active ? 'true' : 'false'}
            @mousedown=${(e: Event) => e.preventDefault()}
            @click=${() => this.choose(m.pubkey)}
          >
            ${name ? html`<bdi class="name" translate="no">${name}</bdi>` : nothing}
            <span class="fingerprint">${shortNpub(m.pubkey)}</span>
            <span class="source">${m.source === 'recent' ? s.recent : s.following}</span>
          </li>`;
        })}
      </ul>
    `;
  }

  private renderProfile(s: NpubPickerStrings) {
    const pubkey = this.value;
    if (!pubkey) return nothing;
    const profile = this.profiles.get(pubkey);
    const known = this.hostName(pubkey, this.knownNames);
    const missing = this.missing.get(pubkey);
    const foundBy = this.foundBy?.pubkey === pubkey && this.foundBy.name !== profile?.nip05 ? this.foundBy.name : undefined;
    const picture = allowedPicture(profile?.picture, this.pictureHosts);
    // A person's name stays as written under a page translation; "No name" is the kit's words.
    const name = known || (profile ? this.selfName(profile.name) : '');
    return html`
      <div class="profile" part="profile" role="group" aria-label=${s.profileLabel}>
        ${picture
          ? html`<img class="picture" part="picture" src=${picture} alt="" width="48" height="48" loading="lazy" decoding="async" referrerpolicy="no-referrer" />`
          : nothing}
        <div class="who">
          <p class="identity">
            ${known || profile ? html`<bdi class="name" part="name" translate=${ifDefined(name ? 'no' : undefined)}>${name || s.noName}</bdi>` : nothing}
            <span class="fingerprint" part="fingerprint"><span class="visually-hidden">${s.fingerprint}: </span>${shortNpub(pubkey)}</span>
          </p>
          ${profile?.suspicious && !known ? html`<p class="warning" part="warning"><span aria-hidden="true">⚠ </span>${s.suspiciousName}</p>` : nothing}
          ${profile?.nip05 ? this.renderClaim(s, pubkey, profile.nip05) : nothing}
          ${foundBy ? html`<p class="muted">${s.foundBy(isolate(foundBy))}</p>` : nothing}
          ${this.loading.has(pubkey)
            ? html`<p class="muted">${s.loadingProfile}</p>`
            : !profile && !known && missing
              ? html`<p class="muted">${missing === 'none' ? s.noProfile : s.profileUnreachable}</p>`
              : nothing}
        </div>
        <button type="button" class="clear" part="clear-button button" @click=${this.onClear}>${s.clear}</button>
      </div>
    `;
  }

  private renderClaim(s: NpubPickerStrings, pubkey: string, name: string) {
    const check = this.checks.get(`${pubkey} ${name}`);
    const claim = isolate(name);
    if (check === 'ok') return html`<p class="ok" part="nip05" tabindex="-1"><span aria-hidden="true">✓ </span>${s.verified(claim)}</p>`;
    if (check === 'mismatch') return html`<p class="warning" part="nip05 warning" tabindex="-1"><span aria-hidden="true">⚠ </span>${s.mismatch(claim)}</p>`;
    return html`<p class="claim" part="nip05" tabindex="-1">
      ${s.claims} <bdi translate="no">${name}</bdi>
      <button type="button" part="verify-button button" @click=${() => this.verify(pubkey, name)}>${s.verify}</button>
      ${check === 'checking' ? html`<span class="muted">${s.verifying(claim)}</span>` : check === 'failed' ? html`<span class="muted">${s.verifyFailed(claim)}</span>` : nothing}
    </p>`;
  }
}
