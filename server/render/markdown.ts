/**
 * Turns a comment's Markdown into the HTML readers see: rendered once at write time,
 * then cleaned by an allowlist sanitiser, so nothing a commenter types can run in a page.
 */
import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

export const LINK_REL = 'nofollow ugc noopener';

// Raw HTML off: "<b>" shows as text. Headings off: a comment is prose.
const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false }).disable(['heading', 'lheading']);

/** The text an image becomes, here and in imported HTML. */
const imageText = (alt: string) => `[image${alt ? `: ${alt}` : ''}]`;

// An image would make every reader's browser call a third party: `![alt](url)` becomes a link
// to it (left off, its "!" stayed in front of a link named by the alt text).
markdown.renderer.rules.image = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!;
  const { escapeHtml } = markdown.utils;
  const alt = self.renderInlineAsText(token.children ?? [], options, env);
  return `<a href="${escapeHtml(String(token.attrGet('src') ?? ''))}">${escapeHtml(imageText(alt))}</a>`;
};

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

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

/**
 * For HTML written elsewhere (WordPress, Disqus), which commenters wrote as markup, not as
 * text: the same allowlist, but a tag outside it is unwrapped (its text kept, not shown as
 * "<b>"), common synonyms map onto allowed tags, and an image becomes a link to it (readers'
 * browsers must not fetch it). `q`, `sub` and `sup` are added because dropping them changes
 * the meaning ("E = MC2"); they take no attributes.
 */
const SANITIZE_IMPORTED: sanitizeHtml.IOptions = {
  ...SANITIZE,
  allowedTags: [...(SANITIZE.allowedTags || []), 'q', 'sub', 'sup'],
  disallowedTagsMode: 'discard',
  transformTags: {
    ...SANITIZE.transformTags,
    b: 'strong',
    i: 'em',
    cite: 'em',
    var: 'em',
    strike: 'del',
    kbd: 'code',
    tt: 'code',
    samp: 'code',
    // Blocks whose text would otherwise run into the next block's.
    ...Object.fromEntries([...HEADINGS, 'address', 'dt', 'dd', 'tr', 'caption', 'figcaption'].map((tag) => [tag, 'p'])),
    img: (_tagName, { src, alt }): sanitizeHtml.Tag => ({
      tagName: 'a',
      attribs: isSafeHref(src) ? { href: src, rel: LINK_REL } : {},
      text: imageText(alt ?? ''),
    }),
  },
};

export function sanitizeImportedHtml(html: string): string {
  return sanitizeHtml(html, SANITIZE_IMPORTED).trim();
}

export function renderMarkdown(source: string): string {
  return sanitizeCommentHtml(markdown.render(source));
}
