/** Deutsch: was die Live-Aktualisierung zeigt (widget/i18n/strings.ts sagt, wo welcher Text erscheint). */
import type { LiveStrings } from '../../i18n/strings.ts';

export default {
  newComments: { one: '{n} neuer Kommentar', other: '{n} neue Kommentare' },
} satisfies LiveStrings;
