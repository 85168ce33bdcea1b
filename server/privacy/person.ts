/**
 * Who a privacy request is about, as the keys the store finds their data by: an owner names
 * an address or an identity; a reader is their session, the guest secrets their browser holds
 * and its liker id. Only what the asker proves is theirs counts.
 */
import type { MyDataRequest, PersonRef } from '../../shared/privacy.ts';
import { identityOf } from '../auth/identity.ts';
import type { Store } from '../store/index.ts';
import type { PersonKeys } from '../store/privacy.ts';
import type { UserRow } from '../store/schema.ts';
import { hashToken, keyedHash } from '../tokens.ts';

export interface Person {
  /** How the request named them, for the export and the Log: an address, an identity, "a guest's browser". */
  label: string;
  keys: PersonKeys;
}

/** A verified address belongs to the account's owner: their guest comments with it are theirs too. */
const addressesOf = (users: UserRow[]) => [
  ...new Set(users.flatMap((user) => (user.email && user.emailVerified ? [user.email.toLowerCase()] : []))),
];

/** An owner's request: every account with the identity or address, and everything stored under the address. */
export async function personByRef(store: Store, ref: PersonRef): Promise<Person> {
  if (ref.kind === 'identity') {
    const user = await store.users.find(ref.provider, ref.subject);
    const users = user ? [user] : [];
    return {
      label: `${ref.provider}:${ref.subject}`,
      keys: { userIds: users.map((u) => u.id), addresses: addressesOf(users), secretHashes: [], likerHashes: [] },
    };
  }
  const users = await store.privacy.usersByAddress(ref.address);
  return {
    label: ref.address,
    keys: {
      userIds: users.map((u) => u.id),
      addresses: [...new Set([ref.address, ...addressesOf(users)])],
      secretHashes: [],
      likerHashes: [],
    },
  };
}

/** A reader's own request from the widget: their account if signed in, the guest comments they prove, their browser's likes and votes. */
export function readerPerson(hashKey: string, user: UserRow | null, request: MyDataRequest): Person {
  const users = user ? [user] : [];
  return {
    label: user ? identityOf(user) : "a guest's browser",
    keys: {
      userIds: users.map((u) => u.id),
      addresses: addressesOf(users),
      secretHashes: request.comments.map((proof) => hashToken(proof.secret)),
      likerHashes: request.liker ? [keyedHash(hashKey, 'liker', request.liker)] : [],
    },
  };
}

/** Whether anything at all names the person (an unknown address still has keys: it may have comments). */
export const hasKeys = ({ keys }: Person) =>
  keys.userIds.length + keys.addresses.length + keys.secretHashes.length + keys.likerHashes.length > 0;
