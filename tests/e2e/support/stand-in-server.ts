import { readFileSync } from 'node:fs';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import path from 'node:path';

const STAND_IN = path.resolve(__dirname, '..', '..', 'fixtures', 'unlayer-stand-in.js');

/** Serves the Unlayer stand-in as `/embed.js` on 127.0.0.1, the way Unlayer's CDN serves its own. */
export const startStandInServer = async () => {
  const script = readFileSync(STAND_IN);
  const server: Server = createServer((request, response) => {
    if (request.url?.startsWith('/embed.js')) {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      response.end(script);
      return;
    }
    response.writeHead(404).end();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  return {
    origin: `127.0.0.1:${port}`,
    scriptUrl: `http://127.0.0.1:${port}/embed.js`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
