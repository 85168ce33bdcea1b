/**
 * Draws a long page of comments a screenful at a time. Of the comments one change brings (the
 * first page, "Show more comments", a permalink's page), the first CHUNK in reading order draw
 * at once and the rest CHUNK per frame after, so the first comments are on screen soon and no
 * task holds the page for long (a page of 100 comments drawn at once took a quarter of a second
 * of script, then as long again for style and layout). Comments posted, opened or unfolded by
 * the reader draw at once.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { shownReplies } from './reply-folds.ts';
import type { CommentNode } from './tree.ts';

/** Comments drawn at once, then in each following frame: a screenful (3 to 6 comments show on a laptop or a phone), well under 50 ms of work. */
export const CHUNK = 6;

export class ChunkedDrawing implements ReactiveController {
  /** The responses to the page, in the thread's order (as note() last saw them). */
  private _roots: CommentNode[] = [];
  /** Comments whose drawing waits for a later frame. */
  private _later = new Set<number>();
  /** Comments drawn, folded or waiting. */
  private _seen = new Set<number>();
  private _frame = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** The comments whose long runs of replies are unfolded. */
    private readonly unfolded: () => ReadonlySet<number>,
  ) {
    host.addController(this);
  }

  /** Starts again: a new load draws its first page a chunk at a time. */
  reset() {
    this._seen.clear();
    this._later.clear();
  }

  /** Takes the tree as it now is: comments not seen before, shown and past the first CHUNK, wait (none when `all`). */
  note(roots: CommentNode[], all: boolean) {
    this._roots = roots;
    let budget = all ? Number.POSITIVE_INFINITY : CHUNK;
    const visit = (node: CommentNode, shown: boolean) => {
      const { id } = node.comment;
      if (!this._seen.has(id)) {
        this._seen.add(id);
        if (shown && budget-- <= 0) this._later.add(id);
      }
      const visible = shownReplies(node, this.unfolded()).shown;
      for (const reply of node.replies) visit(reply, shown && visible.includes(reply));
    };
    for (const root of roots) visit(root, true);
  }

  /** Whether a comment is drawn now (else it waits for a later frame). */
  drawn(node: CommentNode): boolean {
    return !this._later.has(node.comment.id);
  }

  /** Whether every comment is drawn. */
  get done(): boolean {
    return this._later.size === 0;
  }

  /** Draws waiting comments in reading order: `budget` of them, and up to comment `last` (a permalink's) at least. */
  drawMore(budget: number, last?: number) {
    const visit = (node: CommentNode): boolean => {
      if (budget <= 0 && !this._later.has(last ?? 0)) return true;
      if (this._later.delete(node.comment.id)) budget--;
      return shownReplies(node, this.unfolded()).shown.some(visit);
    };
    this._roots.some(visit);
    this.host.requestUpdate();
  }

  // The next chunk draws after the frame that paints this one (a timer set in the frame runs
  // after it paints), so the first comments are painted alone. A frame that comes while the
  // thread is out of the page draws nothing, and the thread draws again when it is back.
  hostUpdated() {
    this._frame ||= this.done
      ? 0
      : requestAnimationFrame(() =>
          setTimeout(() => {
            this._frame = 0;
            this.drawMore(CHUNK);
          }),
        );
  }
}
