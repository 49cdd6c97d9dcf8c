import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../core/config';
import type { Logger } from '../core/logger';

export interface OutgoingEmail {
  id: string;
  recipient: string;
  subject: string;
  body: string;
}

/** Where emails go, decided once from the configuration (and printed in the start-up banner). */
export interface Mailer {
  /** `smtp`: a relay; `files`: the log and .eml files (development); `off`: kept queued (production without SMTP). */
  readonly mode: 'smtp' | 'files' | 'off';
  /** One line for the banner, without credentials. */
  readonly description: string;
  send(email: OutgoingEmail): Promise<void>;
  close(): void;
}

export function createMailer(config: Pick<Config, 'SMTP_URL' | 'EMAIL_FROM' | 'EMAIL_DIR' | 'EMBEDDED_PG_DIR' | 'NODE_ENV' | 'isProduction'>, logger: Logger): Mailer {
  if (config.SMTP_URL) return smtpMailer(config.SMTP_URL, config.EMAIL_FROM);
  // The data folder is the one holding the embedded database (`.data/postgres` → `.data/emails`).
  const dir = config.EMAIL_DIR ?? (config.NODE_ENV === 'development' ? path.join(path.dirname(config.EMBEDDED_PG_DIR), 'emails') : null);
  if (dir && !config.isProduction) return fileMailer(path.resolve(dir), config.EMAIL_FROM, logger);
  return {
    mode: 'off',
    description: config.isProduction
      ? 'NOT SENT: set SMTP_URL (emails wait in the email_outbox table until a relay is configured)'
      : 'not sent (set SMTP_URL, or EMAIL_DIR to write them as .eml files)',
    async send() {
      throw new Error('email delivery is not configured');
    },
    close() {},
  };
}

function message(from: string, email: OutgoingEmail) {
  return {
    from,
    to: email.recipient,
    subject: email.subject,
    text: email.body,
    // The outbox row id: a relay or mailbox can drop the duplicate if a retry follows a lost acknowledgement.
    messageId: `<${email.id}@orgraph>`,
  };
}

function smtpMailer(url: string, from: string): Mailer {
  const transport: Transporter = nodemailer.createTransport(url);
  const parsed = new URL(url);
  return {
    mode: 'smtp',
    description: `sent over SMTP through ${parsed.protocol}//${parsed.hostname}:${parsed.port || (parsed.protocol === 'smtps:' ? 465 : 587)}`,
    async send(email) {
      await transport.sendMail(message(from, email));
    },
    close() {
      transport.close();
    },
  };
}

/** Development without a relay: the whole message in the log, and an .eml file any mail client opens. */
function fileMailer(dir: string, from: string, logger: Logger): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    mode: 'files',
    description: `printed to the log and written as .eml files to ${dir}`,
    async send(email) {
      const info = await transport.sendMail(message(from, email));
      await fs.mkdir(dir, { recursive: true });
      const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${email.id}.eml`);
      await fs.writeFile(file, info.message as Buffer);
      logger.info({ email: { to: email.recipient, subject: email.subject, text: email.body, file } }, 'email (not sent: no SMTP_URL)');
    },
    close() {
      transport.close();
    },
  };
}

/** A short reason for admins: the relay's SMTP code and answer, or the network error's code; never a stack. */
export function deliveryError(error: unknown): string {
  const e = error as { responseCode?: number; response?: string; code?: string; message?: string };
  if (e?.responseCode) return `SMTP ${e.responseCode}: ${String(e.response ?? '').slice(0, 200)}`;
  if (e?.code) return `${e.code}${e.message ? `: ${e.message.slice(0, 200)}` : ''}`;
  return String(e?.message ?? error).slice(0, 200);
}
