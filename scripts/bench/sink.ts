// The benchmark's SMTP sink, run as a child process so that its CPU stays off the sender's core.
// It accepts every message and discards it, counting messages and bytes; it parses nothing.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

interface Expectation {
  count: number;
}

let messages = 0;
let bytes = 0;
let expectation: Expectation | undefined;

const send = (message: object) => process.send?.(message);

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  // Nothing here is slow on purpose; the bench measures the sender.
  disableReverseLookup: true,
  maxClients: 1000,
  onData(stream, _session, callback) {
    stream.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
    });
    stream.on('end', () => {
      messages += 1;
      callback(null, `Ok: queued as SINK${messages}`);
      if (expectation && messages >= expectation.count) {
        expectation = undefined;
        send({ type: 'reached', messages, bytes });
      }
    });
  },
});
server.on('error', () => undefined);

process.on('message', (message: { type: string; count?: number }) => {
  if (message.type === 'expect') {
    expectation = { count: message.count ?? 0 };
    if (messages >= expectation.count) {
      expectation = undefined;
      send({ type: 'reached', messages, bytes });
    }
  } else if (message.type === 'stats') {
    send({ type: 'stats', messages, bytes });
  } else if (message.type === 'stop') {
    server.close(() => process.exit(0));
  }
});
// The sink never outlives the bench.
process.on('disconnect', () => process.exit(0));

server.listen(0, '127.0.0.1', () => {
  send({ type: 'listening', port: (server.server.address() as AddressInfo).port });
});
