/**
 * Disqus export files: <thread>s (link, identifier, title) then <post>s pointing at their
 * thread and parent by dsq:id. Known defects of real exports (threads with an empty
 * identifier, posts whose thread is missing) give warnings, not a failed import.
 */
import { normalisePageKey } from '../../shared/page-key.ts';
import type { CommentStatus } from '../../shared/wire.ts';
import { sanitizeImportedHtml } from '../render/markdown.ts';
import { htmlToMarkdown } from '../render/html-to-markdown.ts';
import { addSkipped, addWarning, plural } from './import-summary.ts';
import type { ImportedThread, ImportWriter } from './import-writer.ts';
import { child, childText, type RecordReader, type XmlElement } from './xml-records.ts';

const DISQUS = 'http://disqus.com';
const INTERNALS = 'http://disqus.com/disqus-internals';

type ThreadEntry = { thread: ImportedThread; deleted: boolean } | { unusable: string };

function dsqId(element: XmlElement | undefined): string {
  return element?.attributes.get(`${INTERNALS} id`)?.trim() ?? '';
}

/**
 * Disqus writes `2013-10-11T06:51:33Z`. Only a date marked as UTC is read: `new Date()` would
 * take one without a zone as the importing machine's local time, and guess at other formats.
 */
const DISQUS_DATE = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d+)?(?:Z|\+00:?00)$/;

function utcDate(value: string): string | null {
  const match = DISQUS_DATE.exec(value);
  if (!match) return null;
  const time = Date.parse(`${match[1]}${match[2]?.slice(0, 4) ?? ''}Z`);
  // The round trip refuses what a lenient parser rolls over (February 30th, hour 24).
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(match[1]!) ? new Date(time).toISOString() : null;
}

/** A value from the file inside a message: quoted, and cut short. */
const quoted = (value: string) => JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);

export function disqusReader(writer: ImportWriter, siteId: string): RecordReader {
  const { summary } = writer;
  const threads = new Map<string, ThreadEntry>();
  /** Posts whose thread has not been seen (yet): Disqus lists threads first, but is not bound to. */
  const waiting: XmlElement[] = [];
  const text = (element: XmlElement, local: string) => childText(element, DISQUS, local);

  function thread(element: XmlElement): void {
    const id = dsqId(element);
    // Stored as the server will look it up: a widget's page-id is normalised like any page key.
    const identifier = normalisePageKey(text(element, 'id'));
    const rawLink = text(element, 'link');
    const link = /^https?:\/\//i.test(rawLink) ? rawLink : '';
    const pageKey = link ? normalisePageKey(link) : normalisePageKey(identifier);
    if (!pageKey) {
      threads.set(id, { unusable: `thread ${id} has neither a link nor an identifier` });
      return;
    }
    const rawDate = text(element, 'createdAt');
    const createdAt = rawDate ? utcDate(rawDate) : null;
    if (rawDate && !createdAt)
      addWarning(summary, `thread ${id}: unreadable date ${quoted(rawDate)} (not UTC ISO 8601); the thread is dated by the import.`);
    threads.set(id, {
      thread: {
        pageKey,
        url: link || null,
        title: text(element, 'title') || null,
        externalId: identifier && identifier !== pageKey ? identifier : null,
        createdAt,
      },
      deleted: text(element, 'isDeleted') === 'true',
    });
  }

  async function post(element: XmlElement, final: boolean): Promise<void> {
    // A few real posts lack a dsq:id; their own <id> still keys them for the next import.
    const ownId = text(element, 'id');
    const id = dsqId(element) || (ownId && `id-${ownId}`);
    const threadId = dsqId(child(element, DISQUS, 'thread'));
    const entry = threads.get(threadId);
    if (!entry) {
      if (!final) return void waiting.push(element);
      addSkipped(summary, 'whose thread is not in the export');
      addWarning(summary, `post ${id}: its thread ${threadId || '(none)'} is not in the export; skipped.`);
      return;
    }
    if ('unusable' in entry) {
      addSkipped(summary, 'on a thread with no link or identifier');
      addWarning(summary, `post ${id}: ${entry.unusable}; skipped.`);
      return;
    }
    if (entry.deleted) {
      addSkipped(summary, 'on a thread deleted in Disqus');
      return;
    }
    if (!id) {
      addSkipped(summary, 'with no post id');
      return;
    }
    const rawDate = text(element, 'createdAt');
    const createdAt = utcDate(rawDate);
    if (!createdAt) {
      addSkipped(summary, 'with an unreadable date');
      addWarning(summary, `post ${id}: unreadable date ${quoted(rawDate)} (not UTC ISO 8601); skipped.`);
      return;
    }

    const status: CommentStatus =
      text(element, 'isSpam') === 'true' ? 'spam' : text(element, 'isDeleted') === 'true' ? 'deleted' : 'approved';
    const author = child(element, DISQUS, 'author');
    const name = author ? text(author, 'name') || text(author, 'username') : '';
    const parentId = dsqId(child(element, DISQUS, 'parent'));
    const message = text(element, 'message');
    const prefix = `${siteId}:disqus`;

    await writer.comment(entry.thread, {
      importKey: `${prefix}:${id}`,
      parentKey: parentId ? `${prefix}:${parentId}` : null,
      status,
      kind: 'comment',
      authorName: name || 'Anonymous',
      authorEmail: (author && text(author, 'email')) || null,
      authorWebsite: null,
      ip: text(element, 'ipAddress') || null,
      createdAt,
      label: `post ${id}`,
      body: () => {
        // Disqus messages are HTML already (<p>, <br>, <a>, <b>, <blockquote>...).
        const html = sanitizeImportedHtml(message);
        return { html, markdown: htmlToMarkdown(html) };
      },
    });
  }

  return {
    recordDepth: 1,
    checkRoot(uri, local) {
      if (local !== 'disqus' || uri !== DISQUS) return `not a Disqus export (expected <disqus xmlns="${DISQUS}">, found <${local}>)`;
      return undefined;
    },
    async record(element) {
      if (element.uri !== DISQUS) return;
      if (element.local === 'thread') thread(element);
      else if (element.local === 'post') await post(element, false);
    },
    async finish() {
      for (const element of waiting.splice(0)) await post(element, true);
      const unusable = [...threads.values()].filter((entry) => 'unusable' in entry).length;
      if (unusable > 0)
        addWarning(
          summary,
          `${plural(unusable, 'thread has', 'threads have')} neither a link nor an identifier and ${unusable === 1 ? 'was' : 'were'} left out.`,
        );
    },
  };
}
