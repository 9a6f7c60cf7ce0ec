import { ApplicationFailure } from '@temporalio/activity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmailActivities, messageIdFor } from '../../activities/email.js';
import { EMAIL_KINDS } from '../../workflows/email-request.js';
import { createMailer, type MailConfig, type Mailer } from '../../activities/mailer.js';
import { verifyItemToken } from '../../activities/submit-link.js';
import { emailRequest } from '../fixtures/email-request.js';
import { parseIcs } from '../helpers/ics.js';
import { startSmtpSink, type ReceivedMail, type SmtpSink } from '../helpers/smtp-sink.js';

const quiet = { info: () => undefined, warn: () => undefined };

function mailConfig(sink: SmtpSink, over: Partial<MailConfig> = {}): MailConfig {
  return {
    host: sink.host,
    port: sink.port,
    secure: false,
    ignoreTLS: true,
    from: { name: 'Văn phòng Sở GDĐT', email: 'noreply@sgddt.example.vn' },
    pool: true,
    maxConnections: 2,
    portalBaseUrl: 'https://kehoach.example.vn/',
    linkSecret: 'test-secret',
    linkTtlDays: 30,
    ...over,
  };
}

describe('sendEmail through a real SMTP server', () => {
  let sink: SmtpSink;
  let mailer: Mailer;
  let config: MailConfig;

  beforeAll(async () => {
    sink = await startSmtpSink({ rejectRecipients: (a) => a.startsWith('bounce') });
    config = mailConfig(sink);
    mailer = createMailer(config);
  });
  afterAll(async () => {
    mailer.close();
    await sink.stop();
  });

  const received = async (key: string): Promise<ReceivedMail> => {
    const found = sink.messages.find((m) => m.headers.get('x-kehoach-key') === key);
    if (!found) throw new Error(`no message with key ${key}`);
    return found;
  };

  const cases = EMAIL_KINDS.flatMap((kind) => (['vi', 'en'] as const).map((locale) => [kind, locale] as const));
  /** The kinds that show the office's comment, and the one that lists missed steps: checked only in their cases. */
  const withComment: readonly string[] = ['returned', 'extended'];
  const withMissedSteps: readonly string[] = ['catch-up'];

  it('has a case for every kind that shows a comment or missed steps, in both languages', () => {
    const have = cases.map(([kind, locale]) => `${kind} ${locale}`);
    for (const kind of [...withComment, ...withMissedSteps])
      expect(have).toEqual(expect.arrayContaining([`${kind} vi`, `${kind} en`]));
  });

  it.each(cases)('sends %s (%s) with both parts, the deadline, the link and a calendar event', async (kind, locale) => {
    const { sendEmail } = createEmailActivities({ mailer, config, logger: quiet });
    const req = emailRequest(kind, {
      key: `plan-SGDDT-HCM-2026-report-Q1/VP/${kind}-${locale}`,
      locale,
      comment: withComment.includes(kind) ? 'Bổ sung số liệu & minh chứng' : undefined,
      missedSteps: withMissedSteps.includes(kind)
        ? ['Nhắc hạn thứ Hai, 16/03/2026', 'Nhắc hạn thứ Tư, 18/03/2026']
        : undefined,
    });
    const receipt = await sendEmail(req);
    const mail = await received(req.key);

    expect(receipt.messageId).toBe(`<plan-SGDDT-HCM-2026-report-Q1.VP.${kind}-${locale}@kehoach>`);
    expect(mail.messageId).toBe(receipt.messageId);
    expect(mail.to).toEqual(['vp@sgddt.example.vn']);
    expect(mail.headers.get('x-kehoach-kind')).toBe(kind);
    expect(mail.subject.startsWith('[SGDDT-HCM] ')).toBe(true);
    expect(mail.subject).toContain('Báo cáo quý I/2026');

    const deadline = locale === 'vi' ? 'thứ Sáu, 20/03/2026' : 'Friday, 20/03/2026';
    expect(mail.text).toContain(deadline);
    expect(mail.html).toContain(deadline);
    expect(mail.text).toContain(locale === 'vi' ? req.deadline.rule : req.deadline.ruleEn);
    expect(mail.text).toContain('WEBSITE, MEETING');
    expect(mail.html).toContain('<html lang="' + locale + '">');

    const link = /https:\/\/kehoach\.example\.vn\/nop\/([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/.exec(mail.text);
    expect(link).not.toBeNull();
    const verified = verifyItemToken(link?.[1] ?? '', config.linkSecret, new Date('2026-03-25T00:00:00Z'));
    expect(verified).toMatchObject({ ok: true, ref: req.submitLink });
    expect(mail.html).toContain(link?.[0]);

    if (withComment.includes(kind)) {
      expect(mail.text).toContain('Bổ sung số liệu & minh chứng');
      expect(mail.html).toContain('Bổ sung số liệu &amp; minh chứng');
    }
    if (withMissedSteps.includes(kind)) expect(mail.text).toContain('- Nhắc hạn thứ Tư, 18/03/2026');

    const ics = mail.attachments.find((a) => a.filename.endsWith('.ics'));
    expect(ics?.contentType).toBe('text/calendar');
    const cal = parseIcs(ics?.content.toString('utf8') ?? '');
    expect(cal.method).toBe('PUBLISH');
    expect(cal.event.DTSTART).toBe('VALUE=DATE:20260320');
    expect(cal.event.UID).toBe('plan-SGDDT-HCM-2026-report-Q1/VP@kehoach');
  });

  it('shows the subject the office expects for a Vietnamese reminder', async () => {
    const { sendEmail } = createEmailActivities({ mailer, config, logger: quiet });
    const req = emailRequest('reminder', { key: 'plan-SGDDT-HCM-2026-report-Q1/VP/reminder-3' });
    await sendEmail(req);
    const mail = await received(req.key);
    expect(mail.subject).toBe('[SGDDT-HCM] Nhắc hạn: Báo cáo quý I/2026 – hạn thứ Sáu, 20/03/2026');
    expect(mail.text).toContain('Kính gửi: Trưởng phòng Văn phòng');
  });

  it('escapes user text in the HTML part and keeps it readable in the text part', async () => {
    const { sendEmail } = createEmailActivities({ mailer, config, logger: quiet });
    const evil = '<script>alert("x")</script>';
    const req = emailRequest('returned', {
      key: 'plan-SGDDT-HCM-2026-task-03/VP/returned-1',
      item: {
        itemId: 'task-03',
        kind: 'task',
        title: `Tin bài ${evil}`,
        content: `Nội dung ${evil}`,
        forms: ['WEBSITE'],
      },
      comment: evil,
      unit: { code: 'VP', name: `Văn phòng ${evil}` },
    });
    await sendEmail(req);
    const mail = await received(req.key);
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;');
    expect(mail.text).toContain(evil);
  });

  it('leaves out the submit link when the request has none', async () => {
    const { sendEmail } = createEmailActivities({ mailer, config, logger: quiet });
    const req = emailRequest('escalation-director', {
      key: 'plan-SGDDT-HCM-2026-report-Q1/VP/escalate-director',
      submitLink: undefined,
    });
    await sendEmail(req);
    const mail = await received(req.key);
    expect(mail.text).not.toContain('/nop/');
  });

  it('gives later e-mails about the same unit and item the same calendar UID', async () => {
    const { sendEmail } = createEmailActivities({ mailer, config, logger: quiet });
    const a = emailRequest('reminder', { key: 'plan-X-2026-task-01/KHTC/reminder-3' });
    const b = emailRequest('extended', {
      key: 'plan-X-2026-task-01/KHTC/extended-1',
      deadline: {
        at: '2026-03-27T08:00:00.000+07:00',
        date: '2026-03-27',
        rule: 'Gia hạn 5 ngày',
        ruleEn: 'Extended by 5 days',
      },
    });
    await sendEmail(a);
    await sendEmail(b);
    const [ca, cb] = [await received(a.key), await received(b.key)].map((m) =>
      parseIcs(m.attachments.find((x) => x.filename.endsWith('.ics'))?.content.toString('utf8') ?? ''),
    );
    expect(ca?.event.UID).toBe('plan-X-2026-task-01/KHTC@kehoach');
    expect(cb?.event.UID).toBe(ca?.event.UID);
    expect(Number(cb?.event.SEQUENCE)).toBeGreaterThan(Number(ca?.event.SEQUENCE));
    expect(cb?.event.DTSTART).toBe('VALUE=DATE:20260327');
  });

  it('fails without retry when every recipient is refused with 550', async () => {
    const { sendEmail } = createEmailActivities({ mailer, config, logger: quiet });
    const req = emailRequest('reminder', {
      key: 'plan-X-2026-task-02/VP/reminder-1',
      to: [{ name: 'X', email: 'bounce@example.vn' }],
    });
    const err = await sendEmail(req).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApplicationFailure);
    expect((err as ApplicationFailure).nonRetryable).toBe(true);
    expect((err as ApplicationFailure).type).toBe('EmailRejected');
  });

  it('delivers to the accepted recipients and reports the refused ones', async () => {
    const { sendEmail } = createEmailActivities({ mailer, config, logger: quiet });
    const req = emailRequest('reminder', {
      key: 'plan-X-2026-task-02/VP/reminder-2',
      to: [
        { name: 'A', email: 'a@example.vn' },
        { name: 'B', email: 'bounce-b@example.vn' },
      ],
    });
    const receipt = await sendEmail(req);
    expect(receipt.accepted).toEqual(['a@example.vn']);
    expect(receipt.rejected).toEqual(['bounce-b@example.vn']);
  });

  it('fails without retry on an invalid address, before talking to the server', async () => {
    const { sendEmail } = createEmailActivities({ mailer, config, logger: quiet });
    const before = sink.messages.length;
    const req = emailRequest('reminder', {
      key: 'plan-X-2026-task-02/VP/reminder-9',
      to: [{ name: 'X', email: 'not an address' }],
    });
    await expect(sendEmail(req)).rejects.toMatchObject({ nonRetryable: true, type: 'EmailRejected' });
    expect(sink.messages.length).toBe(before);
  });

  it('fails with a plain (retryable) error while the server is down, then sends the same Message-ID', async () => {
    // A fresh unpooled transport: a pooled connection opened before the outage would hide the greeting refusal.
    const outage = createMailer({ ...config, pool: false });
    const { sendEmail } = createEmailActivities({ mailer: outage, config, logger: quiet });
    const req = emailRequest('due-today', { key: 'plan-X-2026-task-04/VP/due-today' });
    try {
      sink.setDown(true);
      const err = await sendEmail(req).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(Error);
      expect(err).not.toBeInstanceOf(ApplicationFailure);
      expect(String((err as Error).message)).toContain('plan-X-2026-task-04/VP/due-today');
      sink.setDown(false);
      const receipt = await sendEmail(req);
      expect(receipt.messageId).toBe('<plan-X-2026-task-04.VP.due-today@kehoach>');
      expect((await received(req.key)).messageId).toBe(receipt.messageId);
    } finally {
      sink.setDown(false);
      outage.close();
    }
  });

  it('keeps a pooled transport usable across an outage (421 on commands of an open connection)', async () => {
    const { sendEmail } = createEmailActivities({ mailer, config, logger: quiet });
    const req = emailRequest('overdue', { key: 'plan-X-2026-task-05/VP/overdue' });
    try {
      sink.setDown(true);
      await expect(sendEmail(req)).rejects.not.toBeInstanceOf(ApplicationFailure);
    } finally {
      sink.setDown(false);
    }
    await expect(sendEmail(req)).resolves.toMatchObject({ messageId: '<plan-X-2026-task-05.VP.overdue@kehoach>' });
  });

  it('refuses when a connection cannot be made at all, as a retryable error', async () => {
    const closed = createMailer({ ...config, port: 1, pool: false });
    const { sendEmail } = createEmailActivities({ mailer: closed, config, logger: quiet });
    const err = await sendEmail(emailRequest('reminder')).catch((e: unknown) => e);
    closed.close();
    expect(err).toBeInstanceOf(Error);
    expect(err).not.toBeInstanceOf(ApplicationFailure);
  });
});

describe('pacing', () => {
  it('sends no more than rateLimitPerSecond messages in any one-second window', async () => {
    const sink = await startSmtpSink();
    const config = mailConfig(sink, { rateLimitPerSecond: 5, maxConnections: 1 });
    const mailer = createMailer(config);
    try {
      const { sendEmail } = createEmailActivities({ mailer, config, logger: quiet });
      await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          sendEmail(emailRequest('reminder', { key: `plan-R-2026-task-01/U${i}/reminder-1` })),
        ),
      );
      const times = (await sink.waitFor(10)).map((m) => m.receivedAt.getTime()).sort((a, b) => a - b);
      // 10 messages evenly spaced at 5/s: nine gaps of ~200 ms, five gaps ~1 s. receivedAt is taken on the receiving
      // side, which shares two cores with the sender and another test file, so it jitters by up to ~100 ms.
      expect((times[9] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(1_600);
      for (let i = 5; i < times.length; i++) expect((times[i] ?? 0) - (times[i - 5] ?? 0)).toBeGreaterThanOrEqual(800);
    } finally {
      mailer.close();
      await sink.stop();
    }
  });
});

describe('messageIdFor', () => {
  it('maps / to . and anything outside [A-Za-z0-9._-] to -', () => {
    expect(messageIdFor('plan-SGDĐT-2026-task-03/VP/reminder 3')).toBe(
      '<plan-SGD-T-2026-task-03.VP.reminder-3@kehoach>',
    );
    expect(messageIdFor('/a//b/')).toBe('<a.b@kehoach>');
  });
});
