/**
 * The parts the admin view's shorter lists share (deliveries, mentions): a status filter that
 * applies when changed, and the "1–50 of 320 · Newer · Older" line; both go up as `riposte-admin-search`.
 */
import { html, nothing } from 'lit';
import type { Formats } from '../format.ts';
import type { CommentQuery } from './admin-api.ts';
import type { AdminStrings } from './admin-strings.ts';
import { PAGE_SIZE } from './riposte-admin-comments.ts';

function search(from: HTMLElement, query: CommentQuery) {
  from.dispatchEvent(new CustomEvent('riposte-admin-search', { detail: query, bubbles: true, composed: true }));
}

/** A Status select over `statuses`, named in `names`, with "Any" first. */
export function statusFilter<S extends string>(
  from: HTMLElement,
  t: AdminStrings,
  query: CommentQuery,
  statuses: readonly S[],
  names: Record<S, string>,
) {
  const onChange = (event: Event) => {
    const status = event.target instanceof HTMLSelectElement ? event.target.value : '';
    search(from, { status: status || undefined });
  };
  return html`<div class="field filter"><label for="status">${t.status}</label><select id="status" name="status" @change=${onChange}>
      <option value="" ?selected=${!query.status}>${t.anyStatus}</option>
      ${statuses.map((s) => html`<option value=${s} ?selected=${query.status === s}>${names[s]}</option>`)}
    </select></div>`;
}

/** Where this page is in the list, and the buttons to the pages around it. */
export function pager(from: HTMLElement, t: AdminStrings, f: Formats, query: CommentQuery, shown: number, total: number) {
  const offset = query.offset ?? 0;
  return html`<div class="row">
    <span class="muted">${t.range(f.number(offset + 1), f.number(offset + shown), f.number(total))}</span>
    ${offset > 0 ? html`<button class="secondary" @click=${() => search(from, { ...query, offset: Math.max(0, offset - PAGE_SIZE) })}>${t.newer}</button>` : nothing}
    ${offset + shown < total ? html`<button class="secondary" @click=${() => search(from, { ...query, offset: offset + PAGE_SIZE })}>${t.older}</button>` : nothing}
  </div>`;
}
