/**
 * Renders an untrusted FHIR narrative into the element it is bound to: the XHTML is sanitised
 * into a DocumentFragment that replaces the element's children. Never a string handed to Lit as
 * HTML, and sanitised again only when the narrative changes.
 */
import { noChange } from 'lit';
import { Directive, PartType, directive, type ElementPart, type PartInfo } from 'lit/directive.js';
import { sanitizeNarrative } from '../shared/sanitize.js';

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
    if (xhtml !== this.shown) {
      this.shown = xhtml;
      part.element.replaceChildren(sanitizeNarrative(xhtml));
    }
    return noChange;
  }
}

/** `<div ${narrative(resource.text.div)}></div>`: the sanitised narrative as the div's content. */
export const narrative = directive(NarrativeDirective);
