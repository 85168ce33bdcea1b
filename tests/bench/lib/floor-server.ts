/** Starts a floor server (a bare node:http process that prints its loopback port once listening) for a benchmark to compare with. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';

export interface FloorServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** Runs `node ...args`; resolves once the child has printed its port. */
export async function startFloorServer(args: string[], cwd?: string): Promise<FloorServer> {
  const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'] });
  const [port] = await once(child.stdout!, 'data');
  return {
    url: `http://127.0.0.1:${String(port).trim()}`,
    pid: child.pid!,
    stop: async () => {
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}
