import { createEvent } from 'ics';
import { plainText } from '../domain/plain-text.js';
import type { EmailRequest } from '../workflows/email-request.js';

/**
 * Calendar UID shared by every e-mail about the same unit's item: the e-mail key without its step
 * (`<workflowId>/<unit>/<step>` → `<workflowId>/<unit>`), so a later reminder or extension updates the same event.
 */
export function calendarUid(key: string): string {
  const cut = key.lastIndexOf('/');
  return `${cut > 0 ? key.slice(0, cut) : key}@kehoach`;
}

/**
 * An all-day VEVENT on the deadline's local date (METHOD:PUBLISH, no attendees: nobody is asked to RSVP).
 * SEQUENCE grows with the deadline, so an extension outranks the event sent before it, and stays the same on a retry.
 */
export function deadlineCalendar(req: EmailRequest, summary: string, url?: string): string {
  const [y, m, d] = req.deadline.date.split('-').map(Number);
  if (!y || !m || !d) throw new Error(`deadline.date: "${req.deadline.date}" is not yyyy-MM-dd`);
  const minutes = Math.floor((Date.parse(req.deadline.at) - Date.UTC(2020, 0, 1)) / 60_000);
  const { error, value } = createEvent({
    productId: 'kehoach',
    method: 'PUBLISH',
    uid: calendarUid(req.key),
    sequence: Math.max(0, minutes),
    start: [y, m, d],
    duration: { days: 1 },
    title: plainText(summary),
    description: plainText(`${req.item.title}\n${req.locale === 'en' ? req.deadline.ruleEn : req.deadline.rule}`, true),
    status: 'CONFIRMED',
    busyStatus: 'FREE',
    transp: 'TRANSPARENT',
    ...(url ? { url } : {}),
  });
  if (error || !value) throw new Error(`calendar attachment for ${req.key}: ${error?.message ?? 'empty result'}`);
  return value;
}
