import { describe, expect, it } from 'vitest';
import { loadPlan } from '../../../domain/plan-file.js';
import { readFileSync } from 'node:fs';
import { parseDirectoryText } from '../../../organisations/directory-file.js';
import { parentOfficeRoles, rolesFromDirectory } from '../../../portal/access/directory-roles.js';
import { headedUnits, may, readableOrgs } from '../../../portal/access/permissions.js';
import { distinctRoles, rolesFromPlan } from '../../../portal/access/plan-roles.js';
import type { Role } from '../../../portal/access/roles.js';

const directory = (() => {
  const text = readFileSync(new URL('../../../plans/organisations.yaml', import.meta.url), 'utf8');
  const r = parseDirectoryText(text, 'organisations.yaml');
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.directory;
})();
const mamNon = loadPlan(
  readFileSync(new URL('../../../plans/mam-non-2026.yaml', import.meta.url), 'utf8'),
  'mam-non-2026.yaml',
);

describe('roles from what the plans and the directory say', () => {
  it('a plan makes its office, its director and each unit head; one person may hold several', () => {
    // The kindergarten's head teacher is both its director and the head of the Ban Giám hiệu.
    expect(rolesFromPlan(mamNon, ' HieuTruong.MNDL@example.org ')).toEqual([
      { kind: 'director', org: 'MNDL' },
      { kind: 'unit-head', org: 'MNDL', unit: 'BGH' },
    ]);
    expect(rolesFromPlan(mamNon, mamNon.office.email)).toContainEqual({ kind: 'office', org: 'MNDL' });
    expect(rolesFromPlan(mamNon, 'nobody@example.org')).toEqual([]);
  });

  it('the directory makes administrators, office staff and directors; an office reads every body below it', () => {
    const admin = directory.administrators[0]!;
    expect(rolesFromDirectory(directory, admin)).toContainEqual({ kind: 'administrator' });
    const pgd = directory.organisations.find((o) => o.code === 'PGDDT-TP-TN')!;
    const own = rolesFromDirectory(directory, pgd.office);
    expect(own).toContainEqual({ kind: 'office', org: 'PGDDT-TP-TN' });
    expect(parentOfficeRoles(directory, own)).toEqual([{ kind: 'parent-office', org: 'MNDL' }]);
    // Two levels: the city's people's committee reads the district office and the kindergarten.
    const top = directory.organisations.find((o) => o.code === 'UBND-TP-TN')!;
    const below = parentOfficeRoles(directory, rolesFromDirectory(directory, top.office)).map(
      (r) => r.kind === 'parent-office' && r.org,
    );
    expect(below.sort()).toEqual(['MNDL', 'PGDDT-TP-TN']);
  });

  it('each role once', () => {
    const r: Role = { kind: 'office', org: 'A' };
    expect(distinctRoles([r, { ...r }, { kind: 'administrator' }])).toHaveLength(2);
  });
});

describe('what each role may do', () => {
  const office: Role[] = [{ kind: 'office', org: 'SGDDT-HCM' }];
  const director: Role[] = [{ kind: 'director', org: 'SGDDT-HCM' }];
  const head: Role[] = [{ kind: 'unit-head', org: 'SGDDT-HCM', unit: 'KHTC' }];
  const parent: Role[] = [{ kind: 'parent-office', org: 'SGDDT-HCM' }];
  const admin: Role[] = [{ kind: 'administrator' }];

  it.each([
    ['office', office, true, true, true],
    ['director', director, true, false, true],
    ['unit head', head, false, false, true],
    ['parent-body office', parent, true, false, true],
    ['administrator', admin, true, true, true],
    ['nobody', [] as Role[], false, false, false],
  ])('%s: read the plan %s, steer it %s, read an item of unit KHTC %s', (_, roles, read, steer, item) => {
    expect(may(roles, { do: 'read-plan', org: 'SGDDT-HCM' })).toBe(read);
    expect(may(roles, { do: 'steer-plan', org: 'SGDDT-HCM' })).toBe(steer);
    expect(may(roles, { do: 'read-item', org: 'SGDDT-HCM', units: ['KHTC', 'TCCB'] })).toBe(item);
  });

  it('nothing of another organisation, and no unit head reads another unit’s item', () => {
    for (const roles of [office, director, head, parent]) {
      expect(may(roles, { do: 'read-plan', org: 'SGDDT-ST' })).toBe(false);
      expect(may(roles, { do: 'steer-plan', org: 'SGDDT-ST' })).toBe(false);
      expect(may(roles, { do: 'read-item', org: 'SGDDT-ST', units: ['KHTC'] })).toBe(false);
      expect(may(roles, { do: 'administer' })).toBe(false);
    }
    expect(may(head, { do: 'read-item', org: 'SGDDT-HCM', units: ['TCCB'] })).toBe(false);
  });

  it('lists: an administrator all, others their organisations; a unit head’s page their units', () => {
    expect(readableOrgs(admin)).toBe('all');
    expect(readableOrgs([...office, ...parent, ...head, { kind: 'director', org: 'MNDL' }])).toEqual([
      'MNDL',
      'SGDDT-HCM',
    ]);
    expect(readableOrgs(head)).toEqual([]);
    expect(headedUnits([...office, ...head])).toEqual([{ org: 'SGDDT-HCM', unit: 'KHTC' }]);
  });
});
