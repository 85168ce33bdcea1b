/**
 * Mails follow the thread's language: the one its page declared when first written to (sent by
 * the widget), corrected by later posts from the blog's own pages, never by a script; English
 * where none was declared or Riposte does not speak it. The pages the mails' links open too.
 */
import { describe, expect, it } from 'vitest';
import { normalisePageKey } from '../../../shared/page-key.ts';
import type { PostedComment } from '../../../shared/wire.ts';
import { followLink, mailLink, useMailApp } from '../../helpers/mail-app.ts';
import { BLOG_ORIGIN } from '../../helpers/test-app.ts';

const page = `${BLOG_ORIGIN}/2017/03/le-pen/`;
const fromBlog = { origin: BLOG_ORIGIN };
const { t, smtp } = await useMailApp();

async function post(body: Record<string, unknown>, headers: Record<string, string> = fromBlog): Promise<PostedComment> {
  const res = await t.post({ page, url: page, title: 'Le Pen à Moscou', ...body }, headers);
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as PostedComment;
}

const thread = async () => (await t.store.threads.find('default', normalisePageKey(page)))!;
const langOfThread = async () => (await thread()).lang;

describe('the language of mails', () => {
  it('is the page’s: a French thread mails its confirmation, reply and unsubscribe page in French', async () => {
    const ann = await post({
      body: 'Premier !',
      lang: 'fr-CA',
      author: { name: 'Ann', email: 'ann@example.org' },
      notify: { replies: true },
    });
    expect(await langOfThread()).toBe('fr-CA');
    await t.outbox.settled();
    const confirmation = await smtp.nextMessage('ann@example.org');
    expect(confirmation.parsed.subject).toBe('Confirmez votre adresse pour les commentaires de Default site');
    expect(confirmation.parsed.html).toContain('lang="fr"');
    const confirmUrl = mailLink(confirmation, 'Confirmer (ouvre une page avec un bouton)');
    const ask = await (await followLink(t, confirmUrl)).text();
    expect(ask).toContain('<html lang="fr">');
    expect(ask).toContain('<button type="submit">Confirmer</button>');
    expect(await (await followLink(t, confirmUrl, { method: 'POST' })).text()).toContain('Adresse confirmée');

    await post({ body: 'Bienvenue.', parentId: ann.comment.id, lang: 'fr', author: { name: 'Bob' } });
    await t.outbox.settled();
    const reply = await smtp.nextMessage('ann@example.org');
    expect(reply.parsed.subject).toBe('Bob a répondu à votre commentaire sur « Le Pen à Moscou »');
    expect(reply.parsed.text).toContain('Lire la réponse sur la page');
    const unsubscribe = await (await followLink(t, mailLink(reply, 'Ne plus recevoir de courriels sur cette page'))).text();
    expect(unsubscribe).toContain('<html lang="fr">');
    expect(unsubscribe).toContain('Se désabonner');
    const stop = await (await followLink(t, mailLink(reply, 'Plus aucun courriel de Default site'))).text();
    expect(stop).toContain('Ne plus jamais écrire à ann@example.org depuis Default site ?');
  });

  it('is corrected by the blog’s own page, not by a script; English where none was declared', async () => {
    await post({ body: 'No language here.', author: { name: 'Ann' } });
    expect(await langOfThread()).toBeNull();
    await post({ body: 'Sent by a script.', lang: 'fr', author: { name: 'Bot' } }, {});
    expect(await langOfThread()).toBe('fr');
    await post({ body: 'Ein Script.', lang: 'de', author: { name: 'Bot' } }, {});
    expect(await langOfThread()).toBe('fr');
    await post({ body: 'Von der Seite.', lang: 'de', author: { name: 'Ann' } });
    expect(await langOfThread()).toBe('de');
    // An odd lang attribute costs nobody their comment: it is dropped.
    await post({ body: 'Odd.', lang: 'not a tag!', author: { name: 'Ann' } });
    await post({ body: 'Underscore.', lang: 'de_AT', author: { name: 'Ann' } });
    expect(await langOfThread()).toBe('de-AT');

    await post({ body: 'Mail me.', author: { name: 'Cy', email: 'cy@example.org' }, notify: { thread: true } });
    await t.outbox.settled();
    expect((await smtp.nextMessage('cy@example.org')).parsed.subject).toBe(
      'Bestätige deine E-Mail-Adresse für Kommentare auf Default site',
    );
    await t.store.threads.takePageDetails(await thread(), { lang: 'es' }, true);
    await post({ body: 'Mail me too.', author: { name: 'Di', email: 'di@example.org' }, notify: { thread: true } });
    await t.outbox.settled();
    expect((await smtp.nextMessage('di@example.org')).parsed.subject).toBe('Confirm your email address for comments on Default site');
  });
});
