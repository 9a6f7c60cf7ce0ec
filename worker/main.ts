import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { createMailer } from '../activities/mailer.js';
import { createBlobStore } from '../storage/config.js';
import { loadServiceConfig } from './config.js';
import { createKehoachWorker } from './create-worker.js';
import { mailConfigFrom } from './mail-config.js';
import { temporalTls } from './temporal-tls.js';
import { createActivities } from '../activities/index.js';
import { nexusEndpointsOf } from '../nexus/endpoints-config.js';

/** config → connection → activities → worker; Ctrl-C (SIGINT) or SIGTERM drains and stops it. */
async function main(): Promise<void> {
  const config = loadServiceConfig();
  const tls = temporalTls(config);
  const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS, tls });
  const client = new Client({
    connection: await Connection.connect({ address: config.TEMPORAL_ADDRESS, tls }),
    namespace: config.TEMPORAL_NAMESPACE,
  });
  const mailConfig = mailConfigFrom(config);
  const mailer = createMailer(mailConfig);
  // Fails at start-up on a store that cannot work (credentials, bucket, folder), not at the first report.
  const blobs = createBlobStore(config);
  await blobs.ensureReady();
  try {
    const worker = await createKehoachWorker({
      connection,
      namespace: config.TEMPORAL_NAMESPACE,
      taskQueue: config.TEMPORAL_TASK_QUEUE,
      activities: createActivities({
        mailer,
        mailConfig,
        client,
        reportsDir: config.REPORTS_DIR,
        blobs,
        nexusEndpoints: nexusEndpointsOf(config.NEXUS_ENDPOINTS),
      }),
      activitiesPerSecond: config.SMTP_RATE_PER_SECOND,
      rollUpHandler: config.NEXUS_ROLL_UP_HANDLER,
    });
    console.log(`[worker] polling task queue "${config.TEMPORAL_TASK_QUEUE}" on ${config.TEMPORAL_ADDRESS}`);
    await worker.run();
  } finally {
    mailer.close();
    await blobs.close();
    await connection.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
