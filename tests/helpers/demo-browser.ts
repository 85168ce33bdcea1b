/**
 * What every browser test of the demo shares: one demo stack (what `npm start` starts, on
 * free loopback ports and a temporary database) and one Chromium per test file, and a fresh
 * context and page per test, with what that page asked for and any policy it broke.
 */
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { startDemo, type RunningDemo } from '../../demo/start-demo.ts';
import { addAdmin } from './admin-session.ts';
import { launchChromium } from './browser.ts';
import { freePort } from './free-port.ts';
import { tempDir, testConfig } from './test-app.ts';

export interface DemoBrowserOptions {
  /** Settings that are environment variables only, such as sign-in providers; read once the file's own beforeAll hooks ran. */
  env?: () => NodeJS.ProcessEnv;
  /** Adds the admin of admin-session.ts (ADMIN_EMAIL, ADMIN_PASSWORD). */
  admin?: boolean;
  /** Options of each test's context, such as acceptDownloads. */
  context?: BrowserContextOptions;
  /** How long each Playwright action may wait, in ms (Playwright's 30 s when unset). */
  timeout?: number;
}

/** The handles, live once the hooks ran: a test reads them, never keeps them across tests. */
export class DemoBrowser {
  stack!: RunningDemo;
  browser!: Browser;
  /** This test's context and page. */
  context!: BrowserContext;
  page!: Page;
  /** Every URL this test's page asked for. */
  requested: string[] = [];
  /** The Content Security Policy violations this test's page reported. */
  cspErrors: string[] = [];

  constructor(private readonly options: DemoBrowserOptions) {}

  /** A page in a context of its own: another reader, in another browser. The caller closes its context. */
  async newReader(): Promise<Page> {
    const context = await this.browser.newContext();
    if (this.options.timeout) context.setDefaultTimeout(this.options.timeout);
    return context.newPage();
  }
}

/** Registers the hooks (call it at the top of a test file, after any hooks whose work `env` needs) and returns the handles. */
export function useDemoBrowser(options: DemoBrowserOptions = {}): DemoBrowser {
  const demo = new DemoBrowser(options);
  let dir: ReturnType<typeof tempDir> | undefined;
  beforeAll(async () => {
    dir = tempDir();
    const [port, demoPort] = [await freePort(), await freePort()];
    const args = ['--port', String(port), '--demo-port', String(demoPort)];
    demo.stack = await startDemo(testConfig(`${dir.path}/riposte.db`, args, options.env?.() ?? {}));
    if (options.admin) await addAdmin({ store: demo.stack.server.store, now: () => new Date() });
    demo.browser = await launchChromium();
  });
  afterAll(async () => {
    await demo.browser?.close();
    await demo.stack?.close();
    dir?.remove();
  });
  beforeEach(async () => {
    demo.context = await demo.browser.newContext(options.context);
    if (options.timeout) demo.context.setDefaultTimeout(options.timeout);
    demo.page = await demo.context.newPage();
    demo.requested = [];
    demo.cspErrors = [];
    demo.page.on('request', (request) => demo.requested.push(request.url()));
    demo.page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) demo.cspErrors.push(message.text());
    });
  });
  afterEach(() => demo.context.close());
  return demo;
}
