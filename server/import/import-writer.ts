/**
 * Writes what an importer read, whatever the format: finds or makes each page's thread,
 * adds each comment unless an earlier import added it (its import key), attaches replies
 * to their parents (even when a reply comes first in the file), and counts it all.
 */
import { cleanName, removeUnwantedChars } from '../../shared/clean-text.ts';
import type { CommentKind, CommentStatus } from '../../shared/wire.ts';
import { hasText } from '../comments/comment-rules.ts';
import { keyedHash } from '../tokens.ts';
import type { ImportTransaction } from '../store/index.ts';
import { addSkipped, addWarning, type ImportSummary } from './import-summary.ts';

export interface ImportedThread {
  /** Normalised page key (the page's URL, else its identifier). */
  pageKey: string;
  url: string | null;
  title: string | null;
  /** The page's id in the old system (WordPress post id, Disqus identifier). */
  externalId: string | null;
  createdAt: string | null;
}

export interface ImportedComment {
  /** Unique across imports: site, format, source and the comment's id there. */
  importKey: string;
  parentKey: string | null;
  status: CommentStatus;
  kind: CommentKind;
  authorName: string;
  authorEmail: string | null;
  authorWebsite: string | null;
  ip: string | null;
  createdAt: string;
  /** Converts the body; only called for a comment not imported before (it is the slow part). */
  body(): { html: string; markdown: string };
  /** How messages name it: `comment 904`. */
  label: string;
}

/** Parent chains longer than this are taken as broken data, not walked further. */
const MAX_CHAIN = 100_000;

export class ImportWriter {
  private readonly threadIds = new Map<string, number>();
  private readonly pendingParents: { id: number; threadId: number; parentKey: string; label: string }[] = [];

  constructor(
    private readonly tx: ImportTransaction,
    /** The site the comments go to; the hashing key for IPs; the import's time, for a thread the export gives no date. */
    private readonly to: { siteId: string; hashKey: string; now: string },
    readonly summary: ImportSummary,
  ) {}

  async comment(thread: ImportedThread, comment: ImportedComment): Promise<void> {
    const { imports } = this.tx;
    if (await imports.commentByImportKey(comment.importKey)) {
      // Counted among threads "already there" even when none of its comments is new.
      await this.threadId(thread);
      addSkipped(this.summary, 'already imported');
      return;
    }
    // Imported text goes through no form: what XML feeds and exports cannot carry goes here.
    const body = comment.body();
    const html = removeUnwantedChars(body.html);
    const markdown = removeUnwantedChars(body.markdown);
    // A deleted comment is kept without text, as a placeholder for its replies.
    if (!hasText(html) && comment.status !== 'deleted') {
      addSkipped(this.summary, 'with no text');
      return;
    }
    const threadId = await this.threadId(thread);

    let parentId: number | null = null;
    let waitsForParent = false;
    if (comment.parentKey !== null) {
      const parent = await imports.commentByImportKey(comment.parentKey);
      if (!parent) waitsForParent = true;
      else if (parent.threadId === threadId) parentId = parent.id;
      else addWarning(this.summary, `${comment.label}: its parent is on another page; shown as a response to the page.`);
    }
    const id = await imports.insertComment({
      threadId,
      parentId,
      status: comment.status,
      kind: comment.kind,
      authorName: cleanName(comment.authorName),
      authorEmail: comment.authorEmail,
      authorWebsite: comment.authorWebsite,
      ipHash: comment.ip ? keyedHash(this.to.hashKey, 'ip', comment.ip) : null,
      bodyMarkdown: markdown,
      bodyHtml: html,
      createdAt: comment.createdAt,
      importKey: comment.importKey,
    });
    // The same key twice in one file: the first one stands.
    if (id === undefined) {
      addSkipped(this.summary, 'already imported');
      return;
    }
    if (waitsForParent) this.pendingParents.push({ id, threadId, parentKey: comment.parentKey!, label: comment.label });

    const { comments } = this.summary;
    comments.imported++;
    comments.byStatus[comment.status] = (comments.byStatus[comment.status] ?? 0) + 1;
    comments.byKind[comment.kind] = (comments.byKind[comment.kind] ?? 0) + 1;
  }

  /** Attaches the replies that came before their parents; call once the whole file is read. */
  async finish(): Promise<void> {
    const { imports } = this.tx;
    for (const pending of this.pendingParents) {
      const parent = await imports.commentByImportKey(pending.parentKey);
      if (!parent) {
        addWarning(this.summary, `${pending.label}: its parent is not in the export; shown as a response to the page.`);
      } else if (parent.threadId !== pending.threadId) {
        addWarning(this.summary, `${pending.label}: its parent is on another page; shown as a response to the page.`);
      } else if (await this.isAncestorOrSelf(pending.id, parent.id)) {
        addWarning(this.summary, `${pending.label}: its parent is one of its own replies; shown as a response to the page.`);
      } else {
        await imports.setParent(pending.id, parent.id);
      }
    }
    this.pendingParents.length = 0;
  }

  /** Whether `id` is `start` or above it in its chain of parents (a loop the widget could not draw). */
  private async isAncestorOrSelf(id: number, start: number): Promise<boolean> {
    let current: number | null | undefined = start;
    for (let steps = 0; current !== null && current !== undefined && steps < MAX_CHAIN; steps++) {
      if (current === id) return true;
      current = await this.tx.imports.parentOf(current);
    }
    return current !== null && current !== undefined;
  }

  private async threadId(thread: ImportedThread): Promise<number> {
    const known = this.threadIds.get(thread.pageKey);
    if (known !== undefined) return known;
    const title = thread.title === null ? null : cleanName(thread.title);
    const row = { siteId: this.to.siteId, ...thread, title, createdAt: thread.createdAt ?? this.to.now };
    const found = await this.tx.imports.findThread(this.to.siteId, thread.pageKey, thread.externalId);
    let id: number;
    if (found) {
      await this.tx.imports.completeThread(found, row);
      this.summary.threads.matched++;
      id = found.id;
    } else {
      id = (await this.tx.imports.createThread(row)).id;
      this.summary.threads.created++;
    }
    this.threadIds.set(thread.pageKey, id);
    return id;
  }
}
