import type { EmailRequest } from '../../workflows/email-request.js';
import { DateTime } from 'luxon';
import { formatDate } from '../../domain/format-date.js';
import { KIND_COPY } from './kinds.js';
import { LAYOUT_LABELS, renderEmailHtml, renderEmailText, type EmailView } from './layout.js';

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/** The signed link, already built by the activity (rendering stays free of secrets). */
export interface RenderLink {
  url: string;
  expiresAt: Date;
}

/** Subject, HTML and text of one e-mail; pure, so every kind can be checked without SMTP. */
export function renderEmail(req: EmailRequest, link?: RenderLink): RenderedEmail {
  const zone = req.timeZone;
  const copy = KIND_COPY[req.locale][req.kind];
  const deadline = formatDate(req.deadline.date, req.locale);
  const ctx = { req, deadline };
  const prefix = req.organisation.code;
  const subject = `[${prefix}] ${copy.label}: ${req.item.title} – ${copy.subjectTail(ctx)}`;
  const view: EmailView = {
    lang: req.locale,
    labels: LAYOUT_LABELS[req.locale],
    subject,
    to: req.to.map((r) => r.name || r.email).join(', '),
    intro: copy.intro(ctx),
    item: { title: req.item.title, content: req.item.content },
    forms: req.item.forms.join(', '),
    unit: req.unit.name,
    deadlineLabel: copy.deadlineLabel,
    deadline,
    rule: req.locale === 'en' ? req.deadline.ruleEn : req.deadline.rule,
    comment: req.comment ? { label: copy.commentLabel, text: req.comment } : undefined,
    missedSteps: req.missedSteps?.length ? req.missedSteps : undefined,
    files: req.files?.length ? req.files.map((f) => f.name) : undefined,
    submit: link
      ? {
          url: link.url,
          validUntil: formatDate(DateTime.fromJSDate(link.expiresAt, { zone }).toISODate()!, req.locale),
        }
      : undefined,
    provisional: req.provisionalCalendar
      ? LAYOUT_LABELS[req.locale].provisional(req.deadline.date.slice(0, 4))
      : undefined,
    organisation: req.organisation.name,
  };
  return { subject, html: renderEmailHtml(view), text: renderEmailText(view) };
}
