// Where the time went in V8 CPU profiles (`.cpuprofile`, as `node --cpu-prof` writes them): the
// functions with the most self time in each file, so the next person starts from a measurement.
// `node bench/profile-summary.ts <file or folder> [top]` prints the same for any profile.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The `top` functions by self time in one profile, as lines of text. */
export function summariseProfile(file: string, top = 15): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    total += delta;
    const frame = byId.get(id)?.callFrame;
    const where = frame
      ? `${frame.functionName || '(anonymous)'} ${shortUrl(frame.url)}${frame.url ? `:${frame.lineNumber + 1}` : ''}`
      : '(unknown)';
    self.set(where, (self.get(where) ?? 0) + delta);
  });
  const busy = [...self].filter(([where]) => !where.startsWith('(idle)') && !where.startsWith('(program)'));
  const busyTotal = busy.reduce((sum, [, us]) => sum + us, 0);
  const lines = [`${basename(file)}: ${(total / 1e6).toFixed(1)} s sampled, ${(busyTotal / 1e6).toFixed(1)} s busy; most self time:`];
  for (const [where, us] of busy.sort((a, b) => b[1] - a[1]).slice(0, top)) {
    lines.push(`  ${((100 * us) / Math.max(busyTotal, 1)).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(0).padStart(7)} ms  ${where}`);
  }
  return lines.join('\n');
}

/** Every profile in a folder, the busiest first. */
export function summariseProfiles(dir: string, top = 15): string {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.cpuprofile'))
    .map((name) => join(dir, name))
    .sort((a, b) => statSync(b).size - statSync(a).size);
  if (files.length === 0) return `No CPU profile was written to ${dir}.\n`;
  return `CPU profiles in ${dir}:\n\n${files.map((file) => summariseProfile(file, top)).join('\n\n')}\n`;
}

function shortUrl(url: string): string {
  const inRepo = url.indexOf('/registry-server/');
  if (inRepo >= 0) return url.slice(inRepo + 1);
  const inModules = url.lastIndexOf('/node_modules/');
  return inModules >= 0 ? url.slice(inModules + '/node_modules/'.length) : url.replace(/^file:\/\//, '');
}

if (import.meta.main) {
  const [target, top] = process.argv.slice(2);
  if (!target) {
    process.stderr.write('usage: node bench/profile-summary.ts <file.cpuprofile or folder> [top]\n');
    process.exit(2);
  }
  const count = top ? Number(top) : 15;
  process.stdout.write(statSync(target).isDirectory() ? summariseProfiles(target, count) : `${summariseProfile(target, count)}\n`);
}
