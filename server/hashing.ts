/** Keyed hashes: stable per server, useless to anyone without the key (unlike a bare MD5 of an email). */
import { createHmac } from 'node:crypto';

export function keyedHash(key: string, purpose: string, value: string): string {
  return createHmac('sha256', key).update(`${purpose}\0${value}`).digest('hex').slice(0, 32);
}
