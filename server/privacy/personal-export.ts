/**
 * Everything stored about one person, as the personal export (JSON, shared/privacy.ts) and their
 * comments as Markdown, read from the store at one moment. Token and secret hashes stay out:
 * they prove nothing to their owner and would help anyone who took the file.
 */
import type { PersonalData, PersonalDataAnswer, PersonalPage } from '../../shared/privacy.ts';
import { identityOf } from '../auth/identity.ts';
import type { Store } from '../store/index.ts';
import type { PageOf } from '../store/privacy.ts';
import type { Person } from './person.ts';

const pageOf = (page: PageOf): PersonalPage => ({ site: page.siteId, key: page.pageKey, url: page.url, title: page.title });

/** The dotted names of the personal fields with a value somewhere in the file. */
function personalFields(data: Omit<PersonalData, 'personalFields'>): string[] {
  const held = (list: Record<string, unknown>[], table: string, fields: string[]) =>
    fields
      .filter((field) => list.some((row) => row[field] !== null && row[field] !== undefined && row[field] !== ''))
      .map((f) => `${table}.${f}`);
  const sessions = data.identities.flatMap((identity) => identity.sessions);
  return [
    ...held(data.identities, 'identities', ['identity', 'name', 'email', 'website', 'signedInAt']),
    ...(sessions.length ? ['identities.sessions'] : []),
    ...held(data.comments, 'comments', ['authorName', 'authorEmail', 'authorWebsite', 'ipHash', 'markdown']),
    ...(data.votes.length ? ['votes'] : []),
    ...(data.likes.length ? ['likes'] : []),
    ...held(data.subscriptions, 'subscriptions', ['address']),
    ...held(data.mailAddresses, 'mailAddresses', ['address']),
  ];
}

/** The person's data as the JSON export. */
export async function personalData(store: Store, person: Person, now: Date): Promise<PersonalData> {
  const { keys } = person;
  const comments = await store.privacy.comments(keys);
  const users = await store.privacy.usersByIds(keys.userIds);
  const sessions = await store.privacy.sessions(keys.userIds);
  const addresses = [...new Set([...keys.addresses, ...users.flatMap((u) => (u.email ? [u.email.toLowerCase()] : []))])];
  const body: Omit<PersonalData, 'personalFields'> = {
    format: 'riposte-personal-data',
    version: 1,
    exportedAt: now.toISOString(),
    subject: person.label,
    identities: users.map((user) => ({
      identity: identityOf(user),
      name: user.name,
      email: user.email,
      emailVerified: user.emailVerified,
      website: user.website,
      createdAt: user.createdAt,
      signedInAt: user.signedInAt,
      sessions: sessions.filter((s) => s.userId === user.id).map(({ createdAt, expiresAt }) => ({ createdAt, expiresAt })),
    })),
    comments: comments.map(({ comment, page }) => ({
      id: comment.id,
      page: pageOf(page),
      parentId: comment.parentId,
      status: comment.status,
      authorName: comment.authorName,
      authorEmail: comment.authorEmail,
      authorWebsite: comment.authorWebsite,
      ipHash: comment.ipHash,
      markdown: comment.bodyMarkdown,
      html: comment.bodyHtml,
      createdAt: comment.createdAt,
      editedAt: comment.editedAt,
      upvotes: comment.upvotes,
      downvotes: comment.downvotes,
    })),
    votes: (await store.privacy.votes(keys)).map((vote) => ({ ...vote, page: pageOf(vote.page) })),
    likes: (await store.privacy.likes(keys)).map((like) => ({ createdAt: like.createdAt, page: pageOf(like.page) })),
    subscriptions: (
      await store.privacy.subscriptions(
        keys,
        comments.map(({ comment }) => comment.id),
      )
    ).map(({ subscription, page }) => ({
      id: subscription.id,
      kind: subscription.kind,
      address: subscription.address,
      commentId: subscription.commentId,
      createdAt: subscription.createdAt,
      page: pageOf(page),
    })),
    mailAddresses: await store.privacy.mailAddresses(addresses),
  };
  return { ...body, personalFields: personalFields(body) };
}

/** The comments as one Markdown document, page by page, oldest first. */
export function personalMarkdown(data: PersonalData): string {
  const lines = [`# Comments of ${data.subject}`, '', `Exported ${data.exportedAt}: ${data.comments.length} comment(s).`, ''];
  for (const comment of data.comments) {
    const { page } = comment;
    const title = page.title || page.url || page.key;
    lines.push(`## ${title}`, '');
    lines.push(
      `${page.url ?? page.key} (site ${page.site}), comment ${comment.id}${comment.parentId ? `, a reply to comment ${comment.parentId}` : ''}, ${comment.createdAt}, ${comment.status}`,
      '',
    );
    lines.push(comment.markdown || '*(deleted)*', '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

export async function personalExport(store: Store, person: Person, now: Date): Promise<PersonalDataAnswer> {
  const data = await personalData(store, person, now);
  return { data, markdown: personalMarkdown(data) };
}
