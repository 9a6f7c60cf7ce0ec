import { ApplicationFailure } from '@temporalio/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmailActivities } from '../../activities/email.js';
import { createMailer, type Mailer } from '../../activities/mailer.js';
import { FAILURES } from '../../domain/failures.js';
import { S3BlobStore } from '../../storage/s3-blob-store.js';
import { emailRequest } from '../fixtures/email-request.js';
import { startSeaweed, type SeaweedServer } from '../helpers/seaweed.js';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { mailConfigFor } from '../helpers/temporal-env.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

/*
 * A store that refuses the worker (a wrong secret) will refuse every retry too: the send fails at once as
 * BlobStoreUnusable (an incident the office sees), instead of being retried for as long as the retry policy allows.
 */
describe('a blob store that refuses this worker is a permanent failure, not a retry loop', () => {
  let weed: SeaweedServer;
  let sink: SmtpSink;
  let mailer: Mailer;

  beforeAll(async () => {
    weed = await startSeaweed();
    sink = await startSmtpSink();
    mailer = createMailer(mailConfigFor(sink));
  }, 60_000);
  afterAll(async () => {
    mailer.close();
    await sink?.stop();
    await weed?.stop();
  });

  it('sendEmail with an attachment by key, wrong credentials: non-retryable BlobStoreUnusable, nothing sent', async () => {
    const blobs = new S3BlobStore({
      endpoint: weed.endpoint,
      region: 'us-east-1',
      bucket: 'kehoach',
      accessKeyId: weed.accessKeyId,
      secretAccessKey: `${weed.secretAccessKey}-wrong`,
    });
    const { sendEmail } = createEmailActivities({ mailer, config: mailConfigFor(sink), blobs });
    const req = {
      ...emailRequest('report-delivered'),
      files: [{ name: 'docx', path: 'reports/plan-X-2026-report-Q1.docx' }],
    };
    const err = await sendEmail(req).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApplicationFailure);
    expect((err as ApplicationFailure).type).toBe(FAILURES.blobStoreUnusable);
    expect((err as ApplicationFailure).nonRetryable).toBe(true);
    expect(sink.messages).toHaveLength(0);
    await blobs.close();
  });
});
