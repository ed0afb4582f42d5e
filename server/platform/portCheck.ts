/**
 * Whether the port is free, asked before the database is migrated or a job
 * runs: a server that cannot listen must not have changed anything first.
 * (Something could still take the port in the moment before the real
 * listen; that fails too, only later.)
 */
import { createServer } from 'node:net';

export class PortInUseError extends Error {
  override name = 'PortInUseError';
}

export async function assertPortFree(host: string, port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new PortInUseError(`Port ${port} on ${host} is already in use, by another program or another Tollgate server. Stop it, or set PORT to a free port.`));
      else if (error.code === 'EACCES') reject(new PortInUseError(`This user may not listen on port ${port} on ${host} (ports below 1024 need privileges). Set PORT to 1024 or above, with a reverse proxy in front.`));
      else reject(error);
    });
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve()));
  });
}
