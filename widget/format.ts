/** Turns numbers and ISO dates into the words readers see ("9 Responses", "3 hours ago"). */
import { t, type CountForms } from './i18n.ts';

// Intl formatters are slow to build and fast to use: a thread of 1,000 comments shares these.
const numbers = new Intl.NumberFormat(t.locale);
const relative = new Intl.RelativeTimeFormat(t.locale, { numeric: 'auto' });
const day = new Intl.DateTimeFormat(t.locale, { dateStyle: 'long' });
const exact = new Intl.DateTimeFormat(t.locale, { dateStyle: 'full', timeStyle: 'long' });

/** Picks the zero, singular or plural phrase and puts the formatted number in it. */
export function formatCount(n: number, forms: CountForms): string {
  const phrase = n === 0 ? forms.zero : n === 1 ? forms.one : forms.other;
  return phrase.replace('{n}', numbers.format(n));
}

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
];

/**
 * A readable date: relative within the last week ("5 minutes ago", "yesterday"),
 * the calendar date after that ("March 24, 2017"), since old comments read better dated.
 * `now` is a parameter so the result is testable.
 */
export function formatDate(iso: string, now: number = Date.now()): string {
  const when = Date.parse(iso);
  if (Number.isNaN(when)) return iso;
  let amount = Math.round((when - now) / 1000);
  if (amount > 0) amount = 0; // a clock a little ahead of the server's should not say "in 3 seconds"
  for (const [unit, size] of UNITS) {
    if (Math.abs(amount) < size) return unit === 'second' ? relative.format(0, 'second') : relative.format(amount, unit);
    amount = Math.round(amount / size);
  }
  return day.format(when);
}

/** The exact date and time with weekday and zone, for a tooltip. */
export function formatExactDate(iso: string): string {
  const when = Date.parse(iso);
  return Number.isNaN(when) ? iso : exact.format(when);
}
