/**
 * Dates as a person reads them, in the page's language ("2 Dec 2026", "2 dic 2026"): one format
 * for every consent moment and list, never the ISO form.
 */
const formats = new Map<string, Intl.DateTimeFormat>();

function format(lang: string): Intl.DateTimeFormat {
  let f = formats.get(lang);
  if (!f) {
    // Calendar days (YYYY-MM-DD) are read as UTC midnight, so they are shown in UTC too.
    f = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    formats.set(lang, f);
  }
  return f;
}

/** A day: from seconds since the epoch (in the reader's time zone), or a YYYY-MM-DD date. */
export function dayText(value: number | string, lang: string): string {
  if (typeof value === 'string') {
    const ms = Date.parse(value.slice(0, 10));
    return Number.isFinite(ms) ? format(lang).format(ms) : value.slice(0, 10);
  }
  const local = new Date(value * 1000);
  return format(lang).format(Date.UTC(local.getFullYear(), local.getMonth(), local.getDate()));
}

const momentFormats = new Map<string, Intl.DateTimeFormat>();

/** A day and time of day, in the reader's time zone, from seconds since the epoch ("Dec 3, 2026, 2:05 PM"). */
export function momentText(seconds: number, lang: string): string {
  let f = momentFormats.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit' });
    momentFormats.set(lang, f);
  }
  return f.format(seconds * 1000);
}
