import { validator } from 'hono/validator';
import type { PlanRef } from '../client/plan-client.js';
import { refuse } from './refusals.js';

const ORG = /^[A-Z0-9][A-Z0-9-]{0,31}$/;
const YEAR = /^[0-9]{4}$/;
const ITEM = /^(task|report)-[A-Za-z0-9-]{1,40}$/;

/** An organisation code as plan files and workflow ids spell it: `SGDDT-HCM`. */
export const isOrgCode = (org: string): boolean => ORG.test(org);

/** `:org/:year` from the path, or nothing when they could not name a plan (they become a workflow id). */
function planRefFrom(org: string | undefined, year: string | undefined): PlanRef | undefined {
  if (!org || !ORG.test(org) || !year || !YEAR.test(year)) return undefined;
  const y = Number(year);
  return y >= 2000 && y <= 2100 ? { org, year: y } : undefined;
}

/** Validates `/:org/:year`; a bad id gets the same 404 page as a plan that does not exist. */
export const planParam = validator('param', (p: Record<string, string>, c) => {
  const ref = planRefFrom(p.org, p.year);
  return ref ? { ref } : refuse(c, 404, 'planNotFound');
});

/** Validates `/:org/:year/:item` (`task-03`, `report-Q1`, `report-adhoc-1` …), likewise. */
export const itemParam = validator('param', (p: Record<string, string>, c) => {
  const ref = planRefFrom(p.org, p.year);
  const itemId = p.item;
  return ref && itemId && ITEM.test(itemId) ? { ref, itemId } : refuse(c, 404, 'planNotFound');
});
