/** Checks that a piece of server-made HTML can only show text, formatting and safe links. */
import { expect } from 'vitest';

// q, sub and sup come only from imported HTML (Markdown never makes them).
const ALLOWED_TAGS = new Set([
  'p',
  'br',
  'em',
  'strong',
  'del',
  's',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'a',
  'hr',
  'q',
  'sub',
  'sup',
]);
const ALLOWED_ATTRIBUTES = new Set(['href', 'rel', 'start']);

export function expectSafeHtml(html: string): void {
  for (const [, tag, attributes] of html.matchAll(/<\/?([a-zA-Z][\w-]*)([^>]*)>/g)) {
    expect(ALLOWED_TAGS, `tag <${tag}> in ${html}`).toContain(tag!.toLowerCase());
    for (const [, name, value] of attributes!.matchAll(/([^\s=/]+)(?:="([^"]*)")?/g)) {
      expect(ALLOWED_ATTRIBUTES, `attribute ${name} in ${html}`).toContain(name!.toLowerCase());
      if (name === 'href') expect(value, html).toMatch(/^(https?:|mailto:)/i);
    }
  }
}
