/** Starts what `npm start` starts (comment server + demo blog) on free loopback ports, on a temp database. */
import { startDemo, type RunningDemo } from '../../demo/start-demo.ts';
import { freePort } from './free-port.ts';
import { tempDir, testConfig } from './test-app.ts';

/** `env`: settings that are environment variables only, such as sign-in providers. */
export async function startDemoStack(env: NodeJS.ProcessEnv = {}): Promise<RunningDemo & { removeData(): void }> {
  const dir = tempDir();
  const [port, demoPort] = [await freePort(), await freePort()];
  const demo = await startDemo(testConfig(`${dir.path}/riposte.db`, ['--port', String(port), '--demo-port', String(demoPort)], env));
  return { ...demo, removeData: dir.remove };
}
