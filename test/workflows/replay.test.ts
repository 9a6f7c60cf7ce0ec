import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from '@temporalio/worker';
import { beforeAll, describe, expect, it } from 'vitest';
import { workflowBundle } from '../helpers/temporal-env.js';
import { historyFromJson } from '../../scripts/history-json.js';
import { breakFirstTimer, type JsonHistory } from '../helpers/history-json.js';

const DIR = fileURLToPath(new URL('../fixtures/histories/', import.meta.url));
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();

/** The original workflow id of each file (the plan derives its items' ids from its own). */
const ids = new Map(
  readFileSync(DIR + 'workflow-ids.txt', 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split(' ') as [string, string]),
);

function load(file: string): JsonHistory {
  return JSON.parse(readFileSync(DIR + file, 'utf8')) as JsonHistory;
}

/** Replays each history against the current bundle; returns the errors by file (empty = all replayed). */
async function replay(histories: { workflowId: string; history: JsonHistory }[]): Promise<Record<string, string>> {
  const bundle = await workflowBundle();
  const errors: Record<string, string> = {};
  const parsed = histories.map((h) => ({ workflowId: h.workflowId, history: historyFromJson(h.history) }));
  for await (const r of Worker.runReplayHistories({ workflowBundle: bundle }, parsed)) {
    if (r.error) errors[r.workflowId] = String(r.error);
  }
  return errors;
}

describe('replay corpus: every checked-in history replays against the current workflow code', () => {
  beforeAll(async () => {
    await workflowBundle();
  });

  it('has histories of the plan and of its items (npm run histories:record)', () => {
    expect(files.some((f) => f.endsWith('-plan.json'))).toBe(true);
    expect(files.some((f) => /-task-\d\d\.json$/.test(f))).toBe(true);
  });

  it('replays every file without a determinism error', async () => {
    const errors = await replay(files.map((f) => ({ workflowId: ids.get(f) ?? f, history: load(f) })));
    expect([...ids.keys()].sort()).toEqual(files);
    expect(errors).toEqual({});
  });

  it('fails on a history the code cannot have produced (a timer turned into an activity)', async () => {
    const item = files.find((f) => /-task-\d\d\.json$/.test(f))!;
    const errors = await replay([{ workflowId: 'tampered', history: breakFirstTimer(load(item)) }]);
    expect(errors.tampered).toMatch(/Nondeterminism|DeterminismViolation|TMPRL1100/);
  });
});
