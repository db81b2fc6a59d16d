/**
 * FHIR narrative (`text.div`) is untrusted XHTML. It is sanitised with DOMPurify into a
 * DocumentFragment (never a string handed to Lit as HTML): formatting and tables only, no
 * scripts, handlers, forms or frames, no remote loads of any kind (a remote image in a decrypted
 * record tells a third party the record was opened), and links only to allowlisted schemes.
 */
import DOMPurify, { type Config } from 'dompurify';

const ALLOWED_TAGS = [
  'div', 'p', 'span', 'br', 'hr', 'b', 'strong', 'i', 'em', 'u', 's', 'small', 'sub', 'sup', 'code', 'pre', 'blockquote',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'caption', 'thead', 'tbody', 'tfoot',
  'tr', 'th', 'td', 'colgroup', 'col', 'a', 'img', 'abbr', 'cite', 'q', 'dfn', 'kbd', 'samp', 'var', 'big', 'tt',
];
const ALLOWED_ATTR = ['href', 'title', 'alt', 'colspan', 'rowspan', 'scope', 'lang', 'dir', 'src', 'width', 'height', 'class', 'id', 'name'];

/** Prefix of every class a narrative carries; the kit's own styles never use it. */
export const NARRATIVE_CLASS_PREFIX = 'narrative-';

/** Prefix of every id a narrative carries, so none is the host page's. */
const NARRATIVE_ID_PREFIX = 'narrative-';

/** Link schemes a narrative may point to; everything else loses its href. */
export const ALLOWED_LINK = /^(?:https?:|mailto:|tel:|#)/i;
/** Image sources allowed: inline data only. */
const DATA_IMAGE = /^data:image\/(?:png|gif|jpeg|webp);base64,[a-z0-9+/=\s]+$/i;

const config: Config & { RETURN_DOM_FRAGMENT: true } = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  ALLOW_DATA_ATTR: false,
  RETURN_DOM_FRAGMENT: true,
};

let purifier: ReturnType<typeof DOMPurify> | undefined;

function instance(): ReturnType<typeof DOMPurify> {
  if (purifier) return purifier;
  purifier = DOMPurify(window);
  purifier.addHook('afterSanitizeAttributes', (node) => {
    if (!(node instanceof Element)) return;
    if (node.tagName === 'A') {
      const href = node.getAttribute('href') ?? '';
      if (!ALLOWED_LINK.test(href.trim())) node.removeAttribute('href');
      // A link to a place in the narrative names its id as renamed below.
      else if (href.startsWith('#')) node.setAttribute('href', `#${NARRATIVE_ID_PREFIX}${href.slice(1)}`);
      else {
        node.setAttribute('rel', 'noopener noreferrer nofollow');
        node.setAttribute('target', '_blank');
        node.setAttribute('referrerpolicy', 'no-referrer');
      }
    }
    if (node.tagName === 'IMG') {
      const src = node.getAttribute('src') ?? '';
      if (!DATA_IMAGE.test(src)) {
        node.removeAttribute('src');
        node.setAttribute('data-blocked', 'remote image not loaded');
      }
      node.removeAttribute('srcset');
    }
    // ids from a record must not collide with the host page's.
    if (node.hasAttribute('id')) node.setAttribute('id', `${NARRATIVE_ID_PREFIX}${node.getAttribute('id')}`);
    // Nor may its classes take on the kit's look (a green "verified", the withheld-items warning):
    // each keeps its name under a prefix the kit never styles.
    if (node.hasAttribute('class')) {
      const names = (node.getAttribute('class') ?? '').split(/\s+/).filter((c) => /^[A-Za-z0-9_-]{1,64}$/.test(c));
      if (names.length) node.setAttribute('class', names.map((c) => `${NARRATIVE_CLASS_PREFIX}${c}`).join(' '));
      else node.removeAttribute('class');
    }
  });
  return purifier;
}

/** Longest narrative parsed; real narratives are a few KB, and DOMPurify copes with a cut tag. */
const MAX_NARRATIVE = 256 * 1024;

/**
 * A link to a place in the narrative (IPS narratives link their sections), followed where the
 * narrative is: its target is in the same shadow root, which the page's address cannot reach, and
 * the page's address must not change (a portal routed by its hash would go wherever a record's
 * author pointed it). The nearest enclosing element holding the id is searched first, so two
 * narratives with the same ids each keep to their own.
 */
function followWithin(this: HTMLAnchorElement, event: Event): void {
  event.preventDefault();
  const id = (this.getAttribute('href') ?? '').slice(1);
  for (let scope = this.parentElement; scope; scope = scope.parentElement) {
    const target = [...scope.querySelectorAll<HTMLElement>('[id]')].find((e) => e.id === id);
    if (!target) continue;
    // Focus goes with the view, so a keyboard or screen reader user is taken there too.
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus();
    target.scrollIntoView({ block: 'start' });
    return;
  }
}

/** Sanitises untrusted narrative XHTML into a fragment safe to append. */
export function sanitizeNarrative(html: string): DocumentFragment {
  const fragment = instance().sanitize(String(html ?? '').slice(0, MAX_NARRATIVE), config);
  for (const link of fragment.querySelectorAll('a[href^="#"]')) link.addEventListener('click', followWithin);
  return fragment;
}
