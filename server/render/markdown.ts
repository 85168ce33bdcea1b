/**
 * Turns a comment's Markdown into the HTML readers see: rendered once at write time,
 * then cleaned by an allowlist sanitiser, so nothing a commenter types can run in a page.
 */
import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

export const LINK_REL = 'nofollow ugc noopener';

// Raw HTML off: "<b>" shows as text. Headings and images off: a comment is prose,
// and an image would make every reader's browser call a third party.
const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false }).disable([
  'heading',
  'lheading',
  'image',
]);

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'em', 'strong', 'del', 's', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'hr'],
  allowedAttributes: { a: ['href', 'rel'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'escape',
  transformTags: {
    a: (tagName, { href }): sanitizeHtml.Tag => ({ tagName, attribs: isSafeHref(href) ? { href, rel: LINK_REL } : {} }),
  },
};

/**
 * Only absolute http(s) and mailto links. The sanitiser's own scheme check lets through
 * relative links (meaningless on someone else's page) and hrefs that start with odd spaces.
 */
function isSafeHref(href: string | undefined): href is string {
  if (!href || !/^(https?:\/\/|mailto:)/i.test(href)) return false;
  try {
    return ['http:', 'https:', 'mailto:'].includes(new URL(href).protocol);
  } catch {
    return false;
  }
}

/** Sanitises HTML from any source (rendered Markdown now, imported comments later). */
export function sanitizeCommentHtml(html: string): string {
  return sanitizeHtml(html, SANITIZE).trim();
}

export function renderMarkdown(source: string): string {
  return sanitizeCommentHtml(markdown.render(source));
}
