/**
 * `riposte demo`: the comment server plus the demo blog on another origin, its thread seeded
 * once. Handed to the command line by bin/riposte.js: the server never imports the demo.
 */
import { DEFAULT_SITE } from '../shared/limits.ts';
import type { Config } from '../server/config.ts';
import { startServer, type RunningServer } from '../server/main.ts';
import { startDemoBlog } from './demo-server.ts';
import { seedDemoThread } from './seed-demo.ts';

export interface RunningDemo {
  server: RunningServer;
  blogUrl: string;
  /** Comments added by this start (0 once the thread has them). */
  seeded: number;
  close(): Promise<void>;
}

export async function startDemo(config: Config, widgetDir?: string): Promise<RunningDemo> {
  const demoOrigin = `http://${config.host}:${config.demoPort}`;
  // The demo blog is another origin: allow it, as a blog owner would with --origins.
  const server = await startServer({ ...config, origins: [...config.origins, demoOrigin] }, widgetDir);
  const blog = await startDemoBlog(config.host, config.demoPort, server.url);
  const seeded = await seedDemoThread(server, blog.url);
  // The demo is for trying things out: at its first start its site holds nothing (a real site holds a first-time commenter's comment).
  if (seeded) await server.store.sites.updateSettings(DEFAULT_SITE, { moderation: 'none' });
  return {
    server,
    blogUrl: blog.url,
    seeded,
    close: async () => {
      await blog.close();
      await server.close();
    },
  };
}
