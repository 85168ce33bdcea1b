/** Styles every component shares: the theme tokens, the button looks and text only screen readers read. */
// Public `--riposte-*` custom properties resolve to private `--_*` ones with defaults. The
// defaults derive from the inherited text colour, so light and dark host pages both suit.
import { css } from './lean-element.ts';

export const tokens = css`
  :host {
    --_accent: var(--riposte-accent, #2457c5);
    --_on-accent: var(--riposte-accent-contrast, #fff);
    --_muted: var(--riposte-muted, color-mix(in srgb, currentColor 66%, transparent));
    --_border: var(--riposte-border, color-mix(in srgb, currentColor 16%, transparent));
    --_surface: var(--riposte-surface, color-mix(in srgb, currentColor 4%, transparent));
    --_highlight: var(--riposte-bg-highlight, color-mix(in srgb, var(--_accent) 13%, transparent));
    --_radius: var(--riposte-radius, 0.5em);
    --_danger: var(--riposte-danger, #b3261e);
    box-sizing: border-box;
  }
  /* light-dark() follows the host page's color-scheme, so a dark page gets a readable accent. */
  @supports (color: light-dark(red, red)) {
    :host {
      --_accent: var(--riposte-accent, light-dark(#2457c5, #8fb3ff));
      --_on-accent: var(--riposte-accent-contrast, light-dark(#fff, #0c1830));
      --_danger: var(--riposte-danger, light-dark(#b3261e, #ffb4ab));
    }
  }
  * {
    box-sizing: inherit;
  }
  a {
    color: var(--_accent);
    text-underline-offset: 0.15em;
  }
  button {
    font: inherit;
    color: inherit;
    cursor: pointer;
    border-radius: var(--_radius);
  }
  button:disabled,
  button[aria-disabled='true'] {
    cursor: default;
    opacity: 0.6;
  }
  :focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .quiet {
    border: 0;
    background: none;
    padding: 0.25em 0.4em;
    margin: -0.25em -0.4em;
    color: var(--_muted);
  }
  .quiet:hover {
    color: var(--_accent);
    background: var(--_surface);
  }
  .secondary {
    border: 1px solid var(--_border);
    background: none;
    padding: 0.5em 1.1em;
  }
  /* Said to screen readers, not shown. */
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
