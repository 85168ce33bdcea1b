/**
 * A hidden line of text in each face and size the thread's first comments are drawn with,
 * laid out with the loading placeholder (or beside the thread the server drew into the page).
 * On Linux, Chromium asks its browser process for every new face and size (and for a font
 * holding a glyph such as ♡); in the frame that first shows the comments those questions took
 * 40 ms and more (npm run bench:browser -- --trace). Asked here, they are answered while the
 * comments are still on their way. Its own styles rather than `.visually-hidden` plus one rule:
 * measured, those came out 23 B larger in brotli, and the first load has 8 B to spare.
 */
import { html } from 'lit/html.js';
import { avatar } from './avatar.ts';
import { css } from './lean-element.ts';

/**
 * The classes are the thread's own (thread-styles.ts, comment-styles.ts), so each computes the
 * same font; one stands for others of its size (.count for the order's choice, .date for the
 * feed link and the quiet notes).
 */
export const fontWarmup = html`<div class="font-warmup" aria-hidden="true" inert>
  <h2>a</h2><span class="heart">♡</span><span class="count">a</span>${avatar('a', '')}
  <p class="meta"><span class="author">a</span><span class="badge">a</span><span class="date">a</span></p>
  <div class="body">a <em>a</em> <strong>a</strong> <code>a</code></div>
  <button class="quiet reply">a</button>
</div>`;

/** Laid out (so its fonts are looked up) but neither seen, heard nor taking room. */
export const fontWarmupStyles = css`
  .font-warmup {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    visibility: hidden;
  }
`;
