/**
 * Statements over a list of ids ("where id in (...)"), prepared once per size rather than built
 * and prepared for every call (building and preparing cost more than running them). A list is
 * padded with its last id up to the next power of two, so a handful of statements serve every
 * length up to MAX_IDS; a repeated id matches its row once.
 */
import { type Placeholder, sql } from 'drizzle-orm';

/** Ids in one statement at most (well under both databases' limits on parameters). */
export const MAX_IDS = 512;

export interface IdStatement<P> {
  statement: P;
  /** The ids as the statement's parameters (`id0`, `id1`, ...). */
  params: Record<string, number>;
}

/** `make` builds the statement for `ids.length` placeholders; the result picks (and makes once) the one for a list. */
export function preparedForIds<P>(make: (ids: Placeholder[]) => P): (ids: readonly number[]) => IdStatement<P> {
  const made = new Map<number, P>();
  return (ids) => {
    if (ids.length === 0 || ids.length > MAX_IDS) throw new RangeError(`riposte store: a list of 1 to ${MAX_IDS} ids, not ${ids.length}.`);
    let size = 1;
    while (size < ids.length) size *= 2;
    let statement = made.get(size);
    if (statement === undefined) {
      statement = make(Array.from({ length: size }, (_, i) => sql.placeholder(`id${i}`)));
      made.set(size, statement);
    }
    const params: Record<string, number> = {};
    for (let i = 0; i < size; i++) params[`id${i}`] = ids[Math.min(i, ids.length - 1)]!;
    return { statement, params };
  };
}
