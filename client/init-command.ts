import { writeNewFile } from './write-new-file.js';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';
import type { Locale } from '../domain/format-date.js';
import type { CommandResult } from './plan-commands.js';

/** The JSON Schema of plan files (written by `npm run plan-schema:write`), which the skeleton's first line points to. */
export const PLAN_JSON_SCHEMA_FILE = fileURLToPath(new URL('../docs/plan.schema.json', import.meta.url));

/**
 * The `$schema` reference from a plan file in `dir` to the JSON Schema, relative as yaml-language-server reads it
 * (from the YAML file's folder, `/` separators), e.g. `../docs/plan.schema.json` from `plans/`.
 */
export function schemaReference(dir: string): string {
  const path = relative(dir, PLAN_JSON_SCHEMA_FILE).split(sep).join('/');
  return path.startsWith('../') ? path : `./${path}`;
}

/**
 * A commented plan for `year` that `kehoach plan validate` accepts as it is: one organisation with two units, one
 * dated task, one monthly task, one ongoing duty, quarterly / six-month / annual reports; defaults and the calendar
 * shown commented out with their default values. Comments are in Vietnamese, for the office that fills it in.
 */
export function planSkeleton(year: number, schemaRef: string): string {
  const y = String(year);
  return `# yaml-language-server: $schema=${schemaRef}
# Kế hoạch tuyên truyền năm ${y}: tệp mẫu do \`kehoach plan init\` tạo ra.
# Thay các giá trị mẫu bằng nội dung kế hoạch đã ký, rồi kiểm tra:  npx kehoach plan validate <tệp>
# Xem trước mọi ngày giao việc, nhắc hạn, hạn nộp, báo cáo:       npx kehoach plan preview <tệp>
# Giải thích từng trường: docs/plan-format.md. Ngày viết 'yyyy-MM-dd', tháng viết 'yyyy-MM', mã viết IN HOA.
# Trình soạn thảo có tiện ích YAML (VS Code: YAML của Red Hat) gợi ý tên trường và gạch chân chỗ sai theo dòng đầu.

# Cơ quan ban hành kế hoạch.
organisation:
  code: SGDDT-MAU # mã viết tắt (chữ in hoa, số, "-"), dùng trong mã workflow plan-SGDDT-MAU-${y}
  name: Sở Giáo dục và Đào tạo tỉnh Mẫu
  parentBody: Ủy ban nhân dân tỉnh Mẫu # cơ quan chủ quản (không bắt buộc)
  placeName: Mẫu # địa danh trên văn bản: "Mẫu, ngày … tháng … năm …"
  symbol: SGDĐT # viết tắt trong số văn bản: "Số: 05/BC-SGDĐT"
  # timeZone: Asia/Ho_Chi_Minh # múi giờ (mặc định)
  # locale: vi # ngôn ngữ của e-mail và báo cáo: vi (mặc định) hoặc en

# Văn bản kế hoạch đã ký.
plan:
  number: 01/KH-SGDĐT
  title: Tuyên truyền cải cách hành chính năm ${y}
  signedOn: '${y}-01-05'
  year: ${y}

# Văn phòng: theo dõi, tổng hợp; được báo khi đơn vị quá hạn.
office:
  name: Văn phòng Sở
  email: vanphong@example.org
  unit: VP # mã của Văn phòng trong danh sách units

# Thủ trưởng cơ quan: được báo sau Văn phòng khi đơn vị vẫn chưa nộp.
director:
  name: Nguyễn Văn A
  title: Giám đốc
  email: giamdoc@example.org

# Các đơn vị thực hiện; trưởng đơn vị nhận e-mail giao việc, nhắc hạn và đường dẫn nộp báo cáo.
units:
  - code: VP
    name: Văn phòng
    head: { name: Chánh Văn phòng, email: vanphong@example.org }
  - code: KHTC
    name: Phòng Kế hoạch - Tài chính
    head: { name: Trưởng phòng Kế hoạch - Tài chính, email: khtc@example.org }
    duties: Tuyên truyền trong lĩnh vực kế hoạch, tài chính. # nhiệm vụ theo mục Tổ chức thực hiện (không bắt buộc)

# Nội dung (chủ đề) tuyên truyền (không bắt buộc).
themes:
  - { code: TTHC, title: Cải cách thủ tục hành chính }

# Hình thức tuyên truyền; đơn vị báo cáo số liệu theo từng hình thức.
forms:
  - code: WEBSITE
    title: Đăng tin, bài trên trang thông tin điện tử
    # target: { count: 1, per: month } # chỉ tiêu chung (không bắt buộc): tối thiểu 01 tin mỗi tháng
  - { code: HOP, title: 'Lồng ghép trong hội nghị, cuộc họp' }

# 1. Nhiệm vụ có hạn: giao ngày opensOn (ngày nghỉ thì giao ngày làm việc kế tiếp); hạn due là một trong
#    { on: 'yyyy-MM-dd' } (ngày cố định), { endOfMonth: true } (cuối tháng giao), { workingDaysAfterOpening: 10 }.
tasks:
  - number: 1 # số nhiệm vụ, không trùng giữa tasks, recurringTasks và ongoingDuties
    title: Phổ biến Kế hoạch tuyên truyền năm ${y}
    content: Quán triệt kế hoạch tại cuộc họp giao ban; đăng kế hoạch trên trang thông tin điện tử.
    themes: [TTHC]
    forms: [HOP, WEBSITE]
    units:
      - { unit: VP, role: lead } # lead = đơn vị chủ trì
      - { unit: KHTC, role: support } # support = đơn vị phối hợp
    opensOn: '${y}-03-02'
    due: { on: '${y}-03-20' }
    # reminders: [3, 1] # nhắc hạn trước hạn 3 và 1 ngày làm việc (mặc định: defaults.reminders)

# 2. Nhiệm vụ định kỳ: mỗi tháng (every: month) hoặc mỗi quý (every: quarter) từ from đến to là một nhiệm vụ có hạn
#    riêng; hạn trong tháng cuối của kỳ: { day: 25 }, { lastWorkingDay: true } hoặc { firstWorkingDay: true }.
recurringTasks:
  - number: 2
    title: Đăng tin về kết quả giải quyết thủ tục hành chính
    content: Mỗi tháng đăng ít nhất 01 tin về kết quả giải quyết thủ tục hành chính trong lĩnh vực của đơn vị.
    themes: [TTHC]
    forms: [WEBSITE]
    units: [{ unit: KHTC, role: lead }]
    every: month
    from: '${y}-01'
    to: '${y}-12'
    due: { day: 25 }
    # opensWorkingDaysBefore: 5 # giao trước hạn 5 ngày làm việc (mặc định: ngày làm việc đầu tiên của kỳ)

# 3. Nhiệm vụ thường xuyên: không có hạn, không nhắc hạn; kết quả được hỏi trong mỗi báo cáo định kỳ.
ongoingDuties:
  - number: 3
    title: Thường xuyên đăng tải tin, bài về cải cách hành chính
    content: Cập nhật chuyên mục cải cách hành chính trên trang thông tin điện tử.
    forms: [WEBSITE]
    units: [{ unit: VP, role: lead }, { unit: KHTC, role: support }]
    # target: { count: 2, per: period } # chỉ tiêu mỗi đơn vị (không bắt buộc): 2 sản phẩm mỗi kỳ báo cáo

# Báo cáo định kỳ (NĐ 09/2019): số liệu chốt từ ngày 15 tháng trước kỳ đến ngày 14 tháng cuối kỳ (Điều 12).
# Kỳ: M01–M12 (tháng), Q1–Q4 (quý), H1, H2 (6 tháng), M9 (9 tháng), Y (năm).
reporting:
  periods: [Q1, H1, Q3, Y] # quý I, 6 tháng, quý III; báo cáo năm thay quý IV
  officeDeadlineDay: 20 # hạn của Văn phòng: ngày 20 tháng cuối kỳ (BNV 581/BNV-CCHC)
  unitWorkingDaysBeforeOffice: 2 # hạn của đơn vị: trước hạn của Văn phòng 2 ngày làm việc
  adHocAllowed: true # Văn phòng được yêu cầu báo cáo đột xuất
  # units: [VP, KHTC] # đơn vị phải báo cáo (mặc định: mọi đơn vị)
  # deadlinePolicy: FORWARD # hạn rơi vào ngày nghỉ: FORWARD (mặc định) | BACKWARD | KEEP

# Giá trị chung cho mọi nhiệm vụ và báo cáo; bỏ dấu # để đổi (các giá trị dưới đây là mặc định).
# defaults:
#   reminders: [3, 1] # nhắc hạn trước hạn 3 và 1 ngày làm việc
#   escalation: { officeAfter: 1, directorAfter: 3 } # báo Văn phòng sau hạn 1, báo Giám đốc sau hạn 3 ngày làm việc
#   deadlinePolicy: FORWARD # FORWARD: sang ngày làm việc kế tiếp (BLDS 2015 Điều 148 k5) | BACKWARD | KEEP
#   sendAt: '08:00' # giờ gửi thông báo

# Lịch làm việc riêng của cơ quan; lịch nghỉ lễ, Tết chính thức đã có sẵn.
# calendar:
#   saturdaysWorking: false # true nếu cơ quan làm việc thứ Bảy
#   overrides:
#     - { date: '${y}-11-20', kind: off, reason: Nghỉ kỷ niệm Ngày Nhà giáo Việt Nam }
`;
}

/**
 * `kehoach plan init [FILE]`: writes the skeleton to FILE, never over an existing file (exit 1), or prints it when FILE
 * is omitted. `year` defaults to the current year in Asia/Ho_Chi_Minh at `now`.
 */
export async function initCommand(
  file: string | undefined,
  options: { year?: string; lang?: Locale; now?: Date } = {},
): Promise<CommandResult> {
  const lang = options.lang ?? 'vi';
  const year =
    options.year === undefined
      ? DateTime.fromJSDate(options.now ?? new Date(), { zone: 'Asia/Ho_Chi_Minh' }).year
      : Number(options.year);
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    return {
      exitCode: 2,
      output:
        lang === 'vi'
          ? `--year ${options.year}: cần một năm từ 2000 đến 2100`
          : `--year ${options.year}: expected a year from 2000 to 2100`,
    };
  if (file === undefined) return { exitCode: 0, output: planSkeleton(year, schemaReference(process.cwd())) };
  const text = planSkeleton(year, schemaReference(dirname(resolve(file))));
  const refused = await writeNewFile(file, text, lang, {
    hint: {
      vi: 'Chọn tên tệp khác, hoặc bỏ tên tệp để in tệp mẫu ra màn hình.',
      en: 'Choose another name, or omit it to print the skeleton.',
    },
  });
  if (refused) return refused;
  return {
    exitCode: 0,
    output:
      lang === 'vi'
        ? `Đã tạo ${file} (kế hoạch mẫu năm ${year}). Sửa các giá trị mẫu, rồi kiểm tra: npx kehoach plan validate ${file}`
        : `Created ${file} (a skeleton plan for ${year}). Edit the sample values, then check it: npx kehoach plan validate ${file}`,
  };
}
