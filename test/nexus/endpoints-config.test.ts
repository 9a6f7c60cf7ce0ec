import { describe, expect, it } from 'vitest';
import { planSchema } from '../../domain/plan-schema.js';
import { nexusEndpointsOf, parseNexusEndpoints } from '../../nexus/endpoints-config.js';
import { subordinateReportProblem } from '../../nexus/roll-up-handler.js';
import { loadConfig } from '../../worker/config.js';
import { planContext } from '../../workflows/plan-context.js';
import { skeletonPlan } from '../fixtures/skeleton-plan.js';

describe('NEXUS_ENDPOINTS', () => {
  it('maps each parent namespace to its endpoint; empty is none', () => {
    expect(parseNexusEndpoints('bo=kehoach-bo, tinh-b.abc12 = kehoach-tinh-b')).toEqual({
      endpoints: { bo: 'kehoach-bo', 'tinh-b.abc12': 'kehoach-tinh-b' },
    });
    expect(nexusEndpointsOf('')).toEqual({});
    expect(loadConfig({}).NEXUS_ENDPOINTS).toBe('');
  });

  it('names every bad pair at start-up', () => {
    expect(parseNexusEndpoints('bo,tinh-a=kehoach_a,bo=a=b,tinh-c=x-,bo=kehoach-bo,bo=kehoach-bo-2')).toEqual({
      problems: [
        '"bo" is not namespace=endpoint (e.g. bo=kehoach-bo)',
        '"tinh-a=kehoach_a" is not namespace=endpoint (e.g. bo=kehoach-bo)',
        '"bo=a=b" is not namespace=endpoint (e.g. bo=kehoach-bo)',
        '"tinh-c=x-" is not namespace=endpoint (e.g. bo=kehoach-bo)',
        'namespace "bo" is given two endpoints',
      ],
    });
    expect(() => loadConfig({ NEXUS_ENDPOINTS: 'bo' })).toThrow(/NEXUS_ENDPOINTS: "bo" is not namespace=endpoint/);
    expect(() => loadConfig({ NEXUS_ROLL_UP_HANDLER: 'yes' })).toThrow(/NEXUS_ROLL_UP_HANDLER/);
    expect(loadConfig({ NEXUS_ROLL_UP_HANDLER: 'true' }).NEXUS_ROLL_UP_HANDLER).toBe(true);
  });
});

describe('plan.carriesOut.namespace', () => {
  const carrying = (carriesOut: object) =>
    planSchema().safeParse({ ...skeletonPlan, plan: { ...skeletonPlan.plan, carriesOut } });

  it('travels to the items as the namespace of the plan they roll up to', () => {
    const plan = carrying({ number: '01/KH-BGDĐT', org: 'BO', namespace: 'bo' });
    expect(planContext(plan.data!).rollUpTo).toEqual({ org: 'BO', year: 2026, namespace: 'bo' });
    const here = carrying({ number: '01/KH-SGDĐT', org: 'SO' });
    expect(planContext(here.data!).rollUpTo).toEqual({ org: 'SO', year: 2026 });
  });

  it('takes a namespace name only', () => {
    expect(carrying({ number: '01/KH-BGDĐT', org: 'BO', namespace: 'bộ giáo dục' }).success).toBe(false);
  });
});

describe('what the roll-up endpoint files', () => {
  const report = {
    key: 'plan-TRUONG-A-2026-report-Q1',
    planWorkflowId: 'plan-TRUONG-A-2026',
    itemWorkflowId: 'plan-TRUONG-A-2026-report-Q1',
    parentItemWorkflowId: 'plan-BO-2026-report-Q1',
    unit: 'TRUONG-A',
    acceptedBy: 'Hiệu trưởng',
    submission: { unit: 'TRUONG-A', submittedBy: 'Hiệu trưởng', results: 'Đã thực hiện' },
  };

  it('a periodic report of the parent, from the same period’s report of the body it names', () => {
    expect(subordinateReportProblem(report)).toBeUndefined();
    expect(subordinateReportProblem({ ...report, parentItemWorkflowId: 'plan-BO-2026-task-01' })).toBe(
      'plan-BO-2026-task-01 is not a periodic report item',
    );
    expect(subordinateReportProblem({ ...report, parentItemWorkflowId: 'plan-BO-2026-report-adhoc-1' })).toBe(
      'plan-BO-2026-report-adhoc-1 is not a periodic report item',
    );
    expect(subordinateReportProblem({ ...report, unit: 'TRUONG-B' })).toBe(
      'plan-TRUONG-A-2026-report-Q1 is not the report-Q1 of TRUONG-B',
    );
    expect(subordinateReportProblem({ ...report, key: 'plan-TRUONG-A-2026-report-H1' })).toBe(
      'plan-TRUONG-A-2026-report-H1 is not the report-Q1 of TRUONG-A',
    );
  });
});
