/**
 * Renders an untrusted FHIR narrative into the element it is bound to: the XHTML is sanitised
 * into a DocumentFragment that replaces the element's children. Never a string handed to Lit as
 * HTML, and sanitised again only when the narrative changes. The sanitiser is fetched the first
 * time a narrative is shown (narratives are off until the reader asks), so a page that only shows
 * records does not download it; until it arrives the element stays empty, never unsanitised, and if it cannot be fetched the
 * viewer says so (`narrativeSanitizer.failed`).
 */
import { noChange } from 'lit';
import { Directive, PartType, directive, type ElementPart, type PartInfo } from 'lit/directive.js';
import { OnDemand } from './on-demand.js';

/** The sanitiser, once fetched; the viewer says so when it could not be. */
export const narrativeSanitizer = new OnDemand(() => import('../shared/sanitize.js').then((m) => m.sanitizeNarrative));

class NarrativeDirective extends Directive {
  private shown?: string;

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('narrative() belongs on an element.');
  }

  render(_xhtml: string) {
    return noChange;
  }

  override update(part: ElementPart, [xhtml]: [string]) {
    if (xhtml === this.shown) return noChange;
    if (narrativeSanitizer.value) {
      this.shown = xhtml;
      part.element.replaceChildren(narrativeSanitizer.value(xhtml));
      return noChange;
    }
    part.element.replaceChildren();
    // Once lost, fetched again only when the reader asks (the viewer's "Try again"), never by a
    // render: the next update after it arrived fills the element.
    if (narrativeSanitizer.failed) return noChange;
    this.shown = xhtml;
    void narrativeSanitizer.load().then((sanitize) => {
      if (this.shown === xhtml) part.element.replaceChildren(sanitize(xhtml));
    }, () => {
      if (this.shown === xhtml) this.shown = undefined;
      (part.options?.host as { requestUpdate?: () => void } | undefined)?.requestUpdate?.();
    });
    return noChange;
  }
}

/** `<div ${narrative(resource.text.div)}></div>`: the sanitised narrative as the div's content. */
export const narrative = directive(NarrativeDirective);
