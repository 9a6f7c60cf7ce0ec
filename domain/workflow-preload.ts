/**
 * The pure modules workflows use, loaded once per worker V8 context and shared by every workflow instead of once per
 * workflow (the SDK's default isolation; see `sharedWorkflowModules` in worker/create-worker.ts). Each one is
 * stateless apart from caches of pure results keyed by the objects they derive from, so sharing cannot carry one
 * run's state into another. The SDK deep-freezes what shared modules export, which zod schemas do not survive (they
 * define properties lazily) nor zod itself (it fills a global config object and reuses global regexes), so zod and
 * the schemas stay per workflow and are built per use (`buildPlanSchema`, `submissionSchema`).
 */
import { Settings } from 'luxon';
import './ids.js';
import './plan-clock.js';
import './schedule.js';
import './work-calendar.js';

// Luxon must never fall back to the worker host's zone: replay on another host would differ.
Settings.defaultZone = 'Asia/Ho_Chi_Minh';
