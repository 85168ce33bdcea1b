/** Message-IDs: made once per message and stored with it, so every attempt at it carries the same one. */
import { randomUUID } from 'node:crypto';
import type { MailConfig } from './mail-config.ts';

/** A new Message-ID on the From address's domain; store it with the message and reuse it on every attempt. */
export function newMessageId(config: MailConfig): string {
  return `<${randomUUID()}@${config.from.address.split('@').pop()}>`;
}
