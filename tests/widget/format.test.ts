/** format.ts: counted phrases through Intl.PluralRules, numbers and dates in each language. */
import { describe, expect, it } from 'vitest';
import { changesAt, Formats, isRecent } from '../../widget/format.ts';
import type { Plural } from '../../widget/i18n/strings.ts';
import de from '../../widget/locales/de/thread.ts';
import en from '../../widget/locales/en/thread.ts';
import fr from '../../widget/locales/fr/thread.ts';

const english = new Formats('en');
const french = new Formats('fr');
const german = new Formats('de');

describe('count', () => {
  it('says the WordPress phrases for responses in English', () => {
    expect(english.count(0, en.responses)).toBe('No responses yet');
    expect(english.count(1, en.responses)).toBe('1 Response');
    expect(english.count(9, en.responses)).toBe('9 Responses');
    expect(english.count(1234, en.likes)).toBe('1,234 readers like this.');
  });

  it("follows French plural rules: 0 and 1 are singular, a million takes 'de'", () => {
    expect(french.count(0, fr.responses)).toBe('Aucune réponse pour l’instant');
    expect(french.count(1, fr.responses)).toBe('1 réponse');
    expect(french.count(2, fr.responses)).toBe('2 réponses');
    expect(french.count(1_000_000, fr.responses)).toBe('1\u202f000\u202f000 de réponses');
    expect(french.count(1, fr.likes)).toBe('Un lecteur aime cette page.');
  });

  it('follows German plural rules and number grouping', () => {
    expect(german.count(0, de.responses)).toBe('Noch keine Antworten');
    expect(german.count(1, de.responses)).toBe('1 Antwort');
    expect(german.count(9, de.responses)).toBe('9 Antworten');
    expect(german.count(1234, de.likes)).toBe('1.234 Lesern gefällt das.');
    expect(german.count(1, de.likes)).toBe('Einem Leser gefällt das.');
  });

  it('falls back to `other` for a category a catalogue leaves out, and to it for zero without `=0`', () => {
    const forms: Plural = { one: '{n} thing', other: '{n} things' };
    expect(english.count(0, forms)).toBe('0 things');
    expect(french.count(0, forms)).toBe('0 thing'); // French 0 is singular
    expect(french.count(1_000_000, forms)).toBe('1\u202f000\u202f000 things'); // no `many` given
  });
});

describe('date', () => {
  const now = Date.parse('2026-11-27T12:00:00Z');
  const ago = (seconds: number) => new Date(now - seconds * 1000).toISOString();

  it('is relative within the first day, in each language', () => {
    expect(english.date(ago(10), now)).toBe('now');
    expect(english.date(ago(5 * 60 + 59), now)).toBe('5 minutes ago');
    expect(english.date(ago(3 * 3600), now)).toBe('3 hours ago');
    expect(french.date(ago(5 * 60), now)).toBe('il y a 5 minutes');
    expect(german.date(ago(3 * 3600), now)).toBe('vor 3 Stunden');
  });

  it('does not speak of the future when the reader’s clock is behind the server’s', () => {
    expect(english.date(ago(-30), now)).toBe('now');
  });

  it('gives the date with its time of day after a day, as the seed post does, in each language', () => {
    const formats = (lang: string) => new Intl.DateTimeFormat(lang, { hour: 'numeric', minute: '2-digit' });
    const time = Date.parse('2017-03-24T12:35:00Z');
    expect(english.date('2017-03-24T12:35:00Z', now)).toMatch(/^March 2[345], 2017 at /);
    expect(english.date('2017-03-24T12:35:00Z', now)).toContain(formats('en').format(time));
    expect(french.date('2017-03-24T12:35:00Z', now)).toMatch(/^2[345] mars 2017 à \d\d:35$/);
    expect(german.date('2017-03-24T12:35:00Z', now)).toMatch(/^2[345]\. März 2017 um \d\d:35$/);
  });

  it('returns what it cannot read unchanged', () => {
    expect(english.date('not a date', now)).toBe('not a date');
    expect(english.exact('not a date')).toBe('not a date');
  });

  it('builds its formatters when first used: warmed ahead of a thread (while its comments load), they say the same', () => {
    const warmed = new Formats('de');
    warmed.warm();
    expect(warmed.date('2017-03-24T12:35:00Z', now)).toBe(german.date('2017-03-24T12:35:00Z', now));
    expect(warmed.exact('2017-03-24T12:35:00Z')).toBe(german.exact('2017-03-24T12:35:00Z'));
    expect(warmed.count(1234, de.likes)).toBe('1.234 Lesern gefällt das.');
  });

  it('gives the exact date with weekday and time for the tooltip', () => {
    expect(english.exact('2017-03-24T12:35:00Z')).toMatch(/(Friday|Saturday|Thursday), March 2[345], 2017/);
    expect(german.exact('2017-03-24T12:35:00Z')).toMatch(/(Freitag|Samstag|Donnerstag), 2[345]\. März 2017/);
  });
});

describe('changesAt: when a relative date next changes its words', () => {
  const when = Date.parse('2026-11-27T12:00:00Z');
  const iso = new Date(when).toISOString();

  it('is the next whole minute in the first hour, the next whole hour in the first day', () => {
    expect(changesAt(iso, when + 10_000)).toBe(when + 60_000);
    expect(changesAt(iso, when + 5 * 60_000 + 1)).toBe(when + 6 * 60_000);
    expect(changesAt(iso, when + 90 * 60_000)).toBe(when + 2 * 3_600_000);
  });

  it('is never once the date is a fixed one', () => {
    expect(changesAt(iso, when + 24 * 3_600_000)).toBe(Infinity);
    expect(isRecent(iso, when + 24 * 3_600_000)).toBe(false);
    expect(isRecent(iso, when + 60_000)).toBe(true);
    expect(changesAt('not a date', when)).toBe(Infinity);
  });
});
