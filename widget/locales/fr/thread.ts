/** Français : ce que le fil affiche pendant la lecture (widget/i18n/strings.ts dit où chaque texte paraît). */
import type { ThreadStrings } from '../../i18n/strings.ts';

export default {
  responses: { '=0': 'Aucune réponse pour l’instant', one: '{n} réponse', many: '{n} de réponses', other: '{n} réponses' },
  likes: {
    '=0': 'Soyez le premier à aimer ceci.',
    one: 'Un lecteur aime cette page.',
    many: '{n} de lecteurs aiment cette page.',
    other: '{n} lecteurs aiment cette page.',
  },
  like: 'J’aime',
  subscribe: 'S’abonner aux commentaires par RSS',
  loading: 'Chargement des commentaires…',
  loadFailed: 'Les commentaires n’ont pas pu être chargés.',
  retry: 'Réessayer',
  deleted: 'Ce commentaire a été supprimé.',
  pending: 'Votre commentaire est en attente de modération.',
  closed: 'Les commentaires sont fermés.',
  ownerBadge: 'Auteur',
  moderatorBadge: 'Modérateur',
  kinds: { pingback: 'Pingback', trackback: 'Trackback' },
  reply: 'Répondre',
  replyTo: (name) => `Répondre à ${name}`,
  inReplyTo: 'en réponse à',
  commentBy: (name) => `Commentaire de ${name}`,
  someone: 'quelqu’un',
  commentOn: (name, page) => `${name} sur ${page}`,
  leaveReply: 'Laisser un commentaire',
  edited: (when, relative) => (relative ? `(modifié ${when})` : `(modifié le ${when})`),
} satisfies ThreadStrings;
