/** Messages per second the sink takes from the pooled transport (5 connections): the e-mail ceiling of this machine. */
import { createMailer } from '../activities/mailer.js';
import { startSmtpSink } from '../test/helpers/smtp-sink.js';
import { mailConfigFor } from '../test/helpers/temporal-env.js';

export async function smtpCeiling(count: number): Promise<number> {
  const sink = await startSmtpSink();
  const mailer = createMailer(mailConfigFor(sink, { maxConnections: 5 }));
  const text = 'Nhắc hạn nộp báo cáo tuyên truyền tháng 3. '.repeat(24); // ~1 KB of Vietnamese text
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: count }, (_, i) =>
      mailer.sendMail({ from: 'a@example.org', to: 'b@example.org', subject: `ceiling ${i}`, text }),
    ),
  );
  const perSecond = count / ((performance.now() - t0) / 1000);
  mailer.close();
  await sink.stop();
  return perSecond;
}
