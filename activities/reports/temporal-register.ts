import { Context } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import { allocateNumber } from '../../client/register-client.js';

/** Where a report's number comes from: one sequence per body per year, the same number for the same key. */
export interface NumberRegister {
  allocate(args: {
    organisation: string;
    year: number;
    key: string;
    symbol: string;
    issuedOn: string;
  }): Promise<number>;
}

/**
 * The register as a Temporal workflow per organisation and year (client/register-client.ts), the single writer
 * every worker asks, started on the task queue of the activity that first asks. The report's key is the Update id,
 * so a retried compile, on any worker, gets the number it was given.
 */
export function temporalRegister(client: Client, fallbackTaskQueue = 'kehoach'): NumberRegister {
  return {
    async allocate({ organisation, year, key, symbol, issuedOn }) {
      const taskQueue = activityTaskQueue() ?? fallbackTaskQueue;
      const { number } = await allocateNumber(client, { org: organisation, year }, taskQueue, {
        key,
        symbol,
        issuedOn,
      });
      return number;
    },
  };
}

function activityTaskQueue(): string | undefined {
  try {
    return Context.current().info.taskQueue;
  } catch {
    return undefined;
  }
}
