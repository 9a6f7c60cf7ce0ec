import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
// ajv is not a dependency of ours: eslint brings it (6.x, draft-07), and the schema targets draft-07 for editors.
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { planSkeleton } from '../../client/init-command.js';
import { descriptionGaps, PLAN_JSON_SCHEMA_FILE, planJsonSchema } from '../../scripts/plan-json-schema.js';

const root = join(import.meta.dirname, '../..');
const plans = join(root, 'plans');
const samples = readdirSync(plans)
  // organisations.yaml is the organisations directory beside the plans, not a plan.
  .filter((f) => f.endsWith('.yaml') && f !== 'organisations.yaml')
  .sort();
const committed = (): unknown => JSON.parse(readFileSync(PLAN_JSON_SCHEMA_FILE, 'utf8'));

function validator() {
  const ajv = new Ajv({ allErrors: true });
  return ajv.compile(committed() as object);
}

/** ajv's errors as `path message` lines, for a readable failure. */
function errorsOf(validate: ReturnType<typeof validator>): string {
  return (validate.errors ?? []).map((e) => `${e.dataPath || '/'} ${e.message}`).join('\n');
}

describe('docs/plan.schema.json', () => {
  it('is what the generator makes from the zod plan schema', () => {
    expect(
      committed(),
      'docs/plan.schema.json is out of date with domain/plan-schema.ts: run npm run plan-schema:write',
    ).toEqual(planJsonSchema());
  });

  it('describes every field, and only fields the schema has', () => {
    const { stale, undescribed } = descriptionGaps();
    expect(stale, 'DESCRIPTIONS in scripts/plan-json-schema.ts names fields the schema no longer has').toEqual([]);
    expect(
      undescribed,
      'fields without a description: add them to DESCRIPTIONS in scripts/plan-json-schema.ts and to docs/plan-format.md',
    ).toEqual([]);
  });

  it.each(samples)('accepts the sample plan %s', (name) => {
    const validate = validator();
    const ok = validate(parse(readFileSync(join(plans, name), 'utf8')));
    expect(errorsOf(validate)).toBe('');
    expect(ok).toBe(true);
  });

  it('accepts the skeleton of kehoach plan init', () => {
    const validate = validator();
    expect(validate(parse(planSkeleton(2026, './plan.schema.json'))), errorsOf(validate)).toBe(true);
  });

  it('rejects what an editor should underline: an unknown key, a value outside an enum, a malformed date', () => {
    const validate = validator();
    const base = parse(readFileSync(join(plans, 'demo.yaml'), 'utf8')) as Record<string, Record<string, unknown>>;
    const cases: [string, unknown][] = [
      ['/plan', { ...base, plan: { ...base.plan, signed: '2026-01-05' } }],
      ['/reporting/periods/0', { ...base, reporting: { ...base.reporting, periods: ['Q5'] } }],
      ['/plan/signedOn', { ...base, plan: { ...base.plan, signedOn: '05/01/2026' } }],
      ['/defaults/deadlinePolicy', { ...base, defaults: { deadlinePolicy: 'NEXT' } }],
    ];
    for (const [path, plan] of cases) {
      expect(validate(plan), path).toBe(false);
      expect(validate.errors?.map((e) => e.dataPath.replace(/\.(\w+)/g, '/$1').replace(/\[(\d+)\]/g, '/$1'))).toContain(
        path,
      );
    }
  });
});

describe('plans/*.yaml', () => {
  it.each(samples)('%s names the JSON Schema on its first line, for the editor', (name) => {
    const first = readFileSync(join(plans, name), 'utf8').split('\n')[0] ?? '';
    const ref = /^# yaml-language-server: \$schema=(\S+)$/.exec(first)?.[1];
    expect(ref, `${name}: first line "${first}"`).toBeDefined();
    expect(resolve(plans, ref ?? '')).toBe(PLAN_JSON_SCHEMA_FILE);
  });
});

describe('docs/plan-format.md', () => {
  it('names every field of the plan file', () => {
    const doc = readFileSync(join(root, 'docs/plan-format.md'), 'utf8');
    const fields = new Set<string>();
    const walk = (node: Record<string, unknown>) => {
      for (const branch of (node.anyOf as Record<string, unknown>[] | undefined) ?? []) walk(branch);
      for (const [key, child] of Object.entries((node.properties as Record<string, object> | undefined) ?? {})) {
        fields.add(key);
        walk(child as Record<string, unknown>);
      }
      if (node.items) walk(node.items as Record<string, unknown>);
    };
    walk(planJsonSchema());
    // Named in code spans, alone or in a dotted path: `unit`, `office.unit`, `units[].role`.
    const named = new Set((doc.match(/`[^`\n]+`/g) ?? []).flatMap((span) => span.slice(1, -1).split(/[.[\]]+/)));
    const missing = [...fields].filter((f) => !named.has(f));
    expect(missing, 'document these fields in docs/plan-format.md').toEqual([]);
  });
});
