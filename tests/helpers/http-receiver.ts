import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A local HTTP server that keeps every JSON body posted to it: a stand-in for Slack or Discord. */
export class HttpReceiver {
  readonly posts: { path: string; body: Record<string, unknown> }[] = [];
  url = '';
  private server: Server;

  constructor() {
    this.server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        this.posts.push({ path: request.url ?? '/', body: JSON.parse(body || '{}') });
        response.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
      });
    });
  }

  async start() {
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop() {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** A free port on 127.0.0.1 with nothing listening on it: a relay that refuses connections. */
export const closedPort = async () => {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
};
