// Scenario 4's baseline: a raw `ws` server that sends one message to every open socket when asked (POST /broadcast).
import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const message = Buffer.concat(chunks).toString('utf8');
    for (const socket of wss.clients) socket.send(message);
    res.writeHead(200).end('{"data":{"sent":true}}');
  });
});
const wss = new WebSocketServer({ server, path: '/graphql' });
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`listening on ${typeof address === 'object' && address ? address.port : ''}\n`);
});
process.on('SIGTERM', () => process.exit(0));
