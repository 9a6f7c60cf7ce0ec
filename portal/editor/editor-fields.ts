import type { EditorTexts } from './editor-texts.js';

/** A label of the editor's catalogue (`labels` in editor-texts.ts). */
export type LabelKey = keyof EditorTexts['labels'];
export type HintKey = keyof EditorTexts['hints'];
/** The fixed choices of a drop-down list (`options` in editor-texts.ts). */
export type OptionSet = Exclude<keyof EditorTexts['options'], 'flag'>;
/** Where a multiple choice (or a one-code drop-down) takes its codes from: the plan's own lists, or the periods. */
export type ChoiceSource = 'units' | 'forms' | 'themes' | 'periods';
/** A list's rows, as the texts name them (`rows`, `add`, `empty`). */
export type RowKey = keyof EditorTexts['rows'];

interface Base {
  /** The plan file's key: the field's name is its plan path, `units[2].head.email`. */
  key: string;
  label: LabelKey;
  hint?: HintKey;
  /** Long text (a name, a title): the field takes the whole width of its part. */
  wide?: true;
}

/**
 * One field of the plan file as the editor shows it. Scalars are typed text (`date` shows dd/MM/yyyy, `month`
 * MM/yyyy, `numbers` a comma-separated list); `select` picks one of fixed values, `code` one code of a plan list,
 * `codes` several (checkboxes); `variant` is a union chosen by a drop-down (`due`: on a date / end of month / …),
 * each choice with its own fields (or `true` for a one-key literal such as `{ endOfMonth: true }`).
 */
export type Field =
  | (Base & { kind: 'text' | 'textarea' | 'email' | 'number' | 'date' | 'month' | 'numbers' })
  | (Base & { kind: 'select'; options: OptionSet })
  | (Base & { kind: 'flag' })
  | (Base & { kind: 'code'; source: ChoiceSource })
  | (Base & { kind: 'codes'; source: ChoiceSource })
  | (Base & { kind: 'variant'; options: OptionSet; variants: Record<string, readonly Field[] | true> })
  | (Base & { kind: 'group'; fields: readonly Field[] })
  | (Base & { kind: 'list'; fields: readonly Field[]; layout: 'table' | 'cards'; row: RowKey });

export type SectionKey = keyof EditorTexts['sections'];

/** A part of the page: its fields are top-level keys of the plan file. `more` sections start folded. */
export interface Section {
  id: SectionKey;
  fields: readonly Field[];
  more?: boolean;
}

const escalation = (key = 'escalation'): Field => ({
  key,
  label: 'escalation',
  kind: 'group',
  fields: [
    { key: 'officeAfter', label: 'officeAfter', kind: 'number' },
    { key: 'directorAfter', label: 'directorAfter', kind: 'number' },
  ],
});

const person = (name: LabelKey): Field[] => [
  { key: 'name', label: name, kind: 'text' },
  { key: 'title', label: 'personTitle', kind: 'text' },
  { key: 'email', label: 'email', kind: 'email' },
];

/** What every duty has, whatever its kind (docs/plan-format.md section 10). */
const dutyFields: Field[] = [
  { key: 'number', label: 'dutyNumber', kind: 'number' },
  { key: 'title', label: 'dutyTitle', kind: 'text', wide: true },
  { key: 'content', label: 'dutyContent', kind: 'textarea' },
  {
    key: 'units',
    label: 'dutyUnits',
    kind: 'list',
    layout: 'table',
    row: 'dutyUnits',
    fields: [
      { key: 'unit', label: 'dutyUnit', kind: 'code', source: 'units' },
      { key: 'role', label: 'dutyRole', kind: 'select', options: 'role' },
    ],
  },
  { key: 'forms', label: 'dutyForms', kind: 'codes', source: 'forms' },
  { key: 'themes', label: 'dutyThemes', kind: 'codes', source: 'themes' },
];

/** Reminders, escalation and the day-off rule a dated or recurring task may set for itself. */
const ownRules: Field[] = [
  { key: 'reminders', label: 'reminders', kind: 'numbers', hint: 'reminders' },
  escalation(),
  { key: 'deadlinePolicy', label: 'deadlinePolicy', kind: 'select', options: 'deadlinePolicy', hint: 'deadlinePolicy' },
];

/** Every field of a plan file (domain/plan-schema.ts), in the order the signed document has them. */
export const SECTIONS: readonly Section[] = [
  {
    id: 'organisation',
    fields: [
      {
        key: 'organisation',
        label: 'orgName',
        kind: 'group',
        fields: [
          { key: 'code', label: 'orgCode', kind: 'text', hint: 'code' },
          { key: 'name', label: 'orgName', kind: 'text', wide: true },
          { key: 'parentBody', label: 'parentBody', kind: 'text' },
          { key: 'reportsTo', label: 'reportsTo', kind: 'text', hint: 'code' },
          { key: 'placeName', label: 'placeName', kind: 'text' },
          { key: 'symbol', label: 'symbol', kind: 'text', hint: 'symbol' },
          { key: 'timeZone', label: 'timeZone', kind: 'text', hint: 'timeZone' },
          { key: 'locale', label: 'locale', kind: 'select', options: 'locale' },
        ],
      },
    ],
  },
  {
    id: 'plan',
    fields: [
      {
        key: 'plan',
        label: 'planTitle',
        kind: 'group',
        fields: [
          { key: 'number', label: 'planNumber', kind: 'text' },
          { key: 'signedOn', label: 'signedOn', kind: 'date', hint: 'signedOn' },
          { key: 'title', label: 'planTitle', kind: 'text', wide: true },
          { key: 'year', label: 'planYear', kind: 'number' },
          {
            key: 'carriesOut',
            label: 'carriesOut',
            kind: 'group',
            fields: [
              { key: 'kind', label: 'carriesOutKind', kind: 'text' },
              { key: 'number', label: 'carriesOutNumber', kind: 'text' },
              { key: 'signedOn', label: 'carriesOutSignedOn', kind: 'date', hint: 'date' },
              { key: 'issuer', label: 'carriesOutIssuer', kind: 'text', wide: true },
              { key: 'org', label: 'carriesOutOrg', kind: 'text', hint: 'code' },
              { key: 'year', label: 'carriesOutYear', kind: 'number' },
              { key: 'namespace', label: 'carriesOutNamespace', kind: 'text', hint: 'namespace' },
            ],
          },
        ],
      },
    ],
  },
  {
    id: 'people',
    fields: [
      {
        key: 'office',
        label: 'office',
        kind: 'group',
        fields: [...person('officeName'), { key: 'unit', label: 'officeUnit', kind: 'code', source: 'units' }],
      },
      { key: 'director', label: 'director', kind: 'group', fields: person('personName') },
    ],
  },
  {
    id: 'units',
    fields: [
      {
        key: 'units',
        label: 'unitName',
        kind: 'list',
        layout: 'table',
        row: 'units',
        fields: [
          { key: 'code', label: 'unitCode', kind: 'text' },
          { key: 'name', label: 'unitName', kind: 'text' },
          {
            key: 'head',
            label: 'headName',
            kind: 'group',
            fields: [
              { key: 'name', label: 'headName', kind: 'text' },
              { key: 'title', label: 'headTitle', kind: 'text' },
              { key: 'email', label: 'headEmail', kind: 'email' },
            ],
          },
          { key: 'duties', label: 'unitDuties', kind: 'textarea' },
        ],
      },
    ],
  },
  {
    id: 'subordinates',
    fields: [
      {
        key: 'subordinates',
        label: 'subName',
        kind: 'list',
        layout: 'cards',
        row: 'subordinates',
        fields: [
          { key: 'code', label: 'subCode', kind: 'text', hint: 'code' },
          { key: 'name', label: 'subName', kind: 'text', wide: true },
          { key: 'office', label: 'subOffice', kind: 'group', fields: person('officeName') },
          { key: 'director', label: 'subDirector', kind: 'group', fields: person('personName') },
        ],
      },
    ],
  },
  {
    id: 'themes',
    fields: [
      {
        key: 'themes',
        label: 'itemTitle',
        kind: 'list',
        layout: 'table',
        row: 'themes',
        fields: [
          { key: 'code', label: 'code', kind: 'text' },
          { key: 'title', label: 'itemTitle', kind: 'text' },
        ],
      },
    ],
  },
  {
    id: 'forms',
    fields: [
      {
        key: 'forms',
        label: 'itemTitle',
        kind: 'list',
        layout: 'table',
        row: 'forms',
        fields: [
          { key: 'code', label: 'code', kind: 'text' },
          { key: 'title', label: 'itemTitle', kind: 'text' },
          {
            key: 'target',
            label: 'formTargetCount',
            kind: 'group',
            fields: [
              { key: 'count', label: 'formTargetCount', kind: 'number' },
              { key: 'per', label: 'formTargetPer', kind: 'select', options: 'per' },
            ],
          },
        ],
      },
    ],
  },
  {
    id: 'tasks',
    fields: [
      {
        key: 'tasks',
        label: 'dutyTitle',
        kind: 'list',
        layout: 'cards',
        row: 'tasks',
        fields: [
          ...dutyFields,
          { key: 'opensOn', label: 'opensOn', kind: 'date', hint: 'date' },
          {
            key: 'due',
            label: 'taskDue',
            kind: 'variant',
            options: 'taskDue',
            variants: {
              on: [{ key: 'on', label: 'dueOn', kind: 'date', hint: 'date' }],
              endOfMonth: true,
              workingDaysAfterOpening: [{ key: 'workingDaysAfterOpening', label: 'dueWorkingDays', kind: 'number' }],
            },
          },
          ...ownRules,
        ],
      },
    ],
  },
  {
    id: 'recurringTasks',
    fields: [
      {
        key: 'recurringTasks',
        label: 'dutyTitle',
        kind: 'list',
        layout: 'cards',
        row: 'recurringTasks',
        fields: [
          ...dutyFields,
          { key: 'every', label: 'every', kind: 'select', options: 'every' },
          { key: 'from', label: 'from', kind: 'month', hint: 'month' },
          { key: 'to', label: 'to', kind: 'month', hint: 'month' },
          {
            key: 'due',
            label: 'recurringDue',
            kind: 'variant',
            options: 'recurringDue',
            variants: {
              day: [{ key: 'day', label: 'dueDay', kind: 'number' }],
              lastWorkingDay: true,
              firstWorkingDay: true,
            },
          },
          { key: 'opensWorkingDaysBefore', label: 'opensBefore', kind: 'number', hint: 'opensBefore' },
          ...ownRules,
        ],
      },
    ],
  },
  {
    id: 'ongoingDuties',
    fields: [
      {
        key: 'ongoingDuties',
        label: 'dutyTitle',
        kind: 'list',
        layout: 'cards',
        row: 'ongoingDuties',
        fields: [
          ...dutyFields,
          {
            key: 'target',
            label: 'target',
            kind: 'variant',
            options: 'target',
            variants: {
              count: [
                { key: 'count', label: 'targetCount', kind: 'number' },
                { key: 'per', label: 'targetPer', kind: 'select', options: 'per' },
              ],
              percent: [
                { key: 'percent', label: 'targetPercent', kind: 'number' },
                { key: 'of', label: 'targetOf', kind: 'text', wide: true },
              ],
            },
          },
        ],
      },
    ],
  },
  {
    id: 'reporting',
    fields: [
      {
        key: 'reporting',
        label: 'periods',
        kind: 'group',
        fields: [
          { key: 'periods', label: 'periods', kind: 'codes', source: 'periods' },
          { key: 'officeDeadlineDay', label: 'officeDeadlineDay', kind: 'number' },
          { key: 'unitWorkingDaysBeforeOffice', label: 'unitDaysBefore', kind: 'number' },
          { key: 'cutOffDay', label: 'cutOffDay', kind: 'number', hint: 'cutOffDay' },
          { key: 'adHocAllowed', label: 'adHocAllowed', kind: 'flag' },
          { key: 'units', label: 'reportingUnits', kind: 'codes', source: 'units' },
          ...ownRules,
        ],
      },
    ],
  },
  {
    id: 'more',
    more: true,
    fields: [
      {
        key: 'defaults',
        label: 'defaults',
        kind: 'group',
        fields: [
          { key: 'reminders', label: 'reminders', kind: 'numbers' },
          escalation(),
          { key: 'deadlinePolicy', label: 'deadlinePolicy', kind: 'select', options: 'deadlinePolicy' },
          { key: 'sendAt', label: 'sendAt', kind: 'text', hint: 'sendAt' },
        ],
      },
      {
        key: 'calendar',
        label: 'calendar',
        kind: 'group',
        fields: [
          { key: 'saturdaysWorking', label: 'saturdaysWorking', kind: 'flag' },
          {
            key: 'overrides',
            label: 'overrides',
            kind: 'list',
            layout: 'table',
            row: 'overrides',
            fields: [
              { key: 'date', label: 'overrideDate', kind: 'date' },
              { key: 'kind', label: 'overrideKind', kind: 'select', options: 'overrideKind' },
              { key: 'reason', label: 'overrideReason', kind: 'text' },
            ],
          },
        ],
      },
      {
        key: 'demo',
        label: 'demo',
        kind: 'group',
        fields: [{ key: 'speed', label: 'demoSpeed', kind: 'number', hint: 'demoSpeed' }],
      },
    ],
  },
];

/** The values each fixed drop-down offers, in the order shown. */
export const OPTION_VALUES: Record<OptionSet, readonly string[]> = {
  locale: ['vi', 'en'],
  deadlinePolicy: ['FORWARD', 'BACKWARD', 'KEEP'],
  role: ['lead', 'support'],
  per: ['month', 'period', 'year'],
  every: ['month', 'quarter'],
  overrideKind: ['off', 'working'],
  taskDue: ['on', 'endOfMonth', 'workingDaysAfterOpening'],
  recurringDue: ['day', 'lastWorkingDay', 'firstWorkingDay'],
  target: ['count', 'percent'],
};

/** `units[2].head.email` from a parent path and a key or index. */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return parent === '' ? key : `${parent}.${key}`;
}

/** The path without its row numbers, `units.head.email`: which field of the catalogue a path is. */
export const patternOf = (path: string): string => path.replace(/\[\d+\]/g, '');

/** Every list of the catalogue by its pattern (`units`, `tasks.units`, `calendar.overrides`), for row operations. */
export const LIST_FIELDS: ReadonlyMap<string, Extract<Field, { kind: 'list' }>> = (() => {
  const lists = new Map<string, Extract<Field, { kind: 'list' }>>();
  const walk = (fields: readonly Field[], prefix: string) => {
    for (const f of fields) {
      const path = childPath(prefix, f.key);
      if (f.kind === 'list') {
        lists.set(path, f);
        walk(f.fields, path);
      } else if (f.kind === 'group') walk(f.fields, path);
      else if (f.kind === 'variant') for (const v of Object.values(f.variants)) if (v !== true) walk(v, path);
    }
  };
  walk(
    SECTIONS.flatMap((s) => s.fields),
    '',
  );
  return lists;
})();

/** The three kinds of duty, whose numbers are unique across all three lists. */
export const DUTY_LISTS = ['tasks', 'recurringTasks', 'ongoingDuties'] as const;

/** HTML ids from plan paths: `units[2].head.email` → `f-units-2-head-email` (a field), `r-…` (a row), `e-…` (errors). */
export function domId(kind: 'f' | 'r' | 'l' | 'e' | 'h' | 's', path: string): string {
  return `${kind}-${path.replace(/\[(\d+)\]/g, '-$1').replace(/\./g, '-')}`;
}
