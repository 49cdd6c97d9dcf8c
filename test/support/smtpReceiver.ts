import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';

export interface ReceivedEmail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  messageId: string | undefined;
}

/**
 * A real SMTP server on loopback that keeps what it receives. `refuse(recipientPattern, times)` makes it answer
 * 451 (temporarily refused) to that many deliveries to matching recipients, to exercise retries.
 */
export interface SmtpReceiver {
  url: string;
  received: ReceivedEmail[];
  refuse(recipient: RegExp, times: number): void;
  /** The emails to this address (case-insensitive), waiting up to `timeoutMs` for at least `count` of them. */
  waitFor(recipient: string, count?: number, timeoutMs?: number): Promise<ReceivedEmail[]>;
  close(): Promise<void>;
}

export async function startSmtpReceiver(): Promise<SmtpReceiver> {
  const received: ReceivedEmail[] = [];
  const refusals: Array<{ pattern: RegExp; left: number }> = [];
  const server = new SMTPServer({
    disabledCommands: ['AUTH', 'STARTTLS'],
    authOptional: true,
    logger: false,
    onRcptTo(address, _session, callback) {
      const refusal = refusals.find((r) => r.left > 0 && r.pattern.test(address.address));
      if (refusal) {
        refusal.left -= 1;
        const error = new Error('Mailbox busy, try again later') as Error & { responseCode: number };
        error.responseCode = 451;
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            messageId: mail.messageId,
          });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuse(pattern, times) {
      refusals.push({ pattern, left: times });
    },
    async waitFor(recipient, count = 1, timeoutMs = 5000) {
      const matching = () => received.filter((mail) => mail.to.some((to) => to.toLowerCase() === recipient.toLowerCase()));
      for (let waited = 0; matching().length < count && waited < timeoutMs; waited += 25) await new Promise((resolve) => setTimeout(resolve, 25));
      return matching();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The first absolute http(s) link in an email's text. */
export function linkIn(text: string): URL {
  const match = /https?:\/\/\S+/.exec(text);
  if (!match) throw new Error(`no link in: ${text}`);
  return new URL(match[0]);
}
