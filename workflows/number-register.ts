import { allHandlersFinished, condition, continueAsNew, setHandler, workflowInfo } from '@temporalio/workflow';
import { allocateNumberUpdate, recordIssuedNumberUpdate, registerQuery } from './messages.js';
import { RegisterModel, type RegisterState } from './register-model.js';

export interface NumberRegisterInput {
  organisation: string;
  year: number;
  state?: RegisterState;
}

/**
 * The single writer of a body's document numbers for a year: every worker asks it by Update, so two workers never
 * issue the same number. It only waits for messages (no timers), and carries its entries across continue-as-new.
 */
export async function numberRegisterWorkflow(input: NumberRegisterInput): Promise<void> {
  const model = new RegisterModel(input.state ?? { organisation: input.organisation, year: input.year, entries: [] });
  setHandler(registerQuery, () => model.state);
  setHandler(allocateNumberUpdate, (req) => model.allocate(req), {
    validator: (req) => model.checkAllocate(req),
    description: 'Cấp số văn bản đi (báo cáo) theo sổ đăng ký của cơ quan',
  });
  setHandler(recordIssuedNumberUpdate, (req) => model.record(req), {
    validator: (req) => model.checkRecord(req),
    description: 'Ghi số văn bản do sổ đăng ký của Văn phòng cấp',
  });
  await condition(() => workflowInfo().continueAsNewSuggested);
  await condition(allHandlersFinished);
  await continueAsNew<typeof numberRegisterWorkflow>({ ...input, state: model.state });
}
