import { describe, expect, it } from 'vitest';
import { loadDirectoryFile } from '../../organisations/directory-file.js';
import type { Organisation, OrganisationDirectory } from '../../organisations/directory-schema.js';
import {
  ancestorsOf,
  childrenOf,
  descendantsOf,
  findOrganisation,
  organisationTree,
  roots,
  type OrganisationNode,
} from '../../organisations/tree.js';

const codes = (orgs: readonly Organisation[]) => orgs.map((o) => o.code);
const entry = (code: string, parent?: string): Organisation => ({
  code,
  name: `Cơ quan ${code}`,
  office: `${code.toLowerCase()}@example.org`,
  staff: [],
  ...(parent ? { parent } : {}),
});

/**
 * A province written out of order (children before their parents, siblings apart), four levels deep:
 *   UBND ─ SGD ─ THPT-A
 *        │     └ THPT-B ─ TO-VAN
 *        └ SYT
 *   UBND-2
 */
const province: OrganisationDirectory = {
  administrators: [],
  organisations: [
    entry('THPT-A', 'SGD'),
    entry('UBND'),
    entry('SGD', 'UBND'),
    entry('TO-VAN', 'THPT-B'),
    entry('SYT', 'UBND'),
    entry('THPT-B', 'SGD'),
    entry('UBND-2'),
  ],
};

describe('the tree of a directory', () => {
  it('roots: the bodies that report to no one, in file order', () => {
    expect(codes(roots(province))).toEqual(['UBND', 'UBND-2']);
  });

  it('childrenOf: the direct subordinates in file order; none for a leaf or an unknown code', () => {
    expect(codes(childrenOf(province, 'UBND'))).toEqual(['SGD', 'SYT']);
    expect(codes(childrenOf(province, 'SGD'))).toEqual(['THPT-A', 'THPT-B']);
    expect(childrenOf(province, 'TO-VAN')).toEqual([]);
    expect(childrenOf(province, 'KHONG-CO')).toEqual([]);
  });

  it('ancestorsOf: the parent first, the top last; none for a root or an unknown code', () => {
    expect(codes(ancestorsOf(province, 'TO-VAN'))).toEqual(['THPT-B', 'SGD', 'UBND']);
    expect(codes(ancestorsOf(province, 'SGD'))).toEqual(['UBND']);
    expect(ancestorsOf(province, 'UBND')).toEqual([]);
    expect(ancestorsOf(province, 'KHONG-CO')).toEqual([]);
  });

  it('descendantsOf: every body below in tree order, or down to a depth ("two levels down" for an office)', () => {
    expect(codes(descendantsOf(province, 'UBND'))).toEqual(['SGD', 'THPT-A', 'THPT-B', 'TO-VAN', 'SYT']);
    expect(codes(descendantsOf(province, 'UBND', 2))).toEqual(['SGD', 'THPT-A', 'THPT-B', 'SYT']);
    expect(codes(descendantsOf(province, 'UBND', 1))).toEqual(codes(childrenOf(province, 'UBND')));
    expect(codes(descendantsOf(province, 'SGD', 2))).toEqual(['THPT-A', 'THPT-B', 'TO-VAN']);
    expect(descendantsOf(province, 'UBND-2')).toEqual([]);
    expect(descendantsOf(province, 'UBND', 0)).toEqual([]);
  });

  it('ancestors and descendants mirror each other: X is above Y exactly when Y is below X', () => {
    for (const x of province.organisations)
      for (const y of province.organisations)
        expect([x.code, y.code, codes(ancestorsOf(province, y.code)).includes(x.code)]).toEqual([
          x.code,
          y.code,
          codes(descendantsOf(province, x.code)).includes(y.code),
        ]);
  });

  it('organisationTree: every body exactly once, nested under its parent', () => {
    const shape = (nodes: readonly OrganisationNode[]): unknown[] =>
      nodes.map((n) => (n.children.length ? [n.organisation.code, shape(n.children)] : n.organisation.code));
    expect(shape(organisationTree(province))).toEqual([
      ['UBND', [['SGD', ['THPT-A', ['THPT-B', ['TO-VAN']]]], 'SYT']],
      'UBND-2',
    ]);
  });

  it('does not loop on a hand-built directory with a cycle (a validated one has none)', () => {
    const looped: OrganisationDirectory = { administrators: [], organisations: [entry('A', 'B'), entry('B', 'A')] };
    expect(codes(ancestorsOf(looped, 'A'))).toEqual(['B']);
    expect(codes(descendantsOf(looped, 'A'))).toEqual(['B']);
    expect(organisationTree(looped)).toEqual([]);
  });

  it('on the sample: the HCMC department and its school, the kindergarten two levels under its city', async () => {
    const dir = await loadDirectoryFile('plans/organisations.yaml');
    expect(findOrganisation(dir, 'SGDDT-HCM')?.name).toBe('Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh');
    expect(codes(childrenOf(dir, 'SGDDT-HCM'))).toEqual(['THPT-HOA-HUNG']);
    expect(codes(ancestorsOf(dir, 'MNDL'))).toEqual(['PGDDT-TP-TN', 'UBND-TP-TN']);
    expect(codes(descendantsOf(dir, 'UBND-HCM', 2))).toEqual(['SGDDT-HCM', 'THPT-HOA-HUNG', 'DEMO-SGDDT', 'DEMO-THPT']);
    expect(codes(roots(dir))).toEqual(['UBND-HCM', 'UBND-ST', 'UBND-TP-TN']);
  });
});
