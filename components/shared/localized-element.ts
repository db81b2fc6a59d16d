/**
 * The base of every element of the kit: it renders in its page's language from the first render,
 * and again whenever that language changes. An update under a language whose pack has not arrived
 * waits for the pack (an English page never waits), so a Spanish page never shows English first,
 * and an element whose `lang` changed to such a language keeps its words until the new ones are here.
 *
 * A portal's language switcher changes `lang` on `<html>` or on some container, never telling the
 * elements: one observer of `lang` attributes for the whole page re-renders every element of the
 * kit on the page whose language it changed, nested ones
 * included (an element inside another's shadow root takes its host's language, and is on the page
 * too; its host rendering again would not render it). A portal built of components of its own puts
 * the elements inside its shadow roots, where the document's observer sees nothing: each shadow root
 * an element is connected in, and those around it, is observed too, once. An element removed from
 * the page is dropped from the observer's list, so nothing is kept alive.
 */
import { LitElement } from 'lit';
import { ContextRoot } from '@lit/context';
import { languageReady } from './language-packs.js';
import { languageOf, localeOf } from './strings.js';

/** The kit's elements on the page. */
const elementsOnPage = new Set<LocalizedElement>();
let observer: MutationObserver | undefined;
/** The shadow roots the observer watches, beside the document (weakly: a root gone from the page is not kept). */
const watchedRoots = new WeakSet<ShadowRoot>();
const LANG_CHANGES: MutationObserverInit = { attributeFilter: ['lang'], subtree: true };

/**
 * Every shadow root `el` is inside, from its own outwards, watched by `watcher` (each once). The
 * walk goes all the way out each time: a component whose root is watched may since have been
 * moved into another's.
 */
function watchShadowRootsAround(el: Element, watcher: MutationObserver): void {
  for (let root = el.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) {
    if (watchedRoots.has(root)) continue;
    watchedRoots.add(root);
    watcher.observe(root, LANG_CHANGES);
  }
}

/** Properties that take objects, as a framework writes them as attributes on an undefined tag. */
const OBJECT_ATTRIBUTES = ['signer', 'strings', 'knownnames', 'known-names', 'records', 'bundle', 'request'];

/** The documents whose buffer of unanswered context requests is in place (see {@link LocalizedElement.connectedCallback}). */
const rooted = new WeakSet<Document>();

/** The base class of the kit's elements: they speak the language of their nearest `lang`, and follow it when it changes. */
export abstract class LocalizedElement extends LitElement {
  /**
   * The locale of the last render: a switch between two languages the kit has no words for (French
   * to German) changes no word, but every date and number.
   */
  private renderedIn?: string;

  override connectedCallback(): void {
    // Elements may be defined in any order (a bundle importing the viewer before the session): a
    // request for the session no one answered yet is asked again when the session arrives. One
    // buffer per document, on the document itself (a `<html>` put in place of the first keeps it),
    // in place before this element asks (its controllers ask as it connects, in super).
    const doc = this.ownerDocument;
    if (!rooted.has(doc)) {
      rooted.add(doc);
      new ContextRoot().attach(doc as unknown as HTMLElement);
    }
    super.connectedCallback();
    // An object never comes as an attribute: a framework set it on the tag before it was defined
    // (React 19 with the autoloader writes `signer="[object Object]"`), and the object is lost.
    for (const name of OBJECT_ATTRIBUTES) if (this.hasAttribute(name)) console.warn(`nip82-elements: <${this.localName}> ignores its ${name} attribute; set the property once the tag is defined`);
    elementsOnPage.add(this);
    // Made on the first connection, not at import, so that importing the kit needs no DOM. The
    // document rather than `<html>`: its subtree still holds a `<html>` a script put in place of the first.
    if (!observer) (observer = new MutationObserver(() => elementsOnPage.forEach((el) => el.followLanguage()))).observe(document, LANG_CHANGES);
    watchShadowRootsAround(this, observer);
    // Lit renders a reattached element only if a property changed; being moved into another language is a change too.
    this.followLanguage();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    elementsOnPage.delete(this);
  }

  /** Renders again if the element's language is no longer the one it last rendered in. */
  private followLanguage(): void {
    // Before the first render an update is already pending, and asking for another does nothing.
    if (localeOf(this) !== this.renderedIn) this.requestUpdate();
  }

  protected override scheduleUpdate(): void | Promise<unknown> {
    const lang = languageOf(this);
    const ready = languageReady(lang);
    // Asked again once it is here: another element's pack, or another `lang`, may have come meanwhile.
    if (ready) return ready.then(() => this.scheduleUpdate());
    this.renderedIn = localeOf(this);
    return super.scheduleUpdate();
  }
}
