/**
 * What few records use, or only once the reader asks: the notices of a load that did not go as
 * planned (record-notices.ts), a glasses prescription's lens table, a document's attached text, and
 * the download of a record's Bundle as FHIR JSON. A record as it opens rarely needs any of it, so
 * it is fetched the first time one is due: a notice, an item shown with a lens table or an
 * attachment, or the reader's press on Download.
 */
import { html, nothing } from 'lit';
import type { FhirBundle } from '../core/fhir/types.js';
import { decodeTextData } from '../core/fhir/attachment.js';
import { formatDate, str } from './fhir-format.js';
import type { Item } from './fhir-summary.js';
import { piecesWords } from './item-words.js';
import { renderNotices } from './record-notices.js';
import { addLateStrings, type RecordViewerStrings } from './record-viewer.strings.js';
import { lateStringsEn } from './record-extras.strings.js';

addLateStrings(lateStringsEn);

/** An item's lens table and attachments, as shown under its facts. */
function renderExtras(item: Item, s: RecordViewerStrings, lang: string) {
  return html`${item.lenses?.length ? renderLenses(item, s, lang) : nothing}${item.attachments?.map((a) => renderAttachment(a, item, s, lang))}`;
}

function renderLenses(item: Item, s: RecordViewerStrings, lang: string) {
  const eye = (e: string) => (e === 'right' ? s.eyeRight : e === 'left' ? s.eyeLeft : e);
  // Each value set apart (<bdi>), as the item's facts are: on a right-to-left page "+2" keeps its sign in front.
  return html`
    <table class="lenses">
      <caption>${s.lensCaption}</caption>
      <thead>
        <tr>
          <th scope="col">${s.lensEye}</th>
          <th scope="col">${s.lensSphere}</th>
          <th scope="col">${s.lensCylinder}</th>
          <th scope="col">${s.lensAxis}</th>
          <th scope="col">${s.lensAdd}</th>
          <th scope="col">${s.lensPrism}</th>
          <th scope="col">${s.lensProduct}</th>
        </tr>
      </thead>
      <tbody>
        ${item.lenses!.map(
          (l) => html`<tr>
            <th scope="row">${eye(l.eye)}</th>
            <td><bdi>${piecesWords(l.sphere, s, lang)}</bdi></td>
            <td><bdi>${piecesWords(l.cylinder, s, lang)}</bdi></td>
            <td><bdi>${piecesWords(l.axis, s, lang)}</bdi></td>
            <td><bdi>${piecesWords(l.add, s, lang)}</bdi></td>
            <td><bdi>${piecesWords(l.prism, s, lang)}</bdi></td>
            <td><bdi>${l.product}</bdi></td>
          </tr>`,
        )}
      </tbody>
    </table>
  `;
}

/** Longest attachment text decoded for display. */
const MAX_ATTACHMENT_TEXT = 20000;

/**
 * A base64 `text/plain` attachment decoded as UTF-8 text (inline data only: a URL is never
 * fetched). Undefined when there is no such data or it is not valid base64. Here, not with the
 * record's first view: only an item with an attachment decodes one.
 */
function attachmentText(attachment: Record<string, unknown>): { text: string; truncated: boolean } | undefined {
  const type = str(attachment.contentType).toLowerCase();
  if (!/^text\/plain(?:\s*;|$)/.test(type) || typeof attachment.data !== 'string') return undefined;
  return decodeTextData(attachment.data, MAX_ATTACHMENT_TEXT);
}

const decoded = new WeakMap<object, ReturnType<typeof attachmentText>>();

/** Decodes a text attachment once, the first time it is shown. */
function decodedText(attachment: Record<string, unknown>) {
  if (!decoded.has(attachment)) decoded.set(attachment, attachmentText(attachment));
  return decoded.get(attachment);
}

function renderAttachment(attachment: Record<string, unknown>, item: Item, s: RecordViewerStrings, lang: string) {
  // Its title, never its media type ("text/plain; charset=utf-8" says nothing to a person).
  const title = str(attachment.title);
  const label = title || s.fact_attachment;
  const text = decodedText(attachment);
  if (text) {
    // Without a title, a list of documents would be so many "Document text" to a screen reader: its
    // name says whose text it is, by the item's title and date as its heading shows them (just above
    // on screen, so not shown twice). Put together as the titled one is, in this part fetched on demand.
    const date = item.date ? `, ${formatDate(item.date, lang)}` : '';
    const name = title ? undefined : `${s.attachmentText}: ${item.title || s.unnamed(s.kind(item.type))}${date}`;
    return html`
      <details class="attachment">
        <summary aria-label=${name ?? nothing}>${title ? html`${s.attachmentText}: <bdi>${title}</bdi>` : s.attachmentText}</summary>
        <pre dir="auto">${text.text}${text.truncated ? html`\n${s.shortened}` : nothing}</pre>
      </details>
    `;
  }
  // A file the record holds itself (a PDF as base64) is not "stored elsewhere": it is here, only not opened.
  if (typeof attachment.data === 'string') return html`<p class="attachment">${s.fact_attachment}: <bdi>${label}</bdi> — ${s.attachmentInline}</p>`;
  if (typeof attachment.url === 'string') return html`<p class="attachment">${s.fact_attachment}: <bdi>${label}</bdi> — ${s.attachmentRemote}</p>`;
  return nothing;
}

/**
 * Starts the download of a shown Bundle as FHIR JSON, named in the page's words after its record's
 * sign key or the Bundle's identifier: the file name carries no health data, and says when parts of
 * the record were not found (a copy kept or handed on is not taken for the whole record). Its object
 * URL, which holds the whole record until revoked, joins the viewer's `exports` (a sign-out revokes
 * them at once).
 */
function download(
  { bundle, record }: { bundle: FhirBundle; record?: { signPubkey: string; parts: { have: number; total: number } } },
  exports: Set<string>,
  s: RecordViewerStrings,
): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(bundle, null, 2)], { type: 'application/fhir+json' }));
  const id = str(bundle.identifier?.value).replace(/^urn:uuid:/, '').replace(/[^A-Za-z0-9-]/g, '').slice(0, 36);
  const link = document.createElement('a');
  link.href = url;
  link.download = s.downloadName(record ? record.signPubkey.slice(0, 12) : id, !record || record.parts.have >= record.parts.total);
  link.rel = 'noopener';
  link.click();
  // The download has started from the URL by now; it is kept a little for slow browsers.
  exports.add(url);
  setTimeout(() => {
    URL.revokeObjectURL(url);
    exports.delete(url);
  }, 60_000);
}

/** The extras, as the viewer loads them (one export: see OnDemand). */
export const recordExtras = { download, item: renderExtras, notices: renderNotices };
