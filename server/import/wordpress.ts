/**
 * WordPress export files (WXR 1.0 to 1.2, under either the http:// or the https:// namespace):
 * each <item>'s comments, keyed by the post's permalink, with the post id kept for `page-id`.
 */
import { autop } from '@wordpress/autop';
import { decodeHTML } from 'entities';
import { normalisePageKey } from '../../shared/page-key.ts';
import type { CommentKind, CommentStatus } from '../../shared/wire.ts';
import { sanitizeImportedHtml } from '../render/markdown.ts';
import { htmlToMarkdown } from '../render/html-to-markdown.ts';
import { addSkipped, addWarning, plural } from './import-summary.ts';
import type { ImportedThread, ImportWriter } from './import-writer.ts';
import { child, children, childText, type RecordReader, type XmlElement } from './xml-records.ts';

/** Any version of the WordPress export namespace, http or https (the theme unit test uses https). */
const WXR_NAMESPACE = /^https?:\/\/wordpress\.org\/export\/\d+\.\d+\/$/;

const STATUSES: Record<string, CommentStatus> = {
  '1': 'approved',
  approve: 'approved',
  '0': 'pending',
  hold: 'pending',
  spam: 'spam',
  trash: 'deleted',
  'post-trashed': 'deleted',
};

const KINDS: Record<string, CommentKind> = { '': 'comment', comment: 'comment', pingback: 'pingback', trackback: 'trackback' };

/** "2013-03-14 14:57:01": WordPress's database format. */
const WP_DATE = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/;

function utcDate(value: string): string | null {
  const match = WP_DATE.exec(value);
  if (!match || value.startsWith('0000')) return null;
  const date = new Date(`${match[1]}T${match[2]}Z`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function httpUrl(value: string): string | null {
  if (!/^https?:\/\//i.test(value)) return null;
  try {
    return new URL(value).href;
  } catch {
    return null;
  }
}

export function wordpressReader(writer: ImportWriter, siteId: string): RecordReader {
  const { summary } = writer;
  let wp = '';
  /** The blog the export came from, so two blogs' comment ids never collide. */
  let source = '';
  let channelLink = '';
  let localDates = 0;

  const text = (element: XmlElement, local: string) => childText(element, wp, local);

  async function item(element: XmlElement): Promise<void> {
    const comments = children(element, wp, 'comment');
    if (comments.length === 0) return;
    const postId = text(element, 'post_id');
    const link = httpUrl(childText(element, '', 'link')) ?? httpUrl(childText(element, '', 'guid'));
    const title = decodeHTML(childText(element, '', 'title')) || null;
    if (!link) {
      addSkipped(summary, 'on a post with no permalink', comments.length);
      addWarning(summary, `post ${postId || '(no id)'} "${title ?? ''}" has no permalink; its ${comments.length} comments were skipped.`);
      return;
    }
    const thread: ImportedThread = {
      pageKey: normalisePageKey(link),
      url: link,
      title,
      externalId: postId || null,
      createdAt: utcDate(text(element, 'post_date_gmt')),
    };
    // Comments on a password-protected post were only for those with the password: keep them unpublished.
    const protectedPost = text(element, 'post_password') !== '';
    if (protectedPost)
      addWarning(summary, `post ${postId} "${title ?? ''}" is password-protected; its approved comments are imported as pending.`);
    // WordPress comment ids are unique within a blog, but hand-made exports repeat them across posts.
    const prefix = `${siteId}:wordpress:${source || channelLink}:${postId || thread.pageKey}`;

    for (const comment of comments) {
      const id = text(comment, 'comment_id');
      const label = `comment ${id || '(no id)'} on post ${postId}`;
      const type = text(comment, 'comment_type');
      const kind = KINDS[type];
      if (!kind) {
        addSkipped(summary, `not comments (type "${type}")`);
        continue;
      }
      if (!id) {
        addSkipped(summary, 'with no comment id');
        continue;
      }
      let createdAt = utcDate(text(comment, 'comment_date_gmt'));
      if (!createdAt) {
        // No GMT date (old exports): the local date is taken as UTC; the blog's time zone is not in the file.
        createdAt = utcDate(text(comment, 'comment_date'));
        if (createdAt) localDates++;
      }
      if (!createdAt) {
        addSkipped(summary, 'with an unreadable date');
        continue;
      }
      const approval = text(comment, 'comment_approved');
      let status = STATUSES[approval];
      if (!status) {
        status = 'pending';
        addWarning(summary, `${label}: unknown approval "${approval}"; imported as pending.`);
      }
      if (protectedPost && status === 'approved') status = 'pending';
      const parent = text(comment, 'comment_parent');
      const content = child(comment, wp, 'comment_content')?.text ?? '';

      await writer.comment(thread, {
        importKey: `${prefix}:${id}`,
        parentKey: parent && parent !== '0' ? `${prefix}:${parent}` : null,
        status,
        kind,
        // WordPress keeps names HTML-escaped ("Ping 1 &laquo; What&#8217;s"); Riposte keeps plain text.
        authorName: decodeHTML(text(comment, 'comment_author')) || 'Anonymous',
        authorEmail: text(comment, 'comment_author_email') || null,
        authorWebsite: httpUrl(text(comment, 'comment_author_url')),
        ip: text(comment, 'comment_author_IP') || null,
        createdAt,
        label,
        body: () => {
          // WordPress stores comments as "autop" text: blank lines are paragraphs, newlines line breaks.
          const html = sanitizeImportedHtml(autop(content));
          return { html, markdown: htmlToMarkdown(html) };
        },
      });
    }
  }

  return {
    // <rss><channel><item>: items, and the channel's own fields, are children of <channel>.
    recordDepth: 2,
    checkRoot(uri, local, namespaces) {
      wp = Object.values(namespaces).find((ns) => WXR_NAMESPACE.test(ns)) ?? '';
      if (local !== 'rss' || uri !== '' || !wp) {
        return `not a WordPress export (expected <rss> with the WordPress export namespace, found <${local}>${local === 'rss' ? ' without it' : ''})`;
      }
      return undefined;
    },
    async record(element) {
      if (element.local === 'item' && element.uri === '') await item(element);
      else if (element.local === 'base_blog_url' && element.uri === wp) source = element.text.trim().replace(/^https?:\/\//i, '');
      else if (element.local === 'link' && element.uri === '') channelLink = element.text.trim().replace(/^https?:\/\//i, '');
    },
    async finish() {
      if (localDates > 0) {
        addWarning(
          summary,
          `${plural(localDates, 'comment has', 'comments have')} no GMT date; the local date was taken as UTC (the blog's time zone is not in the export).`,
        );
      }
    },
  };
}
