/** Debian's Chromium driven by playwright-core, started the way this machine needs it. */
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.RIPOSTE_CHROMIUM ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  // launch() gives every run a fresh, throw-away profile.
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
