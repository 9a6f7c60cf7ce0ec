/**
 * The editor's row buttons without script: each names its list and row (`units.remove.2`), applies to the posted
 * content and names the place to come back to.
 */
import { describe, expect, it } from 'vitest';
import { applyRowOp, parseRowOp } from '../../../portal/editor/row-ops.js';

const units = (...codes: string[]) => codes.map((code) => ({ code }));

describe('row operations', () => {
  it('reads the buttons of every list, nested ones too, and nothing else', () => {
    expect(parseRowOp('units.add')).toEqual({ list: 'units', action: 'add', row: 0 });
    expect(parseRowOp('units.remove.2')).toEqual({ list: 'units', action: 'remove', row: 2 });
    expect(parseRowOp('tasks[3].units.up.1')).toEqual({ list: 'tasks[3].units', action: 'up', row: 1 });
    expect(parseRowOp('calendar.overrides.down.0')).toEqual({ list: 'calendar.overrides', action: 'down', row: 0 });
    for (const op of [
      'save',
      'check',
      '',
      'units.remove',
      'units.add.1',
      'organisation.add',
      'plan.year.up.1',
      'x.add',
    ])
      expect(parseRowOp(op)).toBeUndefined();
  });

  it('adds a row at the end and comes back to it; a new duty takes the next free number across the three lists', () => {
    const raw = { units: units('VP', 'KHTC'), tasks: [{ number: 4 }], ongoingDuties: [{ number: 9 }] };
    const added = applyRowOp(raw, parseRowOp('units.add')!);
    expect(added.raw.units).toEqual([...units('VP', 'KHTC'), {}]);
    expect(added.anchor).toBe('r-units-2');
    expect(raw.units).toHaveLength(2);
    const task = applyRowOp(raw, parseRowOp('recurringTasks.add')!);
    expect(task.raw.recurringTasks).toEqual([{ number: 10 }]);
    expect(task.anchor).toBe('r-recurringTasks-0');
    const unit = applyRowOp(task.raw, parseRowOp('tasks[0].units.add')!);
    const again = applyRowOp(unit.raw, parseRowOp('tasks[0].units.add')!);
    expect((again.raw.tasks as { units: unknown[] }[])[0]!.units).toEqual([{ role: 'lead' }, { role: 'support' }]);
    expect(again.anchor).toBe('r-tasks-0-units-1');
  });

  it('moves rows up and down, removes them, and ignores rows that are not there', () => {
    const raw = { units: units('A', 'B', 'C') };
    const up = applyRowOp(raw, parseRowOp('units.up.2')!);
    expect(up.raw.units).toEqual(units('A', 'C', 'B'));
    expect(up.anchor).toBe('r-units-1');
    const down = applyRowOp(raw, parseRowOp('units.down.0')!);
    expect(down.raw.units).toEqual(units('B', 'A', 'C'));
    expect(down.anchor).toBe('r-units-1');
    expect(applyRowOp(raw, parseRowOp('units.up.0')!).raw.units).toEqual(units('A', 'B', 'C'));
    expect(applyRowOp(raw, parseRowOp('units.down.2')!).raw.units).toEqual(units('A', 'B', 'C'));
    const removed = applyRowOp(raw, parseRowOp('units.remove.1')!);
    expect(removed.raw.units).toEqual(units('A', 'C'));
    expect(removed.anchor).toBe('r-units-1');
    const last = applyRowOp({ units: units('A') }, parseRowOp('units.remove.0')!);
    expect(last.raw).toEqual({});
    expect(last.anchor).toBe('l-units');
    expect(applyRowOp(raw, parseRowOp('units.remove.7')!).raw).toEqual(raw);
    expect(applyRowOp(raw, parseRowOp('tasks[4].units.add')!).raw).toEqual(raw);
  });
});
