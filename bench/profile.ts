// `tsx bench/profile.ts FILE.cpuprofile [N] [FROM:TO] [--stages]`: the N functions and packages with the most self
// time in a V8 CPU profile (as written by `npm run bench -- --profile DIR`), over the whole run or seconds FROM to TO
// of it, and how busy the process was in each second. `--stages`: the busy time by stage of an HTTP GraphQL
// request (fetch adapter, yoga's HTTP layer, envelop, execution, SQL, ...), each sample given to the innermost
// library or application frame of its stack.
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
const stagesWanted = process.argv.includes('--stages');
const args = process.argv.slice(2).filter((a) => a !== '--stages');
const profile = JSON.parse(readFileSync(args[0]!, 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
const top = Number(args[1] ?? 40);

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const [from, to] = (args[2] ?? '0:1e9').split(':').map((x) => Number(x) * 1e6) as [number, number];
const self = new Map<number, number>();
let clock = 0;
profile.samples.forEach((id, i) => {
  clock += profile.timeDeltas[i] ?? 0;
  if (clock >= from && clock < to) self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
const total = [...self.values()].reduce((a, b) => a + b, 0);

const where = (url: string) => {
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1];
  if (pkg) return pkg;
  if (url.includes('/src/')) return `src/${url.split('/src/')[1]!.split('/')[0]}`;
  return url.startsWith('node:') ? 'node' : url ? 'other' : '(vm)';
};
const functions = new Map<string, number>();
const packages = new Map<string, number>();
for (const [id, time] of self) {
  const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
  const key = `${functionName || '(anonymous)'} ${url.replace(/.*node_modules\//, '').replace(/.*\/src\//, 'src/')}:${lineNumber + 1}`;
  functions.set(key, (functions.get(key) ?? 0) + time);
  packages.set(where(url), (packages.get(where(url)) ?? 0) + time);
}
const show = (title: string, map: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [name, time] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${((time / total) * 100).toFixed(1).padStart(5)}%  ${name}`);
  }
};
show('self time by package', packages);
show('self time by function', functions);

// Busy share per second, to tell a CPU-bound server from one waiting on PostgreSQL or the clients.
const idle = new Set(profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id));
const seconds: { busy: number; all: number }[] = [];
let at = 0;
profile.samples.forEach((id, i) => {
  at += profile.timeDeltas[i] ?? 0;
  const s = (seconds[Math.floor(at / 1e6)] ??= { busy: 0, all: 0 });
  s.all += profile.timeDeltas[i] ?? 0;
  if (!idle.has(id)) s.busy += profile.timeDeltas[i] ?? 0;
});
console.log(`\nbusy % per second: ${seconds.map((s) => Math.round((100 * s.busy) / Math.max(s.all, 1))).join(' ')}`);

/**
 * Stages of an HTTP GraphQL request, matched against a frame's script (first match wins). A sample goes to the
 * innermost frame of its stack that is not Node's own or native (so a socket write counts for whoever wrote), and to
 * "node" when every frame is Node's (the HTTP parser, timers, socket reads).
 */
const STAGES: [string, RegExp][] = [
  ['fetch API objects (Request, Response, Headers, body streams: @whatwg-node/node-fetch)', /@whatwg-node\/(node-fetch|fetch)\//],
  ['server adapter (@whatwg-node/server: node request to Request, Response to node, onRequest/onResponse)', /@whatwg-node\/server\//],
  ["yoga's HTTP layer: request parsing and checks (onRequestParse, onParams)", /graphql-yoga\/esm\/plugins\/(request-parser|request-validation|use-request-parser)|plugin-csrf-prevention|plugin-disable-introspection/],
  ["yoga's HTTP layer: result processing and serialisation", /graphql-yoga\/esm\/(plugins\/(result-processor|use-result-processor)|process-request)/],
  ["yoga's server pipeline (handle, parseRequest, getResultForParams, promise helpers)", /graphql-yoga\/esm\/server|@whatwg-node\/promise-helpers|@envelop\/instrumentation/],
  ['envelop and its plugins (parse/validation caches, armor, masking, metrics, JIT switch)', /@envelop\/core|graphql-yoga\/esm\/plugins\/use-parser|@escape\.tech|src\/graphql\/(security|jit|shared-execution)|src\/http\/metrics|prom-client|@graphql-tools\/executor/],
  ['the lean lane (src/http/lean-lane.ts)', /src\/http\/lean-lane/],
  ['Gatehouse HTTP routing, context and auth (src/http, src/sessions)', /src\/(http|sessions)\//],
  ['execution (graphql-jit, graphql-js, Pothos, DataLoader, resolvers)', /graphql-jit|node_modules\/graphql\/|@pothos|dataloader|src\/(graphql|users|devices|events|approval|policy|apikeys|webhooks|alerts|enrolment|actor)/],
  ['SQL (pg, the ORM pool, src/db)', /node_modules\/(pg|pg-protocol|pg-types|pg-pool|postgres-\w+|tarn|knex|@mikro-orm)\/|src\/db\//],
  ['logging (pino)', /pino/],
];

if (stagesWanted) {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const stageOf = new Map<number, string>();
  const classify = (id: number): string => {
    const known = stageOf.get(id);
    if (known) return known;
    let stage = 'node (HTTP parser, sockets, timers, module loading)';
    const leaf = byId.get(id)!.callFrame.functionName;
    if (leaf === '(garbage collector)') stage = 'garbage collection';
    else if (leaf === '(program)') stage = 'V8 (program)';
    // Writing to a socket wakes its reader (PostgreSQL, or the client), which may take the core: mostly not CPU.
    else if (/^write(v|Buffer|Utf8String|Latin1String)$/.test(leaf)) stage = 'socket writes (writev; mostly preempted, see the docs)';
    else {
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        const { url } = byId.get(at)!.callFrame;
        if (!url || url.startsWith('node:')) continue;
        stage = STAGES.find(([, pattern]) => pattern.test(url))?.[0] ?? `other: ${where(url)}`;
        break;
      }
    }
    stageOf.set(id, stage);
    return stage;
  };
  const byStage = new Map<string, number>();
  let busyTotal = 0;
  let at = 0;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    if (at < from || at >= to || idle.has(id)) return;
    const stage = classify(id);
    byStage.set(stage, (byStage.get(stage) ?? 0) + 1);
    busyTotal++;
  });
  console.log(`\nbusy samples by stage (${busyTotal} samples; a share of the busy time)`);
  for (const [stage, n] of [...byStage].sort((a, b) => b[1] - a[1])) console.log(`${((n / busyTotal) * 100).toFixed(1).padStart(5)}%  ${stage}`);
}
