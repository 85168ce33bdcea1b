/** Français : ce qu'affichent les mises à jour en direct (widget/i18n/strings.ts dit où chaque texte paraît). */
import type { LiveStrings } from '../../i18n/strings.ts';

export default {
  newComments: { one: '{n} nouveau commentaire', other: '{n} nouveaux commentaires' },
} satisfies LiveStrings;
