import type { UpdateDefinition } from '@temporalio/common';
import { currentUpdateInfo, setHandler } from '@temporalio/workflow';

/** One Update a workflow took, by its id, with what it answered. */
export interface HandledUpdate {
  id: string;
  result: unknown;
}

/**
 * How many of the latest Updates a run remembers and hands to the next one. The server refuses an Update id twice
 * only within a run; a client still waiting on one when the run continues as new sends the same id again and it
 * lands on the new run (seen in a burst of submissions: the same id accepted in two runs). A few hundred covers every
 * Update a run takes in its last minutes; a result is a receipt of a hundred bytes or so.
 */
const KEEP = 400;

/**
 * The Updates taken lately, carried in the workflow's state across continue-as-new: a repeat of one of them passes
 * its validator and gets the first answer instead of being applied again.
 */
export class UpdateLedger {
  /** `applied` runs after each Update the workflow applies (not after a repeat answered from the ledger). */
  constructor(
    private readonly handled: HandledUpdate[],
    private readonly applied: () => void = () => {},
  ) {}

  /** The first answer to the Update being handled now, if this id was taken before. */
  private earlier(): HandledUpdate | undefined {
    const id = currentUpdateInfo()?.id;
    return id === undefined ? undefined : this.handled.find((h) => h.id === id);
  }

  /** `setHandler` for an Update taken once per id: its validator and its handler both know a repeat. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as the SDK's own `UpdateDefinition` parameters
  handle<Ret, Args extends any[]>(
    def: UpdateDefinition<Ret, Args>,
    handler: NoInfer<(...args: Args) => Ret | Promise<Ret>>,
    options: { validator: NoInfer<(...args: Args) => void>; description: string },
  ): void {
    setHandler(def, this.once(handler), { ...options, validator: this.validator(options.validator) });
  }

  /** A validator that lets a repeat through: refusing it would tell the client its Update failed, which it did not. */
  private validator<A extends unknown[]>(check: (...args: A) => void): (...args: A) => void {
    return (...args) => {
      if (!this.earlier()) check(...args);
    };
  }

  /** A handler applied once per Update id, answering a repeat as it answered the first. */
  private once<A extends unknown[], R>(apply: (...args: A) => R): (...args: A) => R {
    return (...args) => {
      const earlier = this.earlier();
      if (earlier) return earlier.result as R;
      const id = currentUpdateInfo()?.id;
      const result = apply(...args);
      this.applied();
      if (id === undefined) return result;
      if (result instanceof Promise) return result.then((value: unknown) => this.keep(id, value)) as R;
      return this.keep(id, result);
    };
  }

  private keep<R>(id: string, result: R): R {
    this.handled.push({ id, result });
    if (this.handled.length > KEEP) this.handled.splice(0, this.handled.length - KEEP);
    return result;
  }
}
