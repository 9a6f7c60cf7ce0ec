import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('kehoach as a command (package.json bin)', () => {
  it('runs from a clone with npx and stops quietly when its reader closes the pipe', () => {
    const run = spawnSync(
      'sh',
      ['-c', 'npx --no-install kehoach plan preview plans/cchc-2021.yaml --format json | head -n 1'],
      {
        encoding: 'utf8',
      },
    );
    expect(run.stdout).toBe('[\n');
    expect(run.stderr).toBe('');
  });
});
