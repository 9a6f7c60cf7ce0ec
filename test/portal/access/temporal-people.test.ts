import { describe, expect, it } from 'vitest';
import { amendPlan, startPlan } from '../../../client/plan-client.js';
import { planSchema } from '../../../domain/plan-schema.js';
import type { OrganisationDirectory } from '../../../organisations/directory-schema.js';
import { temporalPeople } from '../../../portal/access/temporal-people.js';
import { KhPeople } from '../../../workflows/search-attributes.js';
import { skeletonPlan } from '../../fixtures/skeleton-plan.js';
import { TASK_QUEUE } from '../../helpers/temporal-env.js';
import { useTestStack } from '../../helpers/test-stack.js';

// The plans alone name these people: the directory knows only another body.
const directory: OrganisationDirectory = {
  administrators: [],
  organisations: [{ code: 'KHAC', name: 'Cơ quan khác', office: 'vanphong.khac@example.org', staff: [] }],
};

/*
 * A person's roles come from the running plans that name them, found with one visibility search (`KhPeople`) on a
 * real dev server; an amendment that names someone else moves the role without a restart.
 */
describe('roles from running plans (dev server visibility)', () => {
  const stack = useTestStack({ server: 'dev' });

  it('finds a unit head by the plans naming them, and follows an amendment that replaces them', async () => {
    const { env } = stack();
    const ref = { org: 'SKEL', year: 2026 };
    const { handle } = await startPlan(env.client, skeletonPlan, {
      taskQueue: TASK_QUEUE,
      clock: { planStart: '2026-03-01T07:00:00+07:00' },
    });
    const people = temporalPeople({ client: env.client, directory, ttlMs: 0 });
    await expect
      .poll(() => people.rolesOf('KHTC@example.org'), { timeout: 10_000 })
      .toEqual([{ kind: 'unit-head', org: 'SKEL', unit: 'KHTC' }]);
    // The office's address is also the head of its own unit VP: both roles.
    expect(await people.rolesOf('vanphong@example.org')).toEqual([
      { kind: 'office', org: 'SKEL' },
      { kind: 'unit-head', org: 'SKEL', unit: 'VP' },
    ]);
    expect(await people.rolesOf('giamdoc@example.org')).toEqual([{ kind: 'director', org: 'SKEL' }]);
    expect(await people.rolesOf("x' OR KhOrg != 'y@example.org")).toEqual([]);

    // KHTC gets a new head; the plan keeps its people attribute current.
    const units = skeletonPlan.units.map((u) =>
      u.code === 'KHTC' ? { ...u, head: { name: 'Phạm Văn Mới', email: 'khtc.moi@example.org' } } : u,
    );
    await amendPlan(env.client, ref, {
      plan: planSchema().parse({ ...skeletonPlan, units }),
      note: 'Đổi trưởng phòng KHTC',
      by: 'vanphong@example.org',
    });
    await expect
      .poll(async () => (await handle.describe()).typedSearchAttributes.get(KhPeople), { timeout: 10_000 })
      .toContain('khtc.moi@example.org');
    await expect
      .poll(() => people.rolesOf('khtc.moi@example.org'), { timeout: 10_000 })
      .toEqual([{ kind: 'unit-head', org: 'SKEL', unit: 'KHTC' }]);
    await expect.poll(() => people.rolesOf('khtc@example.org'), { timeout: 10_000 }).toEqual([]);
  });
});
