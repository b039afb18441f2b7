/** Sends e-mail through the SMTP server of SMTP_URL with nodemailer. */
import nodemailer from 'nodemailer';
import type { Mailer } from '../core/connections/ports.js';

export interface SmtpMailerOptions {
  /** `smtp://user:pass@host:587` or `smtps://…`, as nodemailer reads it. */
  url: string;
  /** The sender, e.g. `Community <community@example.com>`. */
  from: string;
}

export function createSmtpMailer(options: SmtpMailerOptions): Mailer {
  const transport = nodemailer.createTransport(options.url);
  return {
    async send(message) {
      await transport.sendMail({ from: options.from, ...message });
    },
  };
}
