import { DefaultLogger, Runtime } from '@temporalio/worker';

// Workers in tests log only warnings and errors, so a failing assertion is not buried under state changes.
Runtime.install({ logger: new DefaultLogger('WARN') });
