/**
 * The outbox's one setting, an environment variable like the mail settings: how long a claimed
 * delivery is reserved for the process sending it. A process that dies mid-send (a crash,
 * `kill -9`) leaves its deliveries reserved until then; another process, or this one
 * restarted, sends them after it (with the same Message-ID or delivery id).
 */
import { ConfigError } from '../config.ts';

export interface OutboxSettings {
  leaseSeconds: number;
}

/** Longer than any one send may take (the mailer's socket timeout is 60 s, a webhook's deadline 10 s). */
const DEFAULT_LEASE_SECONDS = 120;

export const OUTBOX_SETTINGS = [
  {
    env: 'RIPOSTE_OUTBOX_LEASE_SECONDS',
    help: 'Seconds a delivery is reserved for the process sending it; after a crash it is sent again after this.',
    fallback: String(DEFAULT_LEASE_SECONDS),
  },
] as const;

export function loadOutboxSettings(env: NodeJS.ProcessEnv): OutboxSettings {
  const raw = env.RIPOSTE_OUTBOX_LEASE_SECONDS?.trim();
  if (!raw) return { leaseSeconds: DEFAULT_LEASE_SECONDS };
  if (!/^\d{1,5}$/.test(raw) || Number(raw) < 1) {
    throw new ConfigError(`RIPOSTE_OUTBOX_LEASE_SECONDS must be a whole number of seconds from 1 to 99999, not "${raw}".`);
  }
  return { leaseSeconds: Number(raw) };
}

export function outboxSettingsHelp(): string {
  return OUTBOX_SETTINGS.map((s) => `  ${s.env.padEnd(33)} ${s.help} (default: ${s.fallback})`).join('\n');
}
