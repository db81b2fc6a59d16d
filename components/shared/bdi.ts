/**
 * Sentences the string functions build, shown as the text of a control or a heading. Apart from
 * identity.ts, which stays free of Lit; one helper for every element that names people in such text.
 */
import { html, type TemplateResult } from 'lit';

/** One part `isolate` set apart, captured (it leaves no marks inside, so the first PDI closes it). */
const ISOLATED = /\u2068([^\u2068\u2069]*)\u2069/;

/**
 * A sentence from `isolate` (identity.ts) as the text of a button, a heading or what labels a
 * dialog or a region, whose accessible name is taken from that text: each isolated part becomes a
 * `<bdi>`, which keeps it apart on screen as FSI…PDI did, and the name carries no marks (some
 * screen readers read them out; a host's page tests look for the plain sentence). An isolated
 * part is someone's name or title: a browser's page translation leaves it as written, the
 * sentence around it translated. Text with no isolated part comes back as it was.
 */
export function withBdi(text: string): string | Array<string | TemplateResult> {
  // Split on a capturing pattern: the isolated parts are the odd ones.
  const parts = text.split(ISOLATED);
  return parts.length > 1 ? parts.map((part, i) => (i % 2 ? html`<bdi translate="no">${part}</bdi>` : part)) : text;
}
