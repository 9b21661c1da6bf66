// The export of a large fleet (`GET /export/devices.csv`): rows per second, and the server's peak resident memory
// while it streams (VmHWM of its process, reset before the export where Linux allows it), which must stay flat.
import { readFileSync, writeFileSync } from 'node:fs';

export interface ExportBenchResult {
  rows: number;
  megabytes: number;
  seconds: number;
  rowsPerSec: number;
  /** Peak RSS of the server process during the export (MB); VmHWM when it could be reset, else the largest VmRSS sampled. */
  peakRssMb: number;
  rssBeforeMb: number;
}

/** A process's resident memory now (VmRSS), MB. */
export const residentMb = (pid: number) => Math.round(status(pid, 'VmRSS'));

function status(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

/** Downloads the export as a client would, counting rows (its data has no line breaks inside fields). */
export async function runExportBench(options: { origin: string; token: string; pid: number; path?: string }): Promise<ExportBenchResult> {
  // "5" resets the peak RSS (VmHWM) to the current RSS (Linux 4.0+); without it VmHWM would include earlier scenarios.
  let reset = true;
  try {
    writeFileSync(`/proc/${options.pid}/clear_refs`, '5');
  } catch {
    reset = false;
  }
  const rssBeforeMb = status(options.pid, 'VmRSS');
  let sampled = rssBeforeMb;
  const sampler = setInterval(() => (sampled = Math.max(sampled, status(options.pid, 'VmRSS'))), 50);
  const started = performance.now();
  const res = await fetch(`${options.origin}${options.path ?? '/export/devices.csv'}`, { headers: { authorization: `Bearer ${options.token}` } });
  if (res.status !== 200) throw new Error(`export answered ${res.status}: ${await res.text()}`);
  let lines = 0;
  let bytes = 0;
  const reader = res.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    for (let i = value.indexOf(10); i !== -1; i = value.indexOf(10, i + 1)) lines++;
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const peak = reset ? status(options.pid, 'VmHWM') : Math.max(sampled, status(options.pid, 'VmRSS'));
  const rows = lines - 1;
  return {
    rows,
    megabytes: Math.round(bytes / 1e4) / 100,
    seconds: Math.round(seconds * 100) / 100,
    rowsPerSec: Math.round(rows / seconds),
    peakRssMb: Math.round(peak),
    rssBeforeMb: Math.round(rssBeforeMb),
  };
}
