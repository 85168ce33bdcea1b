/**
 * The work of `<riposte-count page-id="…" page-url="…" site="…" server="…">`: every count on
 * the page in one request per server and site (GET /api/v1/counts, 100 pages at most each),
 * written in the element's language ("9 Responses", plurals from the thread's catalogue),
 * linking to the page's `#comments` when `page-url` is given. Until then the element shows
 * what the page put in it; if the request fails, that stays.
 */
import { DEFAULT_SITE } from '../../shared/default-site.ts';
import { MAX_COUNT_PAGES, type WireCounts } from '../../shared/listing-wire.ts';
import { call } from '../api.ts';
import { Formats } from '../format.ts';
import { elementLanguage, FALLBACK, matchLanguage } from '../i18n/languages.ts';
import type { ThreadStrings } from '../i18n/strings.ts';
import { LANGUAGES, loadThreadStrings } from '../i18n/thread-catalogues.ts';

/** Counts asked of one site of one server, each element with the page it counts. */
interface Batch {
  server: string;
  site: string;
  elements: Map<HTMLElement, string>;
}

/** Batches waiting to be sent, by server and site. */
const waiting = new Map<string, Batch>();
let flushSoon = false;

/** Adds the element to the next batch: all counts asked for in one task go in one request. */
export function countLater(element: HTMLElement, defaultServer: string): void {
  const page = element.getAttribute('page-id') || element.getAttribute('page-url');
  if (!page) {
    console.error('Riposte: <riposte-count> needs page-id or page-url.', element);
    return;
  }
  const server = serverOf(element, defaultServer);
  const site = element.getAttribute('site') || DEFAULT_SITE;
  const key = `${server} ${site}`;
  const batch = waiting.get(key) ?? { server, site, elements: new Map<HTMLElement, string>() };
  batch.elements.set(element, page);
  waiting.set(key, batch);
  if (!flushSoon) {
    flushSoon = true;
    setTimeout(flush);
  }
}

/** The comment server's root URL (ending in "/") for a listing element: its `server`, else where embed.js came from. */
export function serverOf(element: HTMLElement, defaultServer: string): string {
  const root = element.getAttribute('server') || defaultServer || location.href;
  return new URL(root.endsWith('/') ? root : `${root}/`, location.href).href;
}

function flush(): void {
  flushSoon = false;
  for (const { server, site, elements } of waiting.values()) {
    const pages = [...new Set(elements.values())];
    for (let i = 0; i < pages.length; i += MAX_COUNT_PAGES) {
      const asked = pages.slice(i, i + MAX_COUNT_PAGES);
      const query = new URLSearchParams([['site', site], ...asked.map((page) => ['page', page])]);
      call<WireCounts>('GET', `${server}api/v1/counts?${query}`).then(
        ({ counts }) => {
          const byPage = new Map(asked.map((page, n) => [page, counts[n]?.count ?? 0]));
          for (const [element, page] of elements) {
            const count = byPage.get(page);
            if (count !== undefined) void show(element, count);
          }
        },
        (error: unknown) => console.error('Riposte: comment counts could not be loaded.', error),
      );
    }
  }
  waiting.clear();
}

const formats = new Map<string, Formats>();

/** The thread's strings and formats in the element's language (its `lang`, else the page's), for a listing element. */
export async function wordsFor(element: HTMLElement): Promise<{ t: ThreadStrings; f: Formats }> {
  const lang = matchLanguage(elementLanguage(element), LANGUAGES) ?? FALLBACK;
  const t = await loadThreadStrings(lang);
  const f = formats.get(lang) ?? new Formats(lang);
  formats.set(lang, f);
  return { t, f };
}

/** Writes "9 Responses" in the element's language, as a link to the page's comments where its address is known. */
async function show(element: HTMLElement, count: number): Promise<void> {
  const { t, f } = await wordsFor(element);
  const text = f.count(count, t.responses);
  element.dataset.count = String(count);
  const url = element.getAttribute('page-url');
  const target = url ? new URL(url, location.href) : null;
  // Not inside a link already (a theme may wrap the whole line in one), and only to web pages.
  if (!target || !/^https?:$/.test(target.protocol) || element.closest('a')) {
    element.textContent = text;
    return;
  }
  target.hash = 'comments';
  const link = document.createElement('a');
  link.href = target.href;
  link.textContent = text;
  element.replaceChildren(link);
}
