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
const zonedFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A day and time of day, in the reader's time zone, from seconds since the epoch ("Dec 3, 2026, 2:05 PM");
 * `zoned`, with that zone's name ("2:05 PM EST"), for a record read later or elsewhere (the consent history).
 */
export function momentText(seconds: number, lang: string, zoned = false): string {
  return formatter(zoned ? zonedFormats : momentFormats, lang, { day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit', ...(zoned ? { timeZoneName: 'short' } : {}) }).format(seconds * 1000);
}

/** Fields, in order of preference, that date a resource: the viewer's timeline and the share dialog's lists agree on a day. */
const DATE_FIELDS: readonly (string | readonly [string, string])[] = [
  'effectiveDateTime', ['effectivePeriod', 'start'], 'effectiveInstant',
  'occurrenceDateTime', ['occurrencePeriod', 'start'],
  'performedDateTime', ['performedPeriod', 'start'],
  'onsetDateTime', ['onsetPeriod', 'start'],
  'authoredOn', 'dateWritten', 'issued', 'recordedDate', 'dateAsserted',
  'date', 'dateTime', ['period', 'start'],
  // An appointment's start, an answered questionnaire, a goal's start, a specimen's collection or receipt.
  'start', 'authored', 'startDate', ['collection', 'collectedDateTime'], 'receivedTime',
  'started', 'created', 'recorded',
];

/** The values of a resource's date fields that are strings, in order of preference (not yet checked as dates). */
export function* datesWritten(resource: Readonly<Record<string, unknown>>): Generator<string, void, void> {
  for (const field of DATE_FIELDS) {
    const holder = typeof field === 'string' ? undefined : resource[field[0]];
    const value = typeof field === 'string' ? resource[field] : holder && typeof holder === 'object' ? (holder as Record<string, unknown>)[field[1]] : undefined;
    if (typeof value === 'string') yield value;
  }
}

/** A FHIR date, dateTime or instant as written: a year, a month, a day, or a day and time. */
export const FHIR_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})?)?)?)?$/;

/** Milliseconds since the epoch for a FHIR date, dateTime or instant (partial dates at their start). */
export function timeOf(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = FHIR_DATE.exec(value.trim());
  if (!m) return undefined;
  // A day that does not exist (29 February 2021, month 13) is not rolled into another one.
  const [year, month, day] = [Number(m[1]), m[2] ? Number(m[2]) : 1, m[3] ? Number(m[3]) : 1];
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
  if (m[4]) {
    const t = Date.parse(value.trim());
    return Number.isFinite(t) ? t : undefined;
  }
  // Date.UTC reads years 0–99 as 1900–1999: those go the slow way.
  return year >= 100 ? Date.UTC(year, month - 1, day) : utcDay(year, month - 1, day);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The days of a month (1–12) in the calendar Date counts in (the Gregorian, back to year 0): by
 * arithmetic, since a record of thousands of dates would otherwise make a Date object for each.
 */
function daysIn(year: number, month: number): number {
  return month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : MONTH_DAYS[month - 1]!;
}

/** Midnight UTC of a day, set through setUTCFullYear, since Date.UTC reads years 0–99 as 1900–1999. */
function utcDay(year: number, monthIndex: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, monthIndex, day);
  return d.getTime();
}

const monthFormats = new Map<string, Intl.DateTimeFormat>();
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
// A month without a day is a calendar month: formatting it in UTC keeps it on the month written.
const yearMonth = (lang: string) => formatter(monthFormats, lang, { year: 'numeric', month: 'short', timeZone: 'UTC' });
const dateTime = (lang: string) => formatter(dateTimeFormats, lang, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * A FHIR date or dateTime for people, at the precision it was written with ("2010", "mar 2015", a
 * day as dayText writes it, a day and time): every element shows a record's dates alike.
 * Unreadable dates are shown as written.
 */
export function formatDate(value: unknown, lang: string): string {
  const text = typeof value === 'string' ? value.trim() : typeof value === 'number' && Number.isFinite(value) ? String(value) : '';
  const m = FHIR_DATE.exec(text);
  const time = timeOf(text);
  if (!m || time === undefined) return text.slice(0, 64);
  if (!m[2]) return m[1]!;
  if (!m[3]) return yearMonth(lang).format(time);
  if (!m[4]) return dayText(text, lang);
  return dateTime(lang).format(time);
}

/** Seconds since the epoch as a date and time. */
export function formatSeconds(seconds: number, lang: string): string {
  return dateTime(lang).format(seconds * 1000);
}

/**
 * A date as Spanish writes it after "desde" or "hasta": a day takes its article ("hasta el 3 ene
 * 2020"), a month or a year does not ("hasta mar 2015", "hasta 2015"). Only the text is at hand
 * in a language pack, and only a day's text begins with the day of the month.
 */
export function theDayEs(date: string): string {
  return /^\d{1,2}\s/.test(date) ? `el ${date}` : date;
}

/** A share's end as its reader reads it: its last day, or that day with the hour when it ends at an hour of it (a request's "until 17:00"). */
export function untilText(terms: { until?: string; ends?: number; atHour?: true }, lang: string): string | undefined {
  return terms.atHour && terms.ends !== undefined ? momentText(terms.ends - 1, lang) : terms.until ? dayText(terms.until, lang) : undefined;
}
