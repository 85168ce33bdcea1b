/**
 * The reader's own comments that wait for moderation: the thread shows only approved ones to
 * everyone, so this browser keeps its own held ones to show them to their author.
 */
import type { WireComment } from '../../shared/wire.ts';
import { read, write } from '../storage.ts';

/** How long this browser keeps showing its own comment as awaiting moderation. */
const HELD_DAYS = 7;

const heldKey = (site: string, page: string) => `riposte:held:${site} ${page}`;

function isHeld(value: unknown): value is WireComment {
  if (typeof value !== 'object' || value === null) return false;
  const { id, status, html, createdAt, author }: { id?: unknown; status?: unknown; html?: unknown; createdAt?: unknown; author?: unknown } =
    value;
  return (
    typeof id === 'number' &&
    status === 'pending' &&
    typeof html === 'string' &&
    typeof createdAt === 'string' &&
    typeof author === 'object' &&
    author !== null
  );
}

/** This browser's held comments on the page, minus those now shown and those older than HELD_DAYS. */
export function ownHeld(site: string, page: string, shown: readonly WireComment[]): WireComment[] {
  const key = heldKey(site, page);
  let saved: unknown = [];
  try {
    saved = JSON.parse(read(key) ?? '[]');
  } catch {
    // Not ours or damaged: start afresh.
  }
  const ids = new Set(shown.map((c) => c.id));
  const held = (Array.isArray(saved) ? saved : [])
    .filter(isHeld)
    .filter((c) => !ids.has(c.id) && Date.now() - Date.parse(c.createdAt) < HELD_DAYS * 86_400_000);
  write(key, held.length ? JSON.stringify(held) : null);
  return held;
}

/** Remembers a comment the server held, so its author still sees it after reloading. */
export function rememberHeld(site: string, page: string, comment: WireComment): void {
  write(heldKey(site, page), JSON.stringify([...ownHeld(site, page, []), comment]));
}
