import type { Recipient } from './email-request.js';
import type { Plan } from '../domain/plan-schema.js';

/** What an item workflow needs to know about its plan to address and word its e-mails. */
export interface PlanContext {
  organisation: { code: string; name: string };
  plan: { number: string; title: string; year: number };
  locale: 'vi' | 'en';
  timeZone: string;
  office: Recipient & { unit: string };
  director: Recipient & { title?: string };
  /** The plan's units and its subordinate bodies (`director` only for those: their escalations reach it too). */
  units: Record<string, { name: string; head: Recipient; director?: Recipient; body?: true }>;
  forms: Record<string, string>;
  /**
   * The plan this one carries out, when it runs in this deployment: accepted reports are sent up to it, through
   * Nexus when it runs in another Temporal `namespace`.
   */
  rollUpTo?: { org: string; year: number; namespace?: string };
}

/** Extracts the addressing data from a validated plan (kept small: it travels in every child's input). */
export function planContext(plan: Plan): PlanContext {
  return {
    organisation: { code: plan.organisation.code, name: plan.organisation.name },
    plan: { number: plan.plan.number, title: plan.plan.title, year: plan.plan.year },
    locale: plan.organisation.locale,
    timeZone: plan.organisation.timeZone,
    office: { name: plan.office.name, email: plan.office.email, unit: plan.office.unit },
    director: { name: plan.director.name, email: plan.director.email, title: plan.director.title },
    units: Object.fromEntries([
      ...plan.units.map((u) => [u.code, { name: u.name, head: { name: u.head.name, email: u.head.email } }] as const),
      // A plan started before subordinates existed keeps its definition without them (its state).
      ...(plan.subordinates ?? []).map(
        (s) =>
          [
            s.code,
            {
              name: s.name,
              head: { name: s.office.name, email: s.office.email },
              body: true as const,
              ...(s.director ? { director: { name: s.director.name, email: s.director.email } } : {}),
            },
          ] as const,
      ),
    ]),
    forms: Object.fromEntries(plan.forms.map((f) => [f.code, f.title])),
    ...(plan.plan.carriesOut?.org ? { rollUpTo: rollUpTo(plan.plan.carriesOut.org, plan) } : {}),
  };
}

/** The parent's plan: its body, its year (this plan's unless said), and its namespace only when one is named. */
function rollUpTo(org: string, plan: Plan): NonNullable<PlanContext['rollUpTo']> {
  const { year, namespace } = plan.plan.carriesOut ?? {};
  return { org, year: year ?? plan.plan.year, ...(namespace ? { namespace } : {}) };
}
