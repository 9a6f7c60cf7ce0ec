/** The visibility queries lists send: exactly what each filter says, and no filter value that could add syntax. */
import { describe, expect, it } from 'vitest';
import { parseDashboardParams } from '../../../portal/dashboard-params.js';
import { itemQuery, type ItemFilter } from '../../../portal/lists/item-query.js';
import {
  MAX_TRAIL,
  nextTrail,
  parseTrail,
  signedTrail,
  tokenBytes,
  tokenText,
  trailSignature,
} from '../../../portal/lists/page-token.js';
import { planQuery, type PlanFilter } from '../../../portal/lists/plan-query.js';
import { ListQueryError } from '../../../portal/lists/query-values.js';
import { narrowScope } from '../../../portal/lists/scope.js';

const SECRET = 'test-secret-for-page-links-0123456789';
const PLANS = `KhKind = 'plan' AND ExecutionStatus != 'ContinuedAsNew'`;
const ORG_PLANS = `KhKind STARTS_WITH 'plan' AND ExecutionStatus != 'ContinuedAsNew'`;
const OPEN = `ExecutionStatus NOT IN ('Completed', 'Failed', 'Canceled', 'Terminated', 'ContinuedAsNew', 'TimedOut')`;
const ITEMS = `KhKind IN ('task', 'report') AND ${OPEN}`;

describe('plan queries', () => {
  it('says what the filter says, in the order lists want', () => {
    expect(planQuery({ orgs: 'all' })).toEqual({ where: PLANS, orderBy: 'KhYear DESC, KhOrg ASC' });
    expect(planQuery({ orgs: ['SGDDT-HCM', 'MNDL'], year: 2026, state: 'running' }).where).toBe(
      `${ORG_PLANS} AND KhOrg IN ('SGDDT-HCM', 'MNDL') AND KhYear = 2026 AND ${OPEN}`,
    );
    expect(planQuery({ orgs: ['A'], state: 'done' }).where).toBe(
      `${ORG_PLANS} AND KhOrg IN ('A') AND ExecutionStatus = 'Completed'`,
    );
    expect(planQuery({ orgs: 'all', state: 'cancelled' }).where).toBe(`${PLANS} AND ExecutionStatus = 'Canceled'`);
    expect(planQuery({ orgs: 'all', state: 'failed' }).where).toBe(
      `${PLANS} AND ExecutionStatus IN ('Failed', 'Terminated', 'TimedOut')`,
    );
  });

  it.each([
    ['a quote that would close the literal', { orgs: [`X' OR KhOrg != '`] }],
    ['a double quote', { orgs: ['X" OR "1"="1'] }],
    ['a backslash escape', { orgs: ['X\\'] }],
    ['a lower-case code (not how plan files spell one)', { orgs: ['sgddt'] }],
    ['a space', { orgs: ['A B'] }],
    ['an empty code', { orgs: [''] }],
    ['no organisation at all', { orgs: [] }],
    ['more organisations than one query takes', { orgs: Array.from({ length: 501 }, (_, i) => `O${i}`) }],
    ['a fractional year', { orgs: 'all', year: 2026.5 }],
    ['a year out of range', { orgs: 'all', year: 1999 }],
    ['a year that is no number', { orgs: 'all', year: Number.NaN }],
    ['a state with syntax', { orgs: 'all', state: `running' OR '1'='1` }],
    ['a state lists do not know', { orgs: 'all', state: 'paused' }],
    ['a scope that is neither a list nor all', { orgs: 'everything' }],
  ])('refuses %s', (_what, filter) => {
    expect(() => planQuery(filter as unknown as PlanFilter)).toThrow(ListQueryError);
  });
});

describe('item queries', () => {
  it('asks for open, overdue, incident or both, for every unit or one', () => {
    const q = (f: Partial<ItemFilter>) => itemQuery({ orgs: ['A'], show: 'attention', ...f }).where;
    expect(itemQuery({ orgs: 'all', show: 'open' })).toEqual({
      where: `${ITEMS} AND KhStatus IN ('open', 'overdue')`,
      orderBy: 'KhNextDeadline ASC',
    });
    expect(q({ show: 'overdue', year: 2026 })).toBe(
      `${ITEMS} AND KhOrg IN ('A') AND KhYear = 2026 AND KhOverdueUnits IS NOT NULL`,
    );
    expect(q({ show: 'overdue', unit: 'TCCB' })).toBe(`${ITEMS} AND KhOrg IN ('A') AND KhOverdueUnits = 'TCCB'`);
    expect(q({ show: 'incident' })).toBe(`${ITEMS} AND KhOrg IN ('A') AND KhIncident = true`);
    expect(q({ show: 'open', unit: 'KHTC' })).toBe(
      `${ITEMS} AND KhOrg IN ('A') AND KhUnits = 'KHTC' AND KhStatus IN ('open', 'overdue')`,
    );
    expect(q({})).toBe(`${ITEMS} AND KhOrg IN ('A') AND (KhOverdueUnits IS NOT NULL OR KhIncident = true)`);
    expect(q({ unit: 'VP' })).toBe(
      `${ITEMS} AND KhOrg IN ('A') AND KhUnits = 'VP' AND (KhOverdueUnits = 'VP' OR KhIncident = true)`,
    );
  });

  it.each([
    ['a unit that closes its quote', { unit: `VP' OR KhOrg = 'B` }],
    ['a unit with a parenthesis', { unit: 'VP)' }],
    ['a show lists do not know', { show: 'all' }],
    ['an organisation with syntax', { orgs: [`A') OR (KhOrg = 'B`] }],
  ])('refuses %s', (_what, f) => {
    expect(() => itemQuery({ orgs: ['A'], show: 'open', ...f } as unknown as ItemFilter)).toThrow(ListQueryError);
  });
});

describe('scope and page links', () => {
  it('narrows a scope to the organisation a filter names, never beyond it', () => {
    expect(narrowScope('all', undefined)).toBe('all');
    expect(narrowScope('all', 'B')).toEqual(['B']);
    expect(narrowScope(['A', 'B'], 'B')).toEqual(['B']);
    expect(narrowScope(['A'], 'B')).toEqual([]);
    expect(narrowScope(['A', 'B'], undefined)).toEqual(['A', 'B']);
  });

  it('carries server tokens as base64url and refuses anything else', () => {
    const bytes = new TextEncoder().encode('{"CloseTime":"9999-12-31T23:59:59Z"}');
    expect(tokenBytes(tokenText(bytes))).toEqual(bytes);
    for (const bad of ['', 'a.b', 'abc=', 'a b', '<script>', 'x'.repeat(1025)])
      expect(() => tokenBytes(bad), bad).toThrow(ListQueryError);
    expect(parseTrail(undefined)).toEqual([]);
    expect(parseTrail('YQ.Yg')).toEqual(['YQ', 'Yg']);
    expect(() => parseTrail('YQ..Yg')).toThrow(ListQueryError);
    expect(() => parseTrail(Array.from({ length: MAX_TRAIL + 1 }, () => 'YQ').join('.'))).toThrow(ListQueryError);
    const full = Array.from({ length: MAX_TRAIL }, (_, i) => `T${i}`);
    expect(nextTrail(full, 'NEW')).toEqual([...full.slice(1), 'NEW']);
  });

  it('takes back only the page links it signed', () => {
    const trail = ['YQ', 'Yg'];
    const sig = trailSignature(SECRET, trail);
    expect(signedTrail(SECRET, 'YQ.Yg', sig)).toEqual(trail);
    expect(signedTrail(SECRET, undefined, undefined)).toEqual([]);
    expect(() => signedTrail(SECRET, 'YQ.Yg', undefined)).toThrow(ListQueryError);
    expect(() => signedTrail(SECRET, 'YQ.Yh', sig)).toThrow(ListQueryError);
    expect(() => signedTrail('another-secret-0123456789abcdefghij', 'YQ.Yg', sig)).toThrow(ListQueryError);
  });

  it('reads the dashboard form: empty fields are no filter, a bad one refuses the request', () => {
    const sig = trailSignature(SECRET, ['YQ']);
    expect(parseDashboardParams({}, SECRET)).toEqual({ trail: [] });
    expect(parseDashboardParams({ org: ' sgddt-hcm ', year: '2026', state: 'done', page: 'YQ', sig }, SECRET)).toEqual({
      org: 'SGDDT-HCM',
      year: 2026,
      state: 'done',
      trail: ['YQ'],
    });
    expect(parseDashboardParams({ org: '', year: '', state: '' }, SECRET)).toEqual({ trail: [] });
    for (const bad of [
      { org: `A' OR '1'='1` },
      { org: 'A B' },
      { year: '26' },
      { year: '2026 OR 1=1' },
      { year: '1999' },
      { state: 'running OR' },
      { page: '%%%' },
      { page: 'YQ' },
      { page: 'YQ', sig: 'x' },
    ])
      expect(() => parseDashboardParams(bad, SECRET), JSON.stringify(bad)).toThrow(ListQueryError);
  });
});
