/** Numbers, counted phrases and dates in one language ("9 Responses", "5 minutes ago", "March 24, 2017 at 12:35 PM"). */
import type { Plural } from './i18n/strings.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * One language's formatters, each built when first used: an Intl formatter is slow to build
 * (the first of a page loads its language's data) and fast to use, so a thread of 1,000
 * comments shares one of these, and a page builds only those it draws with.
 */
export class Formats {
  private readonly _numbers = once(() => new Intl.NumberFormat(this.lang));
  private readonly _plurals = once(() => new Intl.PluralRules(this.lang));
  private readonly _relative = once(() => new Intl.RelativeTimeFormat(this.lang, { numeric: 'auto' }));
  private readonly _dateTime = once(() => new Intl.DateTimeFormat(this.lang, { dateStyle: 'long', timeStyle: 'short' }));
  private readonly _exact = once(() => new Intl.DateTimeFormat(this.lang, { dateStyle: 'full', timeStyle: 'long' }));

  constructor(readonly lang: string) {}

  number(n: number): string {
    return this._numbers().format(n);
  }

  /** The phrase for `n` (`=0` for none if given, else its plural category, else `other`) with the number in it. */
  count(n: number, forms: Plural): string {
    const phrase = (n === 0 && forms['=0']) || forms[this._plurals().select(n)] || forms.other;
    return phrase.replace('{n}', this.number(n));
  }

  /**
   * A comment's date: relative within its first day ("now", "5 minutes ago", "3 hours ago"),
   * then the date with its time of day, as WordPress dates comments ("March 24, 2017 at 12:35 PM").
   * What it cannot read comes back unchanged. `now` is a parameter so the thread's clock sets it.
   */
  date(iso: string, now: number): string {
    const when = Date.parse(iso);
    if (Number.isNaN(when)) return iso;
    // A clock a little behind the server's should not say "in 3 seconds".
    const age = Math.max(0, now - when);
    if (age < MINUTE) return this._relative().format(0, 'second');
    if (age < HOUR) return this._relative().format(-Math.floor(age / MINUTE), 'minute');
    if (age < DAY) return this._relative().format(-Math.floor(age / HOUR), 'hour');
    return this._dateTime().format(when);
  }

  /**
   * Builds the formatters a thread's header and dates need, while its comments are on their
   * way: the first Intl formatter of a page loads its language's data (tens of milliseconds).
   */
  warm(): void {
    const day = '2000-01-01';
    this.count(0, { other: day });
    this.date(day, Date.now());
    this.exact(day);
  }

  /** The exact date and time with weekday and zone, for a tooltip. */
  exact(iso: string): string {
    const when = Date.parse(iso);
    return Number.isNaN(when) ? iso : this._exact().format(when);
  }
}

/** A function that builds its value when first called, and returns that value ever after. */
function once<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => {
    made ??= make();
    return made;
  };
}

/** Whether `date()` says how long ago (rather than a date) for this time. */
export function isRecent(iso: string, now: number): boolean {
  return now - Date.parse(iso) < DAY;
}

/**
 * When `date()`'s words for this time next change ("4 minutes ago" becomes "5 minutes ago"),
 * or Infinity once it gives the fixed date: what the thread's one timer waits for.
 */
export function changesAt(iso: string, now: number): number {
  const when = Date.parse(iso);
  const age = Math.max(0, now - when);
  if (Number.isNaN(when) || age >= DAY) return Infinity;
  const step = age < HOUR ? MINUTE : HOUR;
  return when + (Math.floor(age / step) + 1) * step;
}
