import { checkNd30 } from '../activities/reports/nd30-check.js';
import type { CommandResult } from './plan-commands.js';

/**
 * `kehoach report check FILE.docx`: whether a report follows the layout of Nghị định 30/2020 Phụ lục I (A4,
 * margins, Times New Roman, header, title, signature and Nơi nhận); exit 1 with every problem when it does not.
 */
export async function reportCheckCommand(file: string): Promise<CommandResult> {
  let result: Awaited<ReturnType<typeof checkNd30>>;
  try {
    result = await checkNd30(file);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return { exitCode: 1, output: `${file}: không đọc được tệp DOCX / cannot read the DOCX: ${why}` };
  }
  if (result.ok)
    return { exitCode: 0, output: `${file}: đúng thể thức Nghị định 30/2020 / follows the ND 30/2020 layout` };
  return {
    exitCode: 1,
    output: [
      `${file}: ${result.problems.length} lỗi thể thức Nghị định 30/2020 / layout problems:`,
      ...result.problems.map((p) => `  ${p}`),
    ].join('\n'),
  };
}
