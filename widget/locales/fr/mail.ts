/** Français : les courriels de Riposte et les pages que leurs liens ouvrent (widget/i18n/mail-strings.ts en donne la forme). */
import type { MailStrings } from '../../i18n/mail-strings.ts';
import admin from './admin.ts';

export default {
  lang: 'fr',
  page: (title, url) => (title ? `« ${title} »` : url),
  reply: {
    subject: ({ author, page }) => `${author} a répondu à votre commentaire sur ${page}`,
    intro: ({ author, page }) => `${author} a répondu à votre commentaire sur ${page} :`,
    action: 'Lire la réponse sur la page',
    why: ({ page }) => `Vous recevez ce courriel parce que vous avez demandé à être averti des réponses à votre commentaire sur ${page}.`,
  },
  newComment: {
    subject: ({ author, page }) => `Nouveau commentaire de ${author} sur ${page}`,
    intro: ({ author, page }) => `${author} a commenté ${page} :`,
    action: 'Lire le commentaire sur la page',
    why: ({ page }) => `Vous recevez ce courriel parce que vous suivez les commentaires de ${page}.`,
  },
  confirm: {
    subject: ({ site }) => `Confirmez votre adresse pour les commentaires de ${site}`,
    intro: ({ site, page, what }) =>
      `Quelqu’un, vous nous l’espérons, a demandé à ${site} d’écrire à cette adresse ${
        what === 'replies' ? 'quand quelqu’un répond à son commentaire' : 'à chaque nouveau commentaire'
      } sur ${page}. Rien n’est envoyé tant que vous n’avez pas confirmé.`,
    introAlerts: ({ site }) =>
      `Quelqu’un, vous nous l’espérons, a ajouté cette adresse aux alertes de commentaires de ${site} : un courriel pour chaque nouveau commentaire. Rien n’est envoyé tant que vous n’avez pas confirmé.`,
    action: 'Confirmer (ouvre une page avec un bouton)',
    ignore: 'Si ce n’était pas vous, ignorez ce courriel : vous ne recevrez rien d’autre.',
    stopAll: 'Ne plus jamais écrire à cette adresse depuis ce site',
  },
  signIn: {
    subject: ({ site }) => `Votre lien de connexion pour ${site}`,
    intro: ({ site, minutes }) => `Pour vous connecter et commenter sur ${site}, ouvrez ce lien dans les ${minutes} minutes :`,
    action: 'Se connecter',
    code: 'Ou saisissez ce code sur la page où vous l’avez demandé :',
    ignore: 'Si vous n’avez pas demandé à vous connecter, ignorez ce courriel ; personne ne peut se connecter sans lui.',
  },
  ownerAlert: {
    subjectNew: ({ author, page }) => `Nouveau commentaire de ${author} sur ${page}`,
    subjectHeld: ({ author, page }) => `En attente d’approbation : commentaire de ${author} sur ${page}`,
    introNew: ({ author, page, site }) => `${author} a commenté ${page} (${site}) :`,
    introHeld: ({ author, page, site }) => `${author} a commenté ${page} (${site}). Le commentaire attend votre approbation :`,
    author: 'Auteur',
    email: 'Courriel',
    website: 'Site web',
    heldBecause: 'Retenu parce que',
    heldReason: (reason) => admin.heldReasons[reason],
    actionAdmin: 'Le modérer dans l’administration',
    actionPage: 'Le voir sur la page',
    why: ({ site }) => `Vous recevez ce courriel parce que votre adresse figure dans les alertes de commentaires de ${site}.`,
    settings: 'Changer qui reçoit les alertes (Règles dans l’administration)',
  },
  footer: {
    unsubscribeThread: 'Ne plus recevoir de courriels sur cette page',
    stopAll: ({ site }) => `Plus aucun courriel de ${site}`,
  },
  mailTest: {
    subject: 'Courriel de test de Riposte',
    text: ({ server }) =>
      `Ceci est un courriel de test du serveur de commentaires Riposte à ${server}. Si vous le lisez, l’envoi fonctionne.`,
  },
  pages: {
    invalid: {
      title: 'Ce lien ne fonctionne pas',
      text: 'Il est peut-être incomplet (copiez l’adresse entière depuis le courriel) ou, pour une confirmation, vieux de plus d’une semaine : redemandez-la depuis le formulaire de commentaire.',
    },
    confirm: {
      title: 'Confirmez votre adresse',
      text: ({ site, address }) => `Confirmez que ${site} peut écrire à ${address} comme vous l’avez demandé.`,
      button: 'Confirmer',
      doneTitle: 'Adresse confirmée',
      done: ({ site, address }) => `${site} écrira à ${address} comme vous l’avez demandé. Chaque courriel dit comment l’arrêter.`,
    },
    unsubscribe: {
      title: 'Ne plus recevoir de courriels sur cette page',
      text: ({ address, page }) => `Ne plus écrire à ${address} au sujet de ${page} ?`,
      button: 'Se désabonner',
      doneTitle: 'Désabonné',
      done: ({ address, page }) => `${address} ne recevra plus de courriel au sujet de ${page}.`,
    },
    stop: {
      title: ({ site }) => `Plus aucun courriel de ${site}`,
      text: ({ site, address }) => `Ne plus jamais écrire à ${address} depuis ${site} ?`,
      button: 'Plus aucun courriel',
      doneTitle: 'Plus aucun courriel',
      done: ({ site, address }) => `${site} n’enverra plus rien à ${address} et a oublié ses abonnements.`,
    },
  },
} satisfies MailStrings;
