import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { langOf, type Lang } from './i18n.js';
import { messagePage } from './layout.js';

type Text = readonly [vi: string, en: string];

/** Every page that says why a request was refused: a title and a sentence, Vietnamese then English. */
export const REFUSALS = {
  badForm: [
    ['Yêu cầu bị từ chối', 'Request refused'],
    [
      'Biểu mẫu không hợp lệ hoặc đã hết hạn. Vui lòng tải lại trang rồi thực hiện lại.',
      'The form is invalid or has expired. Please reload the page and try again.',
    ],
  ],
  loginFirst: [
    ['Cần đăng nhập', 'Log in first'],
    [
      'Phiên đăng nhập đã kết thúc hoặc chưa đăng nhập. Vui lòng đăng nhập lại rồi thực hiện lại.',
      'You are not logged in, or your session has ended. Please log in and try again.',
    ],
  ],
  invalidLink: [
    ['Liên kết không hợp lệ', 'Invalid link'],
    [
      'Liên kết nộp báo cáo không hợp lệ. Vui lòng mở đúng liên kết trong e-mail giao nhiệm vụ.',
      'This submission link is not valid. Please open the link from the assignment e-mail.',
    ],
  ],
  expiredLink: [
    ['Liên kết đã hết hạn', 'This link has expired'],
    [
      'Liên kết nộp báo cáo này đã hết hạn. Vui lòng liên hệ Văn phòng để được cấp liên kết mới.',
      'This submission link has expired. Please ask the office for a new one.',
    ],
  ],
  notAssigned: [
    ['Không còn được giao', 'No longer assigned'],
    ['Nhiệm vụ này không còn giao cho đơn vị của bạn.', 'This item is no longer assigned to your unit.'],
  ],
  itemNotFound: [
    ['Không tìm thấy', 'Not found'],
    ['Không tìm thấy nhiệm vụ của liên kết này.', 'The item of this link was not found.'],
  ],
  itemClosed: [
    ['Nhiệm vụ đã kết thúc', 'This item is closed'],
    [
      'Nhiệm vụ này đã kết thúc nên không nhận báo cáo nữa. Nếu cần bổ sung, vui lòng liên hệ Văn phòng.',
      'This item is closed and takes no more reports. Please contact the office if something must be added.',
    ],
  ],
  malformedBody: [
    ['Không đọc được dữ liệu gửi lên', 'Unreadable request'],
    [
      'Dữ liệu biểu mẫu gửi lên bị hỏng hoặc không đúng định dạng. Vui lòng tải lại trang rồi gửi lại.',
      'The form data sent was damaged or not in a form the portal reads. Please reload the page and send it again.',
    ],
  ],
  tooLarge: [
    ['Dữ liệu quá lớn', 'Request too large'],
    ['Dữ liệu gửi lên vượt quá 1 MB.', 'The request is larger than 1 MB.'],
  ],
  pageNotFound: [
    ['Không tìm thấy trang', 'Page not found'],
    ['Địa chỉ này không có trên hệ thống.', 'There is no such page.'],
  ],
  systemError: [
    ['Lỗi hệ thống', 'System error'],
    [
      'Hệ thống tạm thời không xử lý được yêu cầu. Vui lòng thử lại sau ít phút.',
      'The system could not handle the request. Please try again in a few minutes.',
    ],
  ],
} as const satisfies Record<string, readonly [Text, Text]>;

export type RefusalKey = keyof typeof REFUSALS;

/** A refusal page in the request's language, with its status; `detail` adds a sentence of the request's own. */
export function refuse(c: Context, status: ContentfulStatusCode, key: RefusalKey, detail?: Text) {
  const lang: Lang = langOf(c);
  const [title, text] = REFUSALS[key];
  const pick = (t: Text) => (lang === 'vi' ? t[0] : t[1]);
  const message = detail ? `${pick(text)} ${pick(detail)}` : pick(text);
  return c.html(messagePage(lang, c.req.path, pick(title), message), status);
}
