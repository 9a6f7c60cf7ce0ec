import { z } from 'zod';

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** Variables of the local stack (`npm start`) only; the app's own variables are in `worker/config.ts`. */
export const stackConfigSchema = z.object({
  KEHOACH_DATA_DIR: z.string().default('.data'),
  KEHOACH_UI_PORT: int(1, 65535).default(8233),
  KEHOACH_INBOX_PORT: int(1, 65535).default(1080),
  /** The plans started (or resumed) by `npm start`, comma-separated: a department and one of its schools. */
  KEHOACH_SAMPLE_PLAN: z.string().default('plans/demo.yaml,plans/demo-truong.yaml'),
  /** Plan days per real day for the sample plan, when its file has no `demo.speed` (1440 = a day per minute). */
  KEHOACH_DEMO_SPEED: z.coerce.number().min(1).default(1440),
});

export type StackConfig = z.output<typeof stackConfigSchema>;

export function loadStackConfig(env: NodeJS.ProcessEnv = process.env): StackConfig {
  const parsed = stackConfigSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(
      `Invalid configuration:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`,
    );
  }
  return parsed.data;
}
