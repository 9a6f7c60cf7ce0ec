import { z } from 'zod';

/**
 * Builds the schema of a whole plan file: what the signed document says, plus what the system needs to act on it.
 * A function, not a module constant: zod schemas are heavy (this one is ~270 objects with lazy getters), and every
 * workflow instantiates its own copy of each module, so workflows build it only when they validate and then drop it.
 */
/** Every report period code (M01–M12, Q1–Q4, H1, H2, M9, Y): the schema's enum, and the workbook's list. */
export const PERIOD_CODES = [
  ...(['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'] as const).map((m) => `M${m}` as const),
  'Q1',
  'Q2',
  'Q3',
  'Q4',
  'H1',
  'H2',
  'M9',
  'Y',
] as const;

export function buildPlanSchema() {
  /** A calendar date as written in the plan, `yyyy-MM-dd`, read in the organisation's time zone. */
  const isoDate = z.iso.date();

  /** Local time of day `HH:mm` at which the plan's notices go out. */
  const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:mm, e.g. 08:00');

  /** Short uppercase code used in ids and search attributes: `VP`, `KHTC`, `SGDDT-HCM`. */
  const code = z.string().regex(/^[A-Z0-9][A-Z0-9-]{0,31}$/, 'expected an uppercase code of letters, digits and "-"');

  const person = z.strictObject({
    name: z.string().min(1),
    title: z.string().min(1).optional(),
    email: z.email(),
  });

  /** What happens when a computed deadline falls on a non-working day (Bộ luật Dân sự 2015 Điều 148 k5 = FORWARD). */
  const deadlinePolicy = z.enum(['FORWARD', 'BACKWARD', 'KEEP']);

  /** Working days after the deadline at which an unsubmitted item is escalated to the office, then the director. */
  const escalation = z.strictObject({
    officeAfter: z.int().min(0).max(30),
    directorAfter: z.int().min(1).max(60),
  });

  /** How a task's deadline is set: a fixed date, the end of its month, or working days after it opens. */
  const dueRule = z.union([
    z.strictObject({ on: isoDate }),
    z.strictObject({ endOfMonth: z.literal(true) }),
    z.strictObject({ workingDaysAfterOpening: z.int().min(1).max(250) }),
  ]);

  const taskUnit = z.strictObject({
    unit: code,
    /** chủ trì (lead) or phối hợp (support): both must submit, the lead's report is the one consolidated first. */
    role: z.enum(['lead', 'support']),
  });

  /** What every duty has, whatever its kind: its number, what it is, in which forms, by which units. */
  const dutyFields = {
    /** Two-digit number used in the workflow id: `plan-<org>-<year>-task-<nn>` (unique across the three kinds). */
    number: z.int().min(1).max(99),
    title: z.string().min(1).max(200),
    content: z.string().min(1).max(4000),
    themes: z.array(code).default([]),
    forms: z.array(code).min(1),
    units: z.array(taskUnit).min(1),
  };

  const task = z.strictObject({
    ...dutyFields,
    opensOn: isoDate,
    due: dueRule,
    /** Working days before the deadline on which a reminder goes out, e.g. [3, 1]. */
    reminders: z.array(z.int().min(1).max(30)).optional(),
    escalation: escalation.optional(),
    deadlinePolicy: deadlinePolicy.optional(),
  });

  /** A count target (chỉ tiêu): at least `count` per month, per report period or per year. */
  const countTarget = z.strictObject({
    count: z.int().min(1).max(1_000_000),
    per: z.enum(['month', 'period', 'year']),
  });
  /** A share target: `percent` of what `of` names (100% TTHC được niêm yết, 98% hồ sơ đúng hạn). */
  const percentTarget = z.strictObject({ percent: z.number().gt(0).max(100), of: z.string().min(1).max(200) });

  /** `yyyy-MM`: a month of the plan, e.g. `2026-03`. */
  const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected yyyy-MM, e.g. 2026-03');

  /** Each occurrence's deadline, in the occurrence's last month. */
  const recurringDue = z.union([
    z.strictObject({ day: z.int().min(1).max(31) }),
    z.strictObject({ lastWorkingDay: z.literal(true) }),
    z.strictObject({ firstWorkingDay: z.literal(true) }),
  ]);

  /**
   * A task that recurs (sinh hoạt Ngày Pháp luật hàng tháng, bản tin hàng quý): one occurrence per month or
   * quarter from `from` to `to`, each an item with its own deadline, reminders and escalation.
   */
  const recurringTask = z.strictObject({
    ...dutyFields,
    every: z.enum(['month', 'quarter']),
    from: yearMonth,
    to: yearMonth,
    due: recurringDue,
    /** Each occurrence opens this many working days before its deadline; default: the first working day of its period. */
    opensWorkingDaysBefore: z.int().min(1).max(60).optional(),
    reminders: z.array(z.int().min(1).max(30)).optional(),
    escalation: escalation.optional(),
    deadlinePolicy: deadlinePolicy.optional(),
  });

  /**
   * An ongoing duty (nhiệm vụ thường xuyên: "thường xuyên đăng tải tin, bài…"): no deadline, no reminder, no
   * escalation of its own; its results are asked for in the periodic reports.
   */
  const ongoingDuty = z.strictObject({
    ...dutyFields,
    /** What each unit must reach: a count of outputs (all forms together) or a share; reported every period. */
    target: z.union([countTarget, percentTarget]).optional(),
  });

  /** Periodic reports of Nghị định 09/2019 Điều 12 (cut-off 15th → 14th); Q4/H2 exist but CCHC uses the annual report instead. */
  const periodCode = z.enum(PERIOD_CODES);

  const reporting = z.strictObject({
    periods: z.array(periodCode).min(1),
    /** Units this regime asks for reports; default: every unit of the plan. */
    units: z.array(code).optional(),
    /** The office's own deadline: a day of the period's last month (CCHC practice: the 20th, BNV 581/BNV-CCHC). */
    officeDeadlineDay: z.int().min(1).max(31),
    /** Units report this many working days before the office's deadline. */
    unitWorkingDaysBeforeOffice: z.int().min(1).max(20),
    /**
     * The last day of a period's figures in its last month (ND 09/2019 Điều 12: the 14th, from the 15th of the month
     * before). A sector whose own regime cuts off on another day (e.g. the 15th, from the 16th) sets it here.
     */
    cutOffDay: z.int().min(1).max(28).default(14),
    deadlinePolicy: deadlinePolicy.default('FORWARD'),
    adHocAllowed: z.boolean().default(true),
    reminders: z.array(z.int().min(1).max(30)).optional(),
    escalation: escalation.optional(),
  });

  /** As the sentence says it, plus where that plan runs here (`org`, `year`) when its body uses this deployment. */
  const carriedOut = z.strictObject({
    kind: z.string().min(1).max(40).default('Kế hoạch'),
    number: z.string().min(1),
    signedOn: isoDate.optional(),
    issuer: z.string().min(1).optional(),
    org: code.optional(),
    year: z.int().min(2000).max(2100).optional(),
    /** The Temporal namespace the parent's plan runs in, when not this one: its reports go up through Nexus. */
    namespace: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/, 'expected a Temporal namespace name, e.g. bo or tinh-a')
      .optional(),
  });

  const calendarOverride = z.strictObject({
    date: isoDate,
    kind: z.enum(['off', 'working']),
    reason: z.string().min(1),
  });

  return z.strictObject({
    organisation: z.strictObject({
      code,
      name: z.string().min(1),
      parentBody: z.string().min(1).optional(),
      /** The code of the body this one reports to, when that body runs its plans in this deployment. */
      reportsTo: code.optional(),
      placeName: z.string().min(1),
      /** Abbreviation used in document numbers: `Số: 05/BC-SGDĐT`. */
      symbol: z.string().min(1).max(20),
      timeZone: z.string().default('Asia/Ho_Chi_Minh'),
      locale: z.enum(['vi', 'en']).default('vi'),
    }),
    plan: z.strictObject({
      number: z.string().min(1),
      title: z.string().min(1).max(200),
      signedOn: isoDate,
      year: z.int().min(2000).max(2100),
      /** The document this plan carries out: "Thực hiện Kế hoạch số 216/KH-UBND ngày 28/02/2026 của …". */
      carriesOut: carriedOut.optional(),
    }),
    office: person.extend({ unit: code }),
    director: person,
    units: z
      .array(
        z.strictObject({
          code,
          name: z.string().min(1),
          head: person,
          duties: z.string().optional(),
        }),
      )
      .min(1),
    /**
     * The bodies that report to this one (a department's schools): each is asked for every periodic report like a
     * unit, through its office, and its accepted consolidated report arrives here by itself when it runs here too.
     */
    subordinates: z
      .array(
        z.strictObject({
          code,
          name: z.string().min(1),
          office: person,
          director: person.optional(),
        }),
      )
      .max(500)
      .default([]),
    themes: z.array(z.strictObject({ code, title: z.string().min(1) })).default([]),
    forms: z
      .array(
        z.strictObject({
          code,
          title: z.string().min(1),
          /** The plan's target for this form, all units together (tối thiểu 01 tin/tháng). */
          target: countTarget.optional(),
        }),
      )
      .min(1),
    tasks: z.array(task).default([]),
    recurringTasks: z.array(recurringTask).default([]),
    ongoingDuties: z.array(ongoingDuty).default([]),
    reporting: reporting.optional(),
    defaults: z
      .strictObject({
        reminders: z.array(z.int().min(1).max(30)).default([3, 1]),
        escalation: escalation.default({ officeAfter: 1, directorAfter: 3 }),
        deadlinePolicy: deadlinePolicy.default('FORWARD'),
        sendAt: timeOfDay.default('08:00'),
      })
      .default({
        reminders: [3, 1],
        escalation: { officeAfter: 1, directorAfter: 3 },
        deadlinePolicy: 'FORWARD',
        sendAt: '08:00',
      }),
    calendar: z
      .strictObject({
        /** Schools and one-stop desks that work Saturdays. */
        saturdaysWorking: z.boolean().default(false),
        overrides: z.array(calendarOverride).default([]),
      })
      .default({ saturdaysWorking: false, overrides: [] }),
    /** Demo clock for `npm start`: plan time runs `speed` times faster than real time from the moment the plan starts. */
    demo: z.strictObject({ speed: z.number().min(1).max(1_000_000) }).optional(),
  });
}

type PlanSchema = ReturnType<typeof buildPlanSchema>;

let built: PlanSchema | undefined;
/** The plan schema, built once on first use (clients, the portal, tools). */
export function planSchema(): PlanSchema {
  return (built ??= buildPlanSchema());
}

/** A validated plan, with every default filled in. */
export type Plan = z.output<PlanSchema>;
/** A plan as written in the file, before defaults. */
export type PlanInput = z.input<PlanSchema>;
export type PlanTask = Plan['tasks'][number];
export type RecurringTask = Plan['recurringTasks'][number];
export type OngoingDuty = Plan['ongoingDuties'][number];
export type PlanTarget = NonNullable<OngoingDuty['target']>;
export type CountTarget = Extract<PlanTarget, { count: number }>;
export type PlanUnit = Plan['units'][number];
export type Subordinate = Plan['subordinates'][number];
export type DeadlinePolicy = Plan['defaults']['deadlinePolicy'];
export type PeriodCode = NonNullable<Plan['reporting']>['periods'][number];
export type Escalation = Plan['defaults']['escalation'];
export type CarriedOutPlan = NonNullable<Plan['plan']['carriesOut']>;

/**
 * A plan definition as this version's schema shapes it: a plan started by an earlier version lacks the fields added
 * since (`subordinates` …), which this fills with their defaults. One that no longer parses is returned as it was.
 */
export function currentPlanShape(plan: Plan): Plan {
  const parsed = planSchema().safeParse(plan);
  return parsed.success ? parsed.data : plan;
}
