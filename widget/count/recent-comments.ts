/**
 * The work of `<riposte-recent>`: the site's newest comments (GET /api/v1/recent) as a list in
 * the page's own DOM, styled by the blog ("Ann on Hello world", a link to the comment, its
 * date), in the element's language. Until then, or if the request fails, the element shows
 * what the page put in it.
 */
import { DEFAULT_SITE } from '../../shared/default-site.ts';
import type { WireRecent } from '../../shared/listing-wire.ts';
import { call } from '../api.ts';
import { serverOf, wordsFor } from './counts.ts';

export async function showRecent(element: HTMLElement, defaultServer: string): Promise<void> {
  const query = new URLSearchParams({ site: element.getAttribute('site') || DEFAULT_SITE, limit: element.getAttribute('limit') || '5' });
  let answer: [WireRecent, Awaited<ReturnType<typeof wordsFor>>];
  try {
    answer = await Promise.all([call<WireRecent>('GET', `${serverOf(element, defaultServer)}api/v1/recent?${query}`), wordsFor(element)]);
  } catch (error) {
    console.error('Riposte: recent comments could not be loaded.', error);
    return;
  }
  const [{ comments }, { t, f }] = answer;
  const now = Date.now();
  const list = document.createElement('ul');
  list.className = 'riposte-recent';
  for (const comment of comments) {
    const item = document.createElement('li');
    const { page } = comment;
    const text = t.commentOn(comment.author.name || t.someone, page.title || page.url || page.key);
    const target = page.url ? new URL(page.url, location.href) : null;
    if (target && /^https?:$/.test(target.protocol)) {
      target.hash = `comment-${comment.id}`;
      const link = document.createElement('a');
      link.href = target.href;
      link.textContent = text;
      item.append(link);
    } else {
      item.append(text);
    }
    const time = document.createElement('time');
    time.dateTime = comment.createdAt;
    time.textContent = f.date(comment.createdAt, now);
    item.append(' ', time);
    list.append(item);
  }
  element.replaceChildren(list);
}
