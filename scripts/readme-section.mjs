// The README's generated sections (element reference, size table): the text between a start and
// an end marker, rewritten by the script that owns it.

/** `text` with what stands between `start` and `end` replaced by `body`; throws when a marker is missing. */
export function withSection(text, start, end, body) {
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README.md lacks the markers ${start} … ${end}`);
  return `${text.slice(0, from)}${start}\n${body}\n${end}${text.slice(to + end.length)}`;
}
