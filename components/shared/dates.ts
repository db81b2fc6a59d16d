/**
 * Dates as a person reads them, in the page's language ("2 Dec 2026", "2 dic 2026"): one format
 * for every consent moment and list, never the ISO form.
 */
/** One formatter per language and set of options, made once: making one costs far more than using it. */
function formatter(cache: Map<string, Intl.DateTimeFormat>, lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let f = cache.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(lang, options);
    cache.set(lang, f);
  }
  return f;
}

const formats = new Map<string, Intl.DateTimeFormat>();
// Calendar days (YYYY-MM-DD) are read as UTC midnight, so they are shown in UTC too.
const format = (lang: string) => formatter(formats, lang, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** A day: from seconds since the epoch (in the reader's time zone), or a YYYY-MM-DD date. */
export function dayText(value: number | string, lang: string): string {
  if (typeof value === 'string') {
    const day = value.slice(0, 10);
    const ms = Date.parse(day);
    // Only a day that exists as written: 2021-02-29 is not shown as 1 March.
    return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === day ? format(lang).format(ms) : day;
  }
  const local = new Date(value * 1000);
  return format(lang).format(Date.UTC(local.getFullYear(), local.getMonth(), local.getDate()));
}

const momentFormats = new Map<string, Intl.DateTimeFormat>();

/** A day and time of day, in the reader's time zone, from seconds since the epoch ("Dec 3, 2026, 2:05 PM"). */
export function momentText(seconds: number, lang: string): string {
  return formatter(momentFormats, lang, { day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit' }).format(seconds * 1000);
}

/**
 * A date as Spanish writes it after "desde" or "hasta": a day takes its article ("hasta el 3 ene
 * 2020"), a month or a year does not ("hasta mar 2015", "hasta 2015"). Only the text is at hand
 * in a language pack, and only a day's text begins with the day of the month.
 */
export function theDayEs(date: string): string {
  return /^\d{1,2}\s/.test(date) ? `el ${date}` : date;
}
