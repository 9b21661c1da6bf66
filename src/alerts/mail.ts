// Where alert emails go: an SMTP server (SMTP_URL, nodemailer, every call under a timeout), or without one .eml files
// under DATA_DIR/mail, logged, so a fresh `npm start` needs nothing else. Messages are composed once, to bytes.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { Logger } from 'pino';

/** Connecting, the greeting, and each read or write on the socket: none may take longer. */
const SMTP_STEP_TIMEOUT_MS = 10_000;
/** One whole send, from connecting to the server's answer to the message. */
export const SEND_TIMEOUT_MS = 30_000;

export interface Message {
  /** Names the .eml file. */
  id: string;
  from: string;
  to: string;
  raw: string;
}

export interface Outbox {
  /** Hands the message over; resolves once the server accepted it (or the file is written), rejects otherwise. */
  send(message: Message): Promise<void>;
}

export interface Composed {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  date: Date;
}

/** The whole message as it will be sent, every time. */
export async function composeMessage(mail: Composed): Promise<string> {
  const node = new MailComposer({ ...mail, headers: { 'Auto-Submitted': 'auto-generated' } }).compile();
  const raw = await new Promise<Buffer>((resolve, reject) => node.build((err, message) => (err ? reject(err) : resolve(message))));
  return raw.toString('utf8');
}

/** The address part of "Name <address>" (or the text itself). */
export function addressOf(mailbox: string): string {
  const match = mailbox.match(/<([^>]+)>\s*$/);
  return (match ? match[1]! : mailbox).trim();
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** One connection per message (alerts are few and grouped), closed after it, whatever happened. */
export function smtpOutbox(smtpUrl: string): Outbox {
  return {
    async send(message) {
      const transport = nodemailer.createTransport({
        url: smtpUrl,
        connectionTimeout: SMTP_STEP_TIMEOUT_MS,
        greetingTimeout: SMTP_STEP_TIMEOUT_MS,
        socketTimeout: SMTP_STEP_TIMEOUT_MS,
        dnsTimeout: SMTP_STEP_TIMEOUT_MS,
      });
      try {
        await withTimeout(
          transport.sendMail({ envelope: { from: addressOf(message.from), to: [addressOf(message.to)] }, raw: message.raw }),
          SEND_TIMEOUT_MS,
          'SMTP',
        );
      } finally {
        transport.close();
      }
    },
  };
}

/** Writes each message to `<dir>/<id>.eml` (a retry writes the same file again) and logs where. */
export function fileOutbox(dir: string, logger: Logger): Outbox {
  return {
    async send(message) {
      await mkdir(dir, { recursive: true });
      const file = path.join(dir, `${message.id}.eml`);
      await writeFile(file, message.raw);
      logger.info({ file, to: message.to }, 'alert email written (no SMTP_URL)');
    },
  };
}
