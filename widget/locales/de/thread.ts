/** Deutsch: was der Thread beim Lesen zeigt (widget/i18n/strings.ts sagt, wo jeder Text erscheint). */
import type { ThreadStrings } from '../../i18n/strings.ts';

export default {
  responses: { '=0': 'Noch keine Antworten', one: '{n} Antwort', other: '{n} Antworten' },
  likes: { '=0': 'Sei der Erste, dem das gefällt.', one: 'Einem Leser gefällt das.', other: '{n} Lesern gefällt das.' },
  like: 'Gefällt mir',
  subscribe: 'Kommentare per RSS abonnieren',
  loading: 'Kommentare werden geladen …',
  loadFailed: 'Die Kommentare konnten nicht geladen werden.',
  retry: 'Erneut versuchen',
  deleted: 'Dieser Kommentar wurde gelöscht.',
  pending: 'Dein Kommentar muss noch freigegeben werden.',
  closed: 'Die Kommentarfunktion ist geschlossen.',
  ownerBadge: 'Autor',
  moderatorBadge: 'Moderator',
  kinds: { pingback: 'Pingback', trackback: 'Trackback' },
  reply: 'Antworten',
  replyTo: (name) => `${name} antworten`,
  inReplyTo: 'als Antwort auf',
  commentBy: (name) => `Kommentar von ${name}`,
  someone: 'jemand',
  commentOn: (name, page) => `${name} zu ${page}`,
  leaveReply: 'Schreibe einen Kommentar',
  edited: (when, relative) => (relative ? `(bearbeitet ${when})` : `(bearbeitet am ${when})`),
} satisfies ThreadStrings;
