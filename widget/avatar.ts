/** A commenter's picture drawn here (initials on a colour from a hash): no Gravatar, no request. */
import { html } from 'lit/html.js';
import { css } from './lean-element.ts';

/**
 * Initials on a disc whose colour comes from the server's avatar seed (a keyed hash of the
 * email), so one person keeps one colour without their email ever reaching the page.
 * A template rather than an element: a thread of 1,000 comments then has 1,000 fewer
 * elements and shadow roots to build. Decorative (aria-hidden): the name is written beside it.
 */
export function avatar(name: string, seed: string) {
  return html`<svg part="avatar" class="avatar" viewBox="0 0 40 40" aria-hidden="true">
    <circle cx="20" cy="20" r="20" fill=${avatarColour(seed)}></circle>
    <text x="20" y="20" dy="0.36em" text-anchor="middle">${initials(name)}</text>
  </svg>`;
}

/** Styles for `avatar()`, for the component that draws it (which sets `--_avatar`, the diameter). */
export const avatarStyles = css`
  .avatar {
    flex: none;
    width: var(--_avatar);
    height: var(--_avatar);
  }
  .avatar text {
    font: 600 15px system-ui, sans-serif;
    fill: #fff;
  }
`;

/** Up to two letters: the first of the first and last words ("Andrew Coates" -> "AC"). */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = (word: string | undefined) => (word ? (Array.from(word)[0] ?? '') : '');
  return (first(words[0]) + (words.length > 1 ? first(words[words.length - 1]) : '')).toUpperCase();
}

/**
 * A colour of even lightness (OKLCH), so white initials stay legible whatever the hue.
 * The seed picks the hue and a little of the chroma; no seed (a deleted comment) is grey.
 */
export function avatarColour(seed: string): string {
  const n = parseInt(seed.slice(0, 6), 16);
  if (Number.isNaN(n)) return 'oklch(0.62 0 0)';
  return `oklch(0.52 ${(0.09 + (n >> 16) / 2550).toFixed(3)} ${n % 360})`;
}
