/** Languages: picking a catalogue for a tag, every catalogue complete, and the one timer behind relative dates. */
import type { ReactiveController } from 'lit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ERROR_CODES } from '../../shared/wire.ts';
import { matchLanguage, pickLanguage } from '../../widget/i18n/languages.ts';
import { LANGUAGES, loadThreadStrings } from '../../widget/i18n/thread-catalogues.ts';
import { RelativeClock } from '../../widget/relative-clock.ts';

const formCatalogues = import.meta.glob<Record<string, unknown>>('../../widget/locales/*/form.ts', { import: 'default', eager: true });
const adminCatalogues = import.meta.glob<Record<string, unknown>>('../../widget/locales/*/admin.ts', { import: 'default', eager: true });

describe('matchLanguage and pickLanguage', () => {
  const available = ['de', 'en', 'fr', 'pt-br'];

  it('takes the whole tag, else shorter and shorter prefixes, in any case and with _ for -', () => {
    expect(matchLanguage('fr', available)).toBe('fr');
    expect(matchLanguage('fr-CA', available)).toBe('fr');
    expect(matchLanguage('FR_ca', available)).toBe('fr');
    expect(matchLanguage('pt-BR', available)).toBe('pt-br');
    expect(matchLanguage('pt-PT', available)).toBeNull();
    expect(matchLanguage('de-Latn-CH', available)).toBe('de');
  });

  it('finds nothing for an unknown, empty or missing tag', () => {
    expect(matchLanguage('es', available)).toBeNull();
    expect(matchLanguage('', available)).toBeNull();
    expect(matchLanguage(null, available)).toBeNull();
  });

  it('picks the first wanted language it has (the admin view: navigator.languages), else English', () => {
    expect(pickLanguage(['es-MX', 'de-AT', 'fr'], available)).toBe('de');
    expect(pickLanguage(['es', 'it'], available)).toBe('en');
    expect(pickLanguage([], available)).toBe('en');
  });
});

describe('the catalogues', () => {
  it('are one folder per language, each with the thread, form and admin files', () => {
    expect(LANGUAGES.sort()).toEqual(['de', 'en', 'fr']);
    const folders = (files: Record<string, unknown>) =>
      Object.keys(files)
        .map((path) => path.split('/').at(-2))
        .sort();
    expect(folders(formCatalogues)).toEqual(LANGUAGES);
    expect(folders(adminCatalogues)).toEqual(LANGUAGES);
  });

  it('translate every error code of the public API, and leave no string empty', async () => {
    const empty = (value: unknown, path: string): string[] =>
      typeof value === 'string'
        ? value.trim()
          ? []
          : [path]
        : typeof value === 'object' && value !== null
          ? Object.entries(value).flatMap(([key, inner]) => empty(inner, `${path}.${key}`))
          : [];
    for (const lang of LANGUAGES) {
      const form = formCatalogues[`../../widget/locales/${lang}/form.ts`]!;
      const errors = form.errors as Record<string, string>;
      expect(Object.keys(errors).sort(), lang).toEqual([...ERROR_CODES, 'network'].sort());
      expect(empty(form, lang)).toEqual([]);
      expect(empty(await loadThreadStrings(lang), lang)).toEqual([]);
      expect(empty(adminCatalogues[`../../widget/locales/${lang}/admin.ts`], lang)).toEqual([]);
    }
  });
});

describe('RelativeClock: one timer per thread', () => {
  afterEach(() => vi.useRealTimers());

  /** A host as the thread is for the clock: its controllers, its dates, how often it was asked to draw. */
  function host(dates: string[]) {
    const controllers: ReactiveController[] = [];
    return {
      updates: 0,
      dates: () => dates,
      addController: (controller: ReactiveController) => controllers.push(controller),
      removeController: () => {},
      requestUpdate() {
        this.updates++;
        for (const c of controllers) c.hostUpdated?.();
      },
      updateComplete: Promise.resolve(true),
    };
  }

  it('wakes when the soonest relative date changes its words, and then for the next', () => {
    vi.useFakeTimers({ now: Date.parse('2026-11-27T12:00:30Z') });
    const h = host(['2026-11-27T12:00:00Z', '2026-11-27T11:00:00Z', '2017-03-24T12:35:00Z']);
    const clock = new RelativeClock(h);
    clock.hostConnected();
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(29_000);
    expect(h.updates).toBe(0);
    vi.advanceTimersByTime(1_000); // 12:01:00: "now" becomes "1 minute ago"
    expect(h.updates).toBe(1);
    expect(clock.now).toBe(Date.parse('2026-11-27T12:01:00Z'));
    expect(vi.getTimerCount()).toBe(1);
  });

  it('sets no timer when every date is a fixed one, and stops when the thread is disconnected', () => {
    vi.useFakeTimers({ now: Date.parse('2026-11-27T12:00:30Z') });
    const old = new RelativeClock(host(['2017-03-24T12:35:00Z']));
    old.hostConnected();
    expect(vi.getTimerCount()).toBe(0);
    const recent = new RelativeClock(host(['2026-11-27T12:00:00Z']));
    recent.hostConnected();
    expect(vi.getTimerCount()).toBe(1);
    recent.hostDisconnected();
    expect(vi.getTimerCount()).toBe(0);
  });
});
