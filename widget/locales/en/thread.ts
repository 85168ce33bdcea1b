/** English: what the thread shows while a reader reads (widget/i18n/strings.ts says where each string shows). */
import type { ThreadStrings } from '../../i18n/strings.ts';

export default {
  responses: { '=0': 'No responses yet', one: '{n} Response', other: '{n} Responses' },
  likes: { '=0': 'Be the first to like this.', one: '{n} reader likes this.', other: '{n} readers like this.' },
  like: 'Like',
  subscribe: 'Subscribe to comments with RSS',
  loading: 'Loading comments…',
  loadFailed: 'Comments could not be loaded.',
  retry: 'Retry',
  deleted: 'This comment was deleted.',
  pending: 'Your comment is awaiting moderation.',
  closed: 'Comments are closed.',
  ownerBadge: 'Author',
  moderatorBadge: 'Moderator',
  kinds: { pingback: 'Pingback', trackback: 'Trackback' },
  reply: 'Reply',
  replyTo: (name) => `Reply to ${name}`,
  inReplyTo: 'in reply to',
  commentBy: (name) => `Comment by ${name}`,
  someone: 'someone',
  commentOn: (name, page) => `${name} on ${page}`,
  leaveReply: 'Leave a Reply',
  edited: (when) => `(edited ${when})`,
} satisfies ThreadStrings;
