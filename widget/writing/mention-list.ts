/**
 * The thread's mentions: other pages that answered this one (approved Webmentions), drawn
 * apart from the comments under their own heading, as WordPress lists pingbacks. Each shows
 * who, what they did (replied, liked…), when, the post's title and its text (server-made HTML).
 */
import { html, nothing } from 'lit/html.js';
import type { WireMention } from '../../shared/notifications.ts';
import type { Formats } from '../format.ts';
import type { FormStrings } from '../i18n/strings.ts';

/** Drawn with the writing side (loaded once the comments show), so readers download none of it before. */
export function mentionList(mentions: readonly WireMention[], t: FormStrings, f: Formats, now: number) {
  if (!mentions.length) return nothing;
  return html`<h3 part="mentions-title" class="mentions-title">${f.count(mentions.length, t.mentions)}</h3>
    <ol part="mentions" class="comments">
      ${mentions.map((m) => {
        const name = m.author.name ?? new URL(m.url).hostname;
        return html`<li><article part="mention" class="main">
          <p class="meta">
            ${m.author.url ? html`<a class="author" href=${m.author.url} rel="nofollow ugc noopener">${name}</a>` : html`<span class="author">${name}</span>`}
            <span class="quiet-text">${t.mentionTypes[m.type]}</span>
            <a class="date" href=${m.url} rel="nofollow ugc noopener"><time datetime=${m.publishedAt} title=${f.exact(m.publishedAt)}>${f.date(m.publishedAt, now)}</time></a>
          </p>
          ${m.name ? html`<p><a href=${m.url} rel="nofollow ugc noopener">${m.name}</a></p>` : nothing}
          ${m.html ? html`<div part="body" class="body" .innerHTML=${m.html}></div>` : nothing}
        </article></li>`;
      })}
    </ol>`;
}
