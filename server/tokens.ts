/**
 * Tokens and the hashes Riposte keeps instead of secrets, each made in one place: random
 * tokens, their SHA-256, keyed hashes of what must stay comparable but unreadable (IPs, liker
 * ids, avatar seeds), and the one constant-time comparison of secrets.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 random bits, base64url: session tokens, CSRF tokens, guest secrets and one-time codes. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Tokens are random, so a plain SHA-256 (base64url) is enough to make a stolen database useless for signing in. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** Keyed hashes: stable per server, useless to anyone without the key (unlike a bare MD5 of an email). */
export function keyedHash(key: string, purpose: string, value: string): string {
  return createHmac('sha256', key).update(`${purpose}\0${value}`).digest('hex').slice(0, 32);
}

/** Whether a secret someone sent equals the one kept, taking the same time wherever they differ. */
export function sameSecret(sent: string, kept: string): boolean {
  const [a, b] = [Buffer.from(sent), Buffer.from(kept)];
  return a.length === b.length && timingSafeEqual(a, b);
}
