import { simpleParser } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
}

/**
 * A real SMTP server on a loopback port that keeps what it receives. `refuseNext(n)` makes the
 * next n messages fail with a temporary 451, to test retries.
 */
export class TestSmtpServer {
  readonly mails: ReceivedMail[] = [];
  private refusals = 0;
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData: (stream, session, callback) => {
      simpleParser(stream)
        .then((m) => {
          if (this.refusals > 0) {
            this.refusals -= 1;
            const e = new Error('mailbox busy, try again later') as Error & { responseCode: number };
            e.responseCode = 451;
            return callback(e);
          }
          this.mails.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            subject: m.subject ?? '',
            text: m.text ?? '',
            html: typeof m.html === 'string' ? m.html : '',
          });
          callback();
        })
        .catch((e: Error) => callback(e));
    },
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
  }

  refuseNext(n: number): void {
    this.refusals = n;
  }

  /** Mails to `address`, oldest first. */
  to(address: string): ReceivedMail[] {
    return this.mails.filter((m) => m.to.includes(address));
  }

  clear(): void {
    this.mails.length = 0;
  }

  async waitFor(predicate: (mails: ReceivedMail[]) => boolean, timeoutMs = 10_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (!predicate(this.mails)) {
      if (Date.now() > end) throw new Error(`no such mail within ${timeoutMs} ms; received: ${JSON.stringify(this.mails.map((m) => [m.to, m.subject]))}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
