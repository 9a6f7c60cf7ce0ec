import { CancellationScope, condition, isCancellation, sleep } from '@temporalio/workflow';
import { since } from './patches.js';

/**
 * The durable timer for a workflow's next planned instant. A wake-up for another reason (a submission, a signal)
 * keeps the timer when the next instant has not changed, instead of cancelling it and starting an identical one:
 * two history events and one billable action saved per wake-up.
 */
export class StepTimer {
  /** Runs recorded before the `reuse-step-timer` patch started a new timer on every wake-up; on replay they still do. */
  private readonly reuse = since('reuse-step-timer');
  private current?: { at: number; fired: boolean; scope: CancellationScope };

  /** Resolves when `wake()` turns true or plan instant `at` arrives (`delayMs` real ms from now); `at` undefined: only `wake`. */
  async waitUntil(at: number | undefined, delayMs: () => number, summary: string, wake: () => boolean): Promise<void> {
    if (at === undefined) {
      this.cancel();
      await condition(wake);
      return;
    }
    if (!this.reuse) {
      await condition(wake, delayMs(), { summary });
      return;
    }
    if (this.current?.at !== at) {
      this.cancel();
      const timer = { at, fired: false, scope: new CancellationScope() };
      timer.scope
        .run(() => sleep(delayMs(), { summary }))
        .then(
          () => {
            timer.fired = true;
          },
          (err: unknown) => {
            if (!isCancellation(err)) throw err;
          },
        );
      this.current = timer;
    }
    const timer = this.current;
    await condition(() => wake() || timer.fired);
    if (timer.fired) this.current = undefined;
  }

  /** Drops the pending timer (before continue-as-new or when nothing is planned any more). */
  cancel(): void {
    this.current?.scope.cancel();
    this.current = undefined;
  }
}
