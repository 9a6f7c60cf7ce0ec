import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from '@temporalio/worker';
import { defineSignal, defineUpdate } from '@temporalio/workflow';
import { beforeAll, describe, expect, it } from 'vitest';
import * as messages from '../../workflows/messages.js';
import { workflowBundle } from '../helpers/temporal-env.js';
import { historyFromJson } from '../../scripts/history-json.js';
import { breakFirstTimer, type JsonHistory } from '../helpers/history-json.js';

const DIR = fileURLToPath(new URL('../fixtures/histories/', import.meta.url));
const WORKFLOWS = fileURLToPath(new URL('../../workflows/', import.meta.url));
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();

/** `<file> <rest>` per line (the index files written by scripts/record-histories.ts). */
function readIndex(name: string): Map<string, string> {
  return new Map(
    readFileSync(DIR + name, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line): [string, string] => [line.slice(0, line.indexOf(' ')), line.slice(line.indexOf(' ') + 1)]),
  );
}

/** The original workflow id of each file (the plan derives its items' ids from its own); runs of one id share it. */
const ids = readIndex('workflow-ids.txt');
/** The queries each recorded workflow answered when the recorder asked it every query after its run closed. */
const queriesAnswered = new Map([...readIndex('queries.txt')].map(([file, list]) => [file, list.split(',')]));

const loaded = new Map<string, JsonHistory>();
function load(file: string): JsonHistory {
  let h = loaded.get(file);
  if (!h) loaded.set(file, (h = JSON.parse(readFileSync(DIR + file, 'utf8')) as JsonHistory));
  return h;
}

/** Replays each history against the current bundle; returns the errors by file (empty = all replayed). */
async function replay(histories: { file: string; workflowId: string; history: JsonHistory }[]) {
  const bundle = await workflowBundle();
  const errors: Record<string, string> = {};
  const parsed = histories.map((h) => ({ workflowId: h.workflowId, history: historyFromJson(h.history) }));
  let i = 0;
  for await (const r of Worker.runReplayHistories({ workflowBundle: bundle }, parsed)) {
    if (r.error) errors[histories[i]!.file] = String(r.error);
    i += 1;
  }
  expect(i).toBe(histories.length);
  return errors;
}

// ---- Message coverage ------------------------------------------------------------------------------------------

type Kind = 'signal' | 'update' | 'query';
interface Definition {
  type: Kind;
  name: string;
}
const isDefinition = (d: unknown): d is Definition =>
  typeof d === 'object' &&
  d !== null &&
  ['signal', 'update', 'query'].includes((d as Definition).type) &&
  typeof (d as Definition).name === 'string';

/**
 * Every signal, update and query defined in workflows/: the definitions workflows/messages.ts exports, plus any
 * `defineSignal/defineUpdate/defineQuery('name')` written in another file of workflows/.
 */
function definedMessages(): Definition[] {
  const defs = new Map<string, Definition>();
  for (const d of Object.values(messages) as unknown[])
    if (isDefinition(d)) defs.set(`${d.type} ${d.name}`, { type: d.type, name: d.name });
  for (const f of readdirSync(WORKFLOWS).filter((f) => f.endsWith('.ts'))) {
    const source = readFileSync(WORKFLOWS + f, 'utf8');
    for (const m of source.matchAll(/define(Signal|Update|Query)\s*(?:<[\s\S]*?>)?\s*\(\s*['"`]([^'"`]+)['"`]/g)) {
      const type = m[1]!.toLowerCase() as Kind;
      defs.set(`${type} ${m[2]}`, { type, name: m[2]! });
    }
  }
  return [...defs.values()].sort((a, b) => `${a.type} ${a.name}`.localeCompare(`${b.type} ${b.name}`));
}

/** What one history shows: its workflow type, the signals it received and the updates it accepted (or admitted). */
function messagesIn(history: JsonHistory): { workflowType: string; signal: Set<string>; update: Set<string> } {
  type Attrs = {
    workflowType?: { name?: string };
    signalName?: string;
    acceptedRequest?: { input?: { name?: string } };
    request?: { input?: { name?: string } };
  };
  const at = (e: JsonHistory['events'][number], key: string) => (e[key] ?? {}) as Attrs;
  const signal = new Set<string>();
  const update = new Set<string>();
  let workflowType = '';
  for (const e of history.events) {
    if (e.eventType === 'EVENT_TYPE_WORKFLOW_EXECUTION_STARTED')
      workflowType = at(e, 'workflowExecutionStartedEventAttributes').workflowType?.name ?? '';
    if (e.eventType === 'EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED')
      signal.add(at(e, 'workflowExecutionSignaledEventAttributes').signalName ?? '');
    if (e.eventType === 'EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED')
      update.add(at(e, 'workflowExecutionUpdateAcceptedEventAttributes').acceptedRequest?.input?.name ?? '');
    if (e.eventType === 'EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ADMITTED')
      update.add(at(e, 'workflowExecutionUpdateAdmittedEventAttributes').request?.input?.name ?? '');
  }
  return { workflowType, signal, update };
}

interface Corpus {
  workflowType: string;
  signal: Set<string>;
  update: Set<string>;
  query: Set<string>;
}
function corpus(): Corpus[] {
  return files.map((f) => ({ ...messagesIn(load(f)), query: new Set(queriesAnswered.get(f) ?? []) }));
}

/**
 * The definitions that no recorded history exercises: signals never received, updates never accepted, queries no
 * recorded workflow answered. Queries leave no event in a history, so for them the corpus keeps `queries.txt`: the
 * recorder asks every recorded run every query defined in workflows/messages.ts once the run has closed (the worker
 * answers by replaying that run's history) and lists the ones it answered.
 */
function uncovered(defs: Definition[], recorded: Corpus[]): string[] {
  return defs.filter((d) => !recorded.some((r) => r[d.type].has(d.name))).map((d) => `${d.type} ${d.name}`);
}

/**
 * Per workflow type: each `setHandler(<definition>, …)` in a file of workflows/ that exports a `…Workflow` function,
 * resolved through workflows/messages.ts, must be exercised by a history of that workflow type (the plan's and the
 * items' pause handlers are different code). Unresolvable handlers are reported as such.
 */
function uncoveredPerWorkflow(recorded: Corpus[]): { checked: string[]; missing: string[] } {
  const byExport = messages as unknown as Record<string, unknown>;
  const checked: string[] = [];
  const missing: string[] = [];
  for (const f of readdirSync(WORKFLOWS).filter((f) => f.endsWith('.ts'))) {
    const source = readFileSync(WORKFLOWS + f, 'utf8');
    const types = [...source.matchAll(/export\s+async\s+function\s+(\w+Workflow)\s*\(/g)].map((m) => m[1]!);
    for (const type of types) {
      for (const [, ident] of source.matchAll(/setHandler\(\s*(\w+)/g)) {
        const def = byExport[ident!];
        if (!isDefinition(def)) {
          missing.push(`${type}: handler ${ident} is not a definition of workflows/messages.ts`);
          continue;
        }
        checked.push(`${type}: ${def.type} ${def.name}`);
        if (!recorded.some((r) => r.workflowType === type && r[def.type].has(def.name)))
          missing.push(`${type}: ${def.type} ${def.name}`);
      }
    }
  }
  return { checked, missing };
}

describe('replay corpus: every checked-in history replays against the current workflow code', () => {
  beforeAll(async () => {
    await workflowBundle();
  });

  it('has histories of the plan and of its items (npm run histories:record)', () => {
    expect(files.some((f) => /-plan(-run\d+)?\.json$/.test(f))).toBe(true);
    expect(files.some((f) => /-task-\d\d(-run\d+)?\.json$/.test(f))).toBe(true);
    expect(files.some((f) => /-report-\w+(-run\d+)?\.json$/.test(f))).toBe(true);
  });

  it('replays every file without a determinism error', async () => {
    expect([...ids.keys()].sort()).toEqual(files);
    const errors = await replay(files.map((f) => ({ file: f, workflowId: ids.get(f)!, history: load(f) })));
    expect(errors).toEqual({});
  });

  it('fails on a history the code cannot have produced (a timer turned into an activity)', async () => {
    const item = files.find((f) => /-task-\d\d\.json$/.test(f))!;
    const errors = await replay([{ file: item, workflowId: 'tampered', history: breakFirstTimer(load(item)) }]);
    expect(errors[item]).toMatch(/Nondeterminism|DeterminismViolation|TMPRL1100/);
  });
});

describe('replay corpus: a year-long workflow meets every message, so the corpus holds every one', () => {
  it('finds the definitions of workflows/messages.ts', () => {
    const defs = definedMessages();
    for (const type of ['signal', 'update', 'query'] as const)
      expect(defs.filter((d) => d.type === type).length, type).toBeGreaterThan(0);
    expect(defs).toContainEqual({ type: 'update', name: 'submitReport' });
    expect(defs).toContainEqual({ type: 'signal', name: 'itemClosed' });
  });

  it('every signal and update defined in workflows/ was received by a recorded history', () => {
    const defs = definedMessages().filter((d) => d.type !== 'query');
    expect(uncovered(defs, corpus())).toEqual([]);
  });

  it('every query defined in workflows/ was answered by a recorded workflow (queries.txt)', () => {
    expect([...queriesAnswered.keys()].filter((f) => !files.includes(f))).toEqual([]);
    const defs = definedMessages().filter((d) => d.type === 'query');
    expect(uncovered(defs, corpus())).toEqual([]);
  });

  it('each workflow type met every message it handles, in its own histories', () => {
    const { checked, missing } = uncoveredPerWorkflow(corpus());
    expect(checked).toContain('yearPlanWorkflow: signal pauseReminders');
    expect(checked).toContain('itemWorkflow: signal pauseReminders');
    expect(checked).toContain('itemWorkflow: query itemDetail');
    expect(missing).toEqual([]);
  });

  it('the check names a signal, an update or a query that no recorded history has', () => {
    const defs = [
      messages.itemClosedSignal,
      messages.submitReportUpdate,
      messages.itemStatusQuery,
      defineSignal('neverSent'),
      defineUpdate('neverUpdated'),
      { type: 'query' as const, name: 'neverAsked' },
    ];
    expect(uncovered(defs, corpus())).toEqual(['signal neverSent', 'update neverUpdated', 'query neverAsked']);
  });
});
