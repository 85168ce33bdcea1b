/** English: what live updates show (widget/i18n/strings.ts says where each string shows). */
import type { LiveStrings } from '../../i18n/strings.ts';

export default {
  newComments: { one: '{n} new comment', other: '{n} new comments' },
} satisfies LiveStrings;
