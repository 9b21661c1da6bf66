// `npm run build` (and `npm start`, before it starts): the server's TypeScript (src/, migrations/) as plain ES
// modules in dist/, file for file, so that production runs on Node alone. tsx, which `npm run dev`, the tests and the
// scripts use, transforms every module through its own loader thread: a second V8 isolate that holds about 33 MB of
// the server's resident memory (docs/performance.md, memory). esbuild is the transform tsx itself applies, so the
// output behaves as the tests run it; the type check is `npm run typecheck`'s job, not this one's.
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'dist');

function typescriptFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? typescriptFiles(path.join(dir, entry.name))
      : entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')
        ? [path.join(dir, entry.name)]
        : [],
  );
}

const started = performance.now();
// A file deleted from src/ must not live on in dist/.
rmSync(out, { recursive: true, force: true });
const entryPoints = [...typescriptFiles('src'), ...typescriptFiles('migrations')];
await build({
  absWorkingDir: root,
  entryPoints,
  outdir: out,
  outbase: root,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  // Stack traces name the source's lines when Node runs with --enable-source-maps.
  sourcemap: 'linked',
  logLevel: 'warning',
});
console.log(`built ${entryPoints.length} modules into dist/ in ${Math.round(performance.now() - started)} ms`);
