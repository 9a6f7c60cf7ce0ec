import type { Client } from '@temporalio/client';
import { DateTime } from 'luxon';
import { signItemToken, submitUrl } from '../activities/submit-link.js';
import { getItemStatus } from '../client/plan-client.js';
import type { ItemStatus, UnitOutcome } from '../workflows/item-types.js';
import { itemPage } from './lists/item-page.js';

/** At most this many open items per unit on the page: a unit has a handful at a time, never hundreds. */
const PER_UNIT = 50;

/** One open duty of a unit the person heads: the item, the unit's own deadline and state, and its submit link. */
export interface MyDuty {
  org: string;
  year: number;
  unit: string;
  item: Pick<ItemStatus, 'itemId' | 'kind' | 'title'>;
  outcome: UnitOutcome;
  /** The unit's signed submit link, as its e-mails carry (valid LINK_TTL_DAYS after its deadline). */
  submitHref: string;
}

/**
 * Every open duty of the units a person heads, across plans and years: one visibility search per unit (items still
 * open for it) and one status query per item found (the unit's deadline and state), nearest deadline first.
 */
export async function myDuties(
  client: Client,
  units: readonly { org: string; unit: string }[],
  link: { baseUrl: string; secret: string; ttlDays: number },
): Promise<MyDuty[]> {
  const perUnit = await Promise.all(
    units.map(async ({ org, unit }) => {
      const page = await itemPage(client, { orgs: [org], unit, show: 'open' }, { pageSize: PER_UNIT });
      const duties = await Promise.all(
        page.rows.map(async (row): Promise<MyDuty | undefined> => {
          const status = await getItemStatus(client, { org, year: row.year }, row.itemId).catch(() => undefined);
          const outcome = status?.units.find((u) => u.unit === unit);
          // Done for this unit (accepted) or dropped: not a duty any more.
          if (!status || !outcome || outcome.phase === 'accepted' || outcome.phase === 'dropped') return undefined;
          const expiresAt = DateTime.fromISO(outcome.due).plus({ days: link.ttlDays }).toJSDate();
          const token = signItemToken({ workflowId: row.workflowId, itemId: row.itemId, unit }, expiresAt, link.secret);
          return {
            org,
            year: row.year,
            unit,
            item: { itemId: status.itemId, kind: status.kind, title: status.title },
            outcome,
            submitHref: submitUrl(link.baseUrl, token),
          };
        }),
      );
      return duties.filter((d): d is MyDuty => d !== undefined);
    }),
  );
  return perUnit.flat().sort((a, b) => a.outcome.due.localeCompare(b.outcome.due) || a.org.localeCompare(b.org));
}
