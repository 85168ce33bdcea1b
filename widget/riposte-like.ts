/** The page's "♡ Like" toggle and its "N readers like this" line. */
import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { emit } from './events.ts';
import { formatCount } from './format.ts';
import { t } from './i18n.ts';
import { tokens } from './styles.ts';

/**
 * A toggle button (aria-pressed) and the like count. It only asks: the thread stores the like.
 *
 * @fires riposte-like - The reader pressed the button; `detail.liked` is the state asked for.
 * @csspart like-button - The toggle.
 * @csspart like-count - The "N readers like this." text.
 */
export class RiposteLike extends LitElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: inline-flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.4em 0.75em;
      }
      button {
        display: inline-flex;
        align-items: center;
        gap: 0.35em;
        border: 1px solid var(--_border);
        background: none;
        border-radius: 999px;
        padding: 0.3em 0.9em;
      }
      button:hover:not([aria-disabled='true']) {
        border-color: var(--_accent);
        color: var(--_accent);
      }
      button[aria-pressed='true'] {
        border-color: var(--_accent);
        color: var(--_accent);
        background: var(--_highlight);
      }
      .heart {
        font-size: 1.15em;
        line-height: 1;
      }
      .count {
        color: var(--_muted);
        font-size: 0.9em;
      }
    `,
  ];

  /** How many readers like the page. */
  @property({ type: Number }) count = 0;

  /** Whether this browser likes it. */
  @property({ type: Boolean }) liked = false;

  /** True while a change is being saved. */
  @property({ type: Boolean }) busy = false;

  override render() {
    return html`<button part="like-button" aria-pressed=${this.liked} aria-disabled=${this.busy} @click=${this._onClick}>
        <span class="heart" aria-hidden="true">${this.liked ? '♥' : '♡'}</span>${t.like}
      </button>
      <span part="like-count" class="count">${formatCount(this.count, t.likes)}</span>`;
  }

  private _onClick() {
    // aria-disabled rather than disabled: the button keeps keyboard focus while a change saves.
    if (!this.busy) emit(this, 'riposte-like', { liked: !this.liked });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'riposte-like': RiposteLike;
  }
}
