import { writeFile } from 'node:fs/promises';
import type { Locale } from '../domain/format-date.js';
import type { CommandResult } from './plan-commands.js';

/** What to tell a person whose file is already there, after "already exists; not overwritten". */
export interface ExistsHint {
  vi: string;
  en: string;
}

const CHOOSE_ANOTHER: ExistsHint = { vi: 'Chọn tên tệp khác.', en: 'Choose another name.' };

/**
 * Writes `data` to `file` only if no file is there (`wx`: in one step, so a plan or draft someone is writing is
 * never replaced), or over it with `force`. Undefined when written; otherwise the command's answer: exit 1 for a file
 * already there (with `hint`), exit 2 for one that cannot be written.
 */
export async function writeNewFile(
  file: string,
  data: string | Uint8Array,
  lang: Locale,
  o: { force?: boolean; hint?: ExistsHint } = {},
): Promise<CommandResult | undefined> {
  try {
    await writeFile(file, data, { flag: o.force ? 'w' : 'wx' });
    return undefined;
  } catch (err) {
    const hint = o.hint ?? CHOOSE_ANOTHER;
    if ((err as NodeJS.ErrnoException).code === 'EEXIST')
      return {
        exitCode: 1,
        output:
          lang === 'vi'
            ? `${file} đã có; không ghi đè. ${hint.vi}`
            : `${file} already exists; not overwritten. ${hint.en}`,
      };
    const why = err instanceof Error ? err.message : String(err);
    return { exitCode: 2, output: lang === 'vi' ? `Không ghi được ${file}: ${why}` : `Cannot write ${file}: ${why}` };
  }
}
