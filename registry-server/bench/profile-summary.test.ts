import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { summariseProfile, summariseProfiles } from './profile-summary.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function profileFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'umn-profile-'));
  dirs.push(dir);
  const frame = (id: number, functionName: string, url = '') => ({ id, callFrame: { functionName, url, lineNumber: 9 } });
  const profile = {
    nodes: [
      frame(1, '(idle)'),
      frame(2, 'textDirection', 'file:///w/registry-server/src/records/language.ts'),
      frame(3, 'parse', 'file:///w/node_modules/graphql/language/parser.js'),
    ],
    // 30 ms in textDirection, 10 ms in parse, 50 ms idle (left out of the busy share).
    samples: [2, 2, 2, 3, 1, 1, 1, 1, 1],
    timeDeltas: [10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000],
  };
  writeFileSync(join(dir, 'CPU.1.cpuprofile'), JSON.stringify(profile));
  return dir;
}

it('ranks functions by self time, without idle time, named by repository path or package', () => {
  const dir = profileFile();
  const lines = summariseProfile(join(dir, 'CPU.1.cpuprofile')).split('\n');
  expect(lines[0]).toBe('CPU.1.cpuprofile: 0.1 s sampled, 0.0 s busy; most self time:');
  expect(lines[1]).toMatch(/75\.0 %\s+30 ms {2}textDirection registry-server\/src\/records\/language\.ts:10$/);
  expect(lines[2]).toMatch(/25\.0 %\s+10 ms {2}parse graphql\/language\/parser\.js:10$/);
  expect(lines).toHaveLength(3);
  expect(summariseProfiles(dir)).toContain(`CPU profiles in ${dir}:`);
});
