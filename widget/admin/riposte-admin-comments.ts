/**
 * `<riposte-admin-comments>`: a page of comments (the queue, or all of them) with the search
 * form, the selection and its bulk actions, and paging. The search and paging go up as
 * `riposte-admin-search`; actions as `riposte-admin-act`, like a single comment's.
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ADMIN_SORTS, type AdminComment } from '../../shared/moderation.ts';
import { COMMENT_STATUSES } from '../../shared/wire.ts';
import { defineOnce } from '../define.ts';
import type { Formats } from '../format.ts';
import type { AdminSite, CommentQuery } from './admin-api.ts';
import { request, type SelectEvent } from './admin-events.ts';
import { adminStyles } from './admin-styles.ts';
import type { AdminStrings } from './admin-strings.ts';
import './riposte-admin-comment.ts';

export const PAGE_SIZE = 50;

/**
 * @fires riposte-admin-search - New search terms, filters or page (`detail` is the query).
 * @fires riposte-admin-act - A bulk action on the selected comments.
 */
export class RiposteAdminComments extends LitElement {
  static override styles = [
    adminStyles,
    css`
      :host {
        padding: 0;
      }
      .tools {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: end;
        margin: 1rem 0;
      }
      .tools .field:first-child {
        flex: 1 1 12rem;
      }
      .bulk {
        position: sticky;
        top: 0;
        z-index: 1;
        background: Canvas;
        padding: 0.5rem 0;
        border-bottom: 1px solid var(--_border);
      }
      ol {
        list-style: none;
        padding: 0;
        margin: 0.75rem 0;
        display: grid;
        gap: 0.75rem;
      }
    `,
  ];

  /** The view's strings and formats, in the owner's language. */
  @property({ attribute: false }) t!: AdminStrings;
  @property({ attribute: false }) formats!: Formats;
  /** This page of comments, newest first. */
  @property({ attribute: false }) comments: AdminComment[] = [];
  /** How many match in all. */
  @property({ type: Number }) total = 0;
  /** False when the count stopped at `total` (more match). */
  @property({ type: Boolean }) totalExact = true;
  @property({ attribute: false }) sites: AdminSite[] = [];
  /** The search shown in the form. */
  @property({ attribute: false }) query: CommentQuery = {};
  /** The queue (pending only, no status filter) or all comments. */
  @property() view: 'queue' | 'all' = 'queue';

  @state() private _selected = new Set<number>();
  @state() private _busy = false;
  @state() private _error = '';
  /** Where in the list a comment's own action was taken, to put focus back there once the list reloads. */
  private _actedAt: number | null = null;

  override willUpdate(changed: PropertyValues) {
    // A new page (after an action, a search or paging) starts with nothing selected.
    if (changed.has('comments')) this._selected = new Set();
  }

  override updated(changed: PropertyValues) {
    // The acted-on comment may have left the list (approved out of the queue): a keyboard user
    // lands on the one that took its place, not at the top of the page.
    if (!changed.has('comments') || this._actedAt === null) return;
    const cards = this.renderRoot.querySelectorAll('riposte-admin-comment');
    cards[Math.min(this._actedAt, cards.length - 1)]?.focus();
    this._actedAt = null;
  }

  override render() {
    const { comments, total, t, formats: f } = this;
    const offset = this.query.offset ?? 0;
    const selected = comments.filter((c) => this._selected.has(c.id)).map((c) => c.id);
    const allSelected = comments.length > 0 && selected.length === comments.length;
    return html`<form class="tools" role="search" @submit=${this._onSearch}>
        <div class="field"><label for="q">${t.searchLabel}</label><input id="q" name="q" type="search" .value=${this.query.q ?? ''} /></div>
        ${
          this.view === 'all'
            ? html`<div class="field"><label for="status">${t.status}</label><select id="status" name="status">
              <option value="" ?selected=${!this.query.status}>${t.anyStatus}</option>
              ${COMMENT_STATUSES.map((s) => html`<option value=${s} ?selected=${this.query.status === s}>${t.statuses[s]}</option>`)}
            </select></div>`
            : nothing
        }
        ${
          this.sites.length > 1
            ? html`<div class="field"><label for="site">${t.site}</label><select id="site" name="site">
              <option value="">${t.allSites}</option>${this.sites.map((s) => html`<option value=${s.id} ?selected=${this.query.site === s.id}>${s.name}</option>`)}
            </select></div>`
            : nothing
        }
        ${
          this.view === 'all'
            ? html`<div class="field"><label for="sort">${t.order}</label><select id="sort" name="sort">
              ${ADMIN_SORTS.map((s) => html`<option value=${s} ?selected=${(this.query.sort ?? 'newest') === s}>${t.orders[s]}</option>`)}
            </select></div>
            <label class="check"><input type="checkbox" name="pinned" value="true" ?checked=${this.query.pinned === 'true'} />${t.pinnedOnly}</label>`
            : nothing
        }
        <button class="secondary">${t.search}</button>
      </form>
      ${
        comments.length
          ? html`<div class="bulk row" role="group" aria-label=${t.bulkActions}>
              <label class="check"><input type="checkbox" .checked=${allSelected} @change=${this._onSelectAll} />${t.selectAll(f.number(comments.length))}</label>
              <span class="muted">${f.count(selected.length, t.selected)}</span>
              <button class="primary" ?disabled=${!selected.length || this._busy} @click=${() => this._bulk(selected, 'approve')}>${t.bulk.approve}</button>
              <button class="secondary" ?disabled=${!selected.length || this._busy} @click=${() => this._bulk(selected, 'spam')}>${t.bulk.spam}</button>
              <button class="secondary" ?disabled=${!selected.length || this._busy} @click=${() => this._bulk(selected, 'delete')}>${t.bulk.delete}</button>
            </div>
            ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
            <ol aria-label=${this.view === 'queue' ? t.queueList : t.allList} @riposte-admin-select=${this._onSelect} @riposte-admin-act=${this._onCardAct}>
              ${comments.map((c) => html`<li><riposte-admin-comment .t=${t} .formats=${f} .comment=${c} .selected=${this._selected.has(c.id)}></riposte-admin-comment></li>`)}
            </ol>
            <div class="row">
              <span class="muted">${(this.totalExact ? t.range : t.rangeOfMore)(f.number(offset + 1), f.number(offset + comments.length), f.number(total))}</span>
              ${offset > 0 ? html`<button class="secondary" @click=${() => this._search({ ...this.query, offset: Math.max(0, offset - PAGE_SIZE) })}>${t.newer}</button>` : nothing}
              ${offset + comments.length < total ? html`<button class="secondary" @click=${() => this._search({ ...this.query, offset: offset + PAGE_SIZE })}>${t.older}</button>` : nothing}
            </div>`
          : html`<p class="note">${this.view === 'queue' && !this.query.q ? t.queueEmpty : t.noMatch}</p>`
      }`;
  }

  private _onSelect(event: SelectEvent) {
    event.stopPropagation();
    const next = new Set(this._selected);
    if (event.detail.selected) next.add(event.detail.id);
    else next.delete(event.detail.id);
    this._selected = next;
  }

  private _onCardAct(event: Event) {
    const cards: EventTarget[] = [...this.renderRoot.querySelectorAll('riposte-admin-comment')];
    const card = event.composedPath().find((target) => cards.includes(target));
    this._actedAt = card ? cards.indexOf(card) : null;
  }

  private _onSelectAll(event: Event) {
    const all = event.target instanceof HTMLInputElement && event.target.checked;
    this._selected = all ? new Set(this.comments.map((c) => c.id)) : new Set();
  }

  private async _bulk(ids: number[], action: 'approve' | 'spam' | 'delete') {
    this._busy = true;
    this._error = (await request(this, 'riposte-admin-act', { ids, action })) ?? '';
    this._busy = false;
  }

  private _onSearch(event: SubmitEvent) {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const text = (name: string) => String(form.get(name) ?? '') || undefined;
    this._search({ q: text('q'), status: text('status'), site: text('site'), sort: text('sort'), pinned: text('pinned') });
  }

  private _search(query: CommentQuery) {
    this.dispatchEvent(new CustomEvent('riposte-admin-search', { detail: query, bubbles: true, composed: true }));
  }
}

defineOnce('riposte-admin-comments', RiposteAdminComments);

declare global {
  interface HTMLElementTagNameMap {
    'riposte-admin-comments': RiposteAdminComments;
  }
}
