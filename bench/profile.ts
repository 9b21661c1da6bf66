// `tsx bench/profile.ts FILE.cpuprofile [N] [FROM:TO]`: the N functions and packages with the most self time in a
// V8 CPU profile (as written by `npm run bench -- --profile DIR`), over the whole run or seconds FROM to TO of it,
// and how busy the process was in each second.
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
const profile = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
const top = Number(process.argv[3] ?? 40);

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const [from, to] = (process.argv[4] ?? '0:1e9').split(':').map((x) => Number(x) * 1e6) as [number, number];
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
