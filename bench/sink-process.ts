/**
 * Child-process entry: the SMTP sink out of the worker's process, so worker CPU and heap do not include parsing
 * every received message. Answers `take` with what arrived since the last take (Message-ID, receive time).
 */
import { startSmtpSink } from '../test/helpers/smtp-sink.js';

const sink = await startSmtpSink();
process.on('message', (msg: { id: number; cmd: 'take' | 'stop' }) => {
  if (msg.cmd === 'stop') {
    void sink.stop().then(() => process.exit(0));
    return;
  }
  const got = sink.messages.splice(0).map((m) => ({ id: m.messageId, at: m.receivedAt.getTime() }));
  process.send!({ id: msg.id, got });
});
process.send!({ ready: true, port: sink.port });
