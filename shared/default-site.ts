/** The site a page belongs to when it names none: one of its own so the widget's first load does not carry LIMITS. */
export const DEFAULT_SITE = 'default';
