// The house plan holds: no module under src/ imports itself through others (types included), as dpdm reads them.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

describe('src/', () => {
  it('has no import cycle', async () => {
    const dpdm = path.join(root, 'node_modules', '.bin', 'dpdm');
    const { stdout } = await promisify(execFile)(dpdm, ['--no-warning', '--no-tree', '--no-progress', '--exit-code', 'circular:1', 'src/**/*.ts'], { cwd: root }).catch(
      (e: { stdout?: string; stderr?: string }) => {
        throw new Error(`dpdm found import cycles:\n${e.stdout ?? ''}${e.stderr ?? ''}`);
      },
    );
    expect(stdout).toContain('no circular dependency');
  }, 60_000);
});
