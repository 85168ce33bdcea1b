/** Deutsch: die E-Mails von Riposte und die Seiten, die ihre Links öffnen (die Form steht in widget/i18n/mail-strings.ts). */
import type { MailStrings } from '../../i18n/mail-strings.ts';
import admin from './admin.ts';

export default {
  lang: 'de',
  page: (title, url) => (title ? `„${title}“` : url),
  reply: {
    subject: ({ author, page }) => `${author} hat auf deinen Kommentar zu ${page} geantwortet`,
    intro: ({ author, page }) => `${author} hat auf deinen Kommentar zu ${page} geantwortet:`,
    action: 'Die Antwort auf der Seite lesen',
    why: ({ page }) => `Du bekommst diese E-Mail, weil du über Antworten auf deinen Kommentar zu ${page} benachrichtigt werden wolltest.`,
  },
  newComment: {
    subject: ({ author, page }) => `Neuer Kommentar von ${author} zu ${page}`,
    intro: ({ author, page }) => `${author} hat ${page} kommentiert:`,
    action: 'Den Kommentar auf der Seite lesen',
    why: ({ page }) => `Du bekommst diese E-Mail, weil du den Kommentaren zu ${page} folgst.`,
  },
  confirm: {
    subject: ({ site }) => `Bestätige deine E-Mail-Adresse für Kommentare auf ${site}`,
    intro: ({ site, page, what }) =>
      `Jemand, hoffentlich du, hat ${site} gebeten, dieser Adresse zu schreiben, ${
        what === 'replies' ? 'wenn jemand auf den eigenen Kommentar antwortet' : 'wenn jemand kommentiert'
      } (${page}). Es wird nichts gesendet, bevor du bestätigst.`,
    introAlerts: ({ site }) =>
      `Jemand, hoffentlich du, hat diese Adresse zu den Kommentar-Hinweisen von ${site} hinzugefügt: eine E-Mail zu neuen Kommentaren. Es wird nichts gesendet, bevor du bestätigst.`,
    action: 'Bestätigen (öffnet eine Seite mit einer Schaltfläche)',
    ignore: 'Wenn du es nicht warst, ignoriere diese E-Mail: Du bekommst nichts weiter.',
    stopAll: 'Dieser Adresse von dieser Website nie wieder schreiben',
  },
  signIn: {
    subject: ({ site }) => `Dein Anmeldelink für ${site}`,
    intro: ({ site, minutes }) => `Um dich anzumelden und auf ${site} zu kommentieren, öffne diesen Link innerhalb von ${minutes} Minuten:`,
    action: 'Anmelden',
    code: 'Oder gib diesen Code auf der Seite ein, auf der du ihn angefordert hast:',
    ignore: 'Wenn du keine Anmeldung angefordert hast, ignoriere diese E-Mail; ohne sie kann sich niemand anmelden.',
  },
  ownerAlert: {
    subjectNew: ({ author, page }) => `Neuer Kommentar von ${author} zu ${page}`,
    subjectHeld: ({ author, page }) => `Wartet auf Freigabe: Kommentar von ${author} zu ${page}`,
    introNew: ({ author, page, site }) => `${author} hat ${page} (${site}) kommentiert:`,
    introHeld: ({ author, page, site }) => `${author} hat ${page} (${site}) kommentiert. Der Kommentar wartet auf deine Freigabe:`,
    author: 'Autor',
    email: 'E-Mail',
    website: 'Website',
    heldBecause: 'Zurückgehalten, weil',
    heldReason: (reason) => admin.heldReasons[reason],
    actionAdmin: 'In der Verwaltung moderieren',
    actionPage: 'Auf der Seite ansehen',
    why: ({ site }) => `Du bekommst diese E-Mail, weil deine Adresse in den Kommentar-Hinweisen von ${site} steht.`,
    settings: 'Ändern, wer Hinweise bekommt (Regeln in der Verwaltung)',
  },
  footer: {
    unsubscribeThread: 'Keine E-Mails mehr zu dieser Seite',
    stopAll: ({ site }) => `Keine E-Mails mehr von ${site}`,
  },
  mailTest: {
    subject: 'Riposte-Test-E-Mail',
    text: ({ server }) =>
      `Dies ist eine Test-E-Mail vom Riposte-Kommentarserver unter ${server}. Wenn du sie liest, funktioniert der Versand.`,
  },
  pages: {
    invalid: {
      title: 'Dieser Link funktioniert nicht',
      text: 'Vielleicht ist er unvollständig (kopiere die ganze Adresse aus der E-Mail) oder, bei einer Bestätigung, älter als eine Woche: Fordere sie über das Kommentarformular neu an.',
    },
    confirm: {
      title: 'Bestätige deine Adresse',
      text: ({ site, address }) => `Bestätige, dass ${site} an ${address} schreiben darf, wie du es erbeten hast.`,
      button: 'Bestätigen',
      doneTitle: 'Adresse bestätigt',
      done: ({ site, address }) => `${site} schreibt an ${address}, wie du es erbeten hast. Jede E-Mail sagt, wie man sie abbestellt.`,
    },
    unsubscribe: {
      title: 'Keine E-Mails mehr zu dieser Seite',
      text: ({ address, page }) => `${address} keine E-Mails mehr zu ${page} schicken?`,
      button: 'Abbestellen',
      doneTitle: 'Abbestellt',
      done: ({ address, page }) => `${address} bekommt keine E-Mails mehr zu ${page}.`,
    },
    stop: {
      title: ({ site }) => `Keine E-Mails mehr von ${site}`,
      text: ({ site, address }) => `${address} von ${site} nie wieder schreiben?`,
      button: 'Keine E-Mails mehr',
      doneTitle: 'Keine E-Mails mehr',
      done: ({ site, address }) => `${site} schickt ${address} nichts mehr und hat die Abonnements vergessen.`,
    },
  },
} satisfies MailStrings;
