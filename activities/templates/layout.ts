import Handlebars from 'handlebars';

/** Labels of the shared layout, per locale. */
export const LAYOUT_LABELS = {
  vi: {
    greeting: 'Kính gửi',
    item: 'Nội dung',
    details: 'Yêu cầu',
    forms: 'Hình thức',
    unit: 'Đơn vị',
    rule: 'Căn cứ tính hạn',
    action: 'Nộp kết quả',
    linkNote: 'Đường dẫn dành riêng cho đơn vị, có hiệu lực đến',
    missed: 'Các thông báo được gộp',
    files: 'Tệp đính kèm',
    calendar: 'Tệp lịch (.ics) đính kèm giúp thêm hạn này vào lịch làm việc.',
    footer: 'Thư gửi tự động từ hệ thống theo dõi kế hoạch; vui lòng không trả lời thư này.',
    provisional: (year: string) =>
      `Lưu ý: lịch nghỉ năm ${year} chưa có văn bản phê duyệt; hạn được tính theo lịch tạm thời và có thể điều chỉnh khi lịch chính thức được công bố.`,
  },
  en: {
    greeting: 'To',
    item: 'Item',
    details: 'What is asked',
    forms: 'Forms',
    unit: 'Unit',
    rule: 'How the deadline was set',
    action: 'Submit the result',
    linkNote: 'This link is for your unit only and is valid until',
    missed: 'Notices folded into this one',
    files: 'Attached files',
    calendar: 'The attached calendar file (.ics) adds this deadline to your calendar.',
    footer: 'Sent automatically by the plan tracking system; please do not reply.',
    provisional: (year: string) =>
      `Note: the ${year} calendar of days off is not approved yet; this deadline is computed on a provisional calendar and may move when the official one is published.`,
  },
} as const;

/** Everything the layout shows, already in words; every string is user text to be escaped. */
export interface EmailView {
  lang: 'vi' | 'en';
  labels: (typeof LAYOUT_LABELS)['vi' | 'en'];
  subject: string;
  to: string;
  intro: string;
  item: { title: string; content: string };
  forms: string;
  unit: string;
  deadlineLabel: string;
  deadline: string;
  rule: string;
  comment?: { label: string; text: string };
  missedSteps?: string[];
  files?: string[];
  submit?: { url: string; validUntil: string };
  /** A sentence saying the deadline's year has only a provisional calendar. */
  provisional?: string;
  organisation: string;
}

// An isolated instance: helpers or partials registered elsewhere cannot change what e-mails say.
const hbs = Handlebars.create();

const HTML = `<!doctype html>
<html lang="{{lang}}">
<head><meta charset="utf-8"><title>{{subject}}</title></head>
<body style="font-family: Arial, Helvetica, sans-serif; font-size: 15px; color: #1a1a1a; line-height: 1.5; max-width: 680px;">
<p>{{labels.greeting}}: {{to}}</p>
<p>{{intro}}</p>
{{#if comment}}<p style="border-left: 3px solid #b45309; padding-left: 8px;"><strong>{{comment.label}}:</strong> <span style="white-space: pre-line;">{{comment.text}}</span></p>{{/if}}
{{#if missedSteps}}<p><strong>{{labels.missed}}:</strong></p>
<ul>{{#each missedSteps}}<li>{{this}}</li>{{/each}}</ul>{{/if}}
<table cellpadding="6" style="border-collapse: collapse; border: 1px solid #ccc;">
<tr><th align="left" valign="top">{{labels.item}}</th><td><strong>{{item.title}}</strong></td></tr>
<tr><th align="left" valign="top">{{labels.details}}</th><td style="white-space: pre-line;">{{item.content}}</td></tr>
{{#if forms}}<tr><th align="left" valign="top">{{labels.forms}}</th><td>{{forms}}</td></tr>{{/if}}
<tr><th align="left" valign="top">{{labels.unit}}</th><td>{{unit}}</td></tr>
<tr><th align="left" valign="top">{{deadlineLabel}}</th><td><strong>{{deadline}}</strong><br><small>{{labels.rule}}: {{rule}}</small></td></tr>
</table>
{{#if submit}}<p style="margin: 20px 0;"><a href="{{submit.url}}" style="background: #1d4ed8; color: #fff; padding: 10px 18px; text-decoration: none; border-radius: 4px;">{{labels.action}}</a></p>
<p style="font-size: 13px; color: #555;">{{labels.linkNote}} {{submit.validUntil}}:<br>{{submit.url}}</p>{{/if}}
{{#if files}}<p><strong>{{labels.files}}:</strong></p>
<ul>{{#each files}}<li>{{this}}</li>{{/each}}</ul>{{/if}}
<p style="font-size: 13px; color: #555;">{{labels.calendar}}</p>
<hr style="border: none; border-top: 1px solid #ddd;">
{{#if provisional}}<p style="font-size: 12px; color: #8a5a00;">{{provisional}}</p>{{/if}}
<p style="font-size: 12px; color: #777;">{{organisation}}<br>{{labels.footer}}</p>
</body>
</html>
`;

const TEXT = `{{labels.greeting}}: {{to}}

{{intro}}
{{#if comment}}

{{comment.label}}:
{{comment.text}}
{{/if}}
{{#if missedSteps}}

{{labels.missed}}:
{{#each missedSteps}}
- {{this}}
{{/each}}
{{/if}}

{{labels.item}}: {{item.title}}
{{labels.details}}:
{{item.content}}
{{#if forms}}
{{labels.forms}}: {{forms}}
{{/if}}
{{labels.unit}}: {{unit}}
{{deadlineLabel}}: {{deadline}}
{{labels.rule}}: {{rule}}
{{#if submit}}

{{labels.action}}: {{submit.url}}
({{labels.linkNote}} {{submit.validUntil}})
{{/if}}
{{#if files}}

{{labels.files}}:
{{#each files}}
- {{this}}
{{/each}}
{{/if}}

{{labels.calendar}}

--
{{#if provisional}}
{{provisional}}
{{/if}}
{{organisation}}
{{labels.footer}}
`;

const renderHtml = hbs.compile<EmailView>(HTML, { strict: false });
// Plain text is not HTML: escaping would turn "Q&A" into "Q&amp;A" in the reader's mail client.
const renderText = hbs.compile<EmailView>(TEXT, { noEscape: true });

/** The HTML part; Handlebars escapes every `{{value}}`, so user text cannot inject markup. */
export function renderEmailHtml(view: EmailView): string {
  return renderHtml(view);
}

/** The plain-text part, same content as the HTML. */
export function renderEmailText(view: EmailView): string {
  return renderText(view);
}
