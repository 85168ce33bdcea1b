/** `riposte demo`: the comment server plus the demo blog on another origin, its thread seeded once. */
import { fileURLToPath } from 'node:url';
import { startDemoBlog } from '../demo/demo-server.ts';
import type { Config } from './config.ts';
import { seedDemoThread } from './demo-seed.ts';
import { startServer, type RunningServer } from './main.ts';

const DEMO_SEED = fileURLToPath(new URL('../demo/seed-thread.json', import.meta.url));

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
  const seeded = await seedDemoThread(server.store, DEMO_SEED, blog.url);
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
