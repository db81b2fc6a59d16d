/**
 * The base of every element of the kit: it renders in its page's language from the first render.
 * An update under a language whose pack has not arrived waits for the pack (an English page never
 * waits), so a Spanish page never shows English first, and an element whose `lang` changed to such
 * a language keeps its words until the new ones are here.
 */
import { LitElement } from 'lit';
import { languageReady } from './language-packs.js';
import { languageOf } from './strings.js';

export abstract class LocalizedElement extends LitElement {
  protected override scheduleUpdate(): void | Promise<unknown> {
    const ready = languageReady(languageOf(this));
    // Asked again once it is here: another element's pack, or another `lang`, may have come meanwhile.
    return ready ? ready.then(() => this.scheduleUpdate()) : super.scheduleUpdate();
  }
}
