/** The baseline: bare-schema.ts on graphql-yoga + graphql-ws, over HTTP. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createYoga } from 'graphql-yoga';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { bareSchema } from './bare-schema.js';
import { serveBenchmark } from './ipc.js';

const yoga = createYoga({ schema: bareSchema, graphqlEndpoint: '/graphql', landingPage: false, graphiql: false, logging: false });
const server = createServer(yoga);
const wsServer = new WebSocketServer({ server, path: '/graphql' });
type Enveloped = ReturnType<typeof yoga.getEnveloped>;
// yoga's own recipe for graphql-ws (examples/graphql-ws).
useServer(
  {
    execute: (args) => (args.rootValue as Enveloped).execute(args) as never,
    subscribe: (args) => (args.rootValue as Enveloped).subscribe(args) as never,
    onSubscribe: async (ctx, _id, params) => {
      const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({ ...ctx, req: ctx.extra.request, socket: ctx.extra.socket, params });
      const document = parse(params.query);
      const errors = validate(schema, document);
      if (errors.length > 0) return errors;
      return { schema, document, operationName: params.operationName, variableValues: params.variables, contextValue: await contextFactory(), rootValue: { execute, subscribe } };
    },
  },
  wsServer,
);
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address() as AddressInfo;
serveBenchmark(`http://127.0.0.1:${port}/graphql`, async () => {
  for (const client of wsServer.clients) client.terminate();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
