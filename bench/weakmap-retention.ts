// `node --max-semi-space-size=64 --trace-gc-nvp --import tsx bench/weakmap-retention.ts weakmap|none`: 50 concurrent
// "requests", each allocating rows and waiting on timers, with or without a module-level WeakMap entry keyed by its
// context whose value holds the context (as Pothos scope-auth's cache does). Compare `promoted=` in the scavenges'
// lines: Node 20's scavenger keeps alive what an old-space WeakMap's values reach, so with the entry each request's
// objects are promoted to the old generation (about 2 MB per scavenge measured) instead of dying young (under 0.1 MB).
const mode = process.argv[2] ?? 'weakmap';
const cache = new WeakMap<object, unknown>();
let done = 0;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function request() {
  const context = { id: done, loaders: new Map<number, unknown>() };
  if (mode === 'weakmap') cache.set(context, { context, scopes: new Map() });
  for (let step = 0; step < 4; step++) {
    context.loaders.set(step, Array.from({ length: 12 }, (_, i) => ({ text: `x${i}${step}${done}`, at: new Date(), n: { i } })));
    await sleep(5 + Math.random() * 10);
  }
  done++;
}

const end = Date.now() + 6000;
await Promise.all(Array.from({ length: 50 }, async () => { while (Date.now() < end) await request(); }));
console.log(`${mode}: ${done} requests`);
