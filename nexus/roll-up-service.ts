/**
 * The roll-up across namespaces (issue #18): a national deployment gives each province its own Temporal namespace,
 * so a subordinate whose parent's plan runs in another one sends its accepted report through a Nexus endpoint that
 * leads to the parent namespace's worker. This definition is shared by the caller (the item workflow) and the handler
 * (`roll-up-handler.ts`); it imports types only, so it is safe in the workflow sandbox.
 */
import * as nexus from 'nexus-rpc';
import type { RollUpReceipt, SubordinateReport } from '../workflows/activities-api.js';

/** The service every parent namespace's endpoint serves. */
export const ROLL_UP_SERVICE_NAME = 'kehoach-roll-up';

export const rollUpService = nexus.service(ROLL_UP_SERVICE_NAME, {
  /**
   * Files the subordinate's report as its submission to the parent's report item of the period, with the report's key
   * as the Update id: however often it is sent, the parent takes it once and answers with the same version.
   */
  submitSubordinateReport: nexus.operation<SubordinateReport, RollUpReceipt>(),
});
