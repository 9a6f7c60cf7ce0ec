// Only workflow functions and their message definitions: this module is the worker's workflow bundle entry.
export { itemWorkflow } from './item.js';
export { numberRegisterWorkflow } from './number-register.js';
export { yearPlanWorkflow } from './year-plan.js';
export * from './messages.js';
