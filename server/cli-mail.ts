/**
 * `riposte mail test ADDRESS`: sends one message through the configured SMTP server and prints
 * what the server answered, or one line saying why it failed (exit code 1).
 */
import * as v from 'valibot';
import { emailSchema } from '../shared/schemas.ts';
import { ConfigError, type Config } from './config.ts';
import { printable } from './import/printable.ts';
import { MailError } from './mail/mail-error.ts';
import { mailStrings } from './mail/mail-strings.ts';
import { newMessageId } from './mail/message-id.ts';

export const MAIL_USAGE = `  mail test ADDRESS
           Send one test mail to ADDRESS through the SMTP server (RIPOSTE_SMTP_*) and print its answer.`;

export async function mailCommand(config: Config, positionals: string[]): Promise<void> {
  const [action, address, ...extra] = positionals;
  if (action !== 'test' || !address || extra.length > 0) throw new ConfigError(`usage:\n${MAIL_USAGE}`);
  if (!v.is(emailSchema, address)) throw new ConfigError(`"${address}" is not an email address.`);
  if (!config.mail) {
    throw new ConfigError(
      'mail is off: set RIPOSTE_SMTP_URL (or RIPOSTE_SMTP_HOST) and RIPOSTE_MAIL_FROM; riposte serve --help lists them.',
    );
  }
  // Loaded here, not at start: every other command would pay for nodemailer.
  const { createMailer } = await import('./mail/mailer.ts');
  const strings = mailStrings('en');
  const mailer = createMailer(config.mail);
  const server = `${config.mail.host}:${config.mail.port}`;
  try {
    const sent = await mailer.send({
      to: address,
      subject: strings.mailTest.subject,
      text: `${strings.mailTest.text({ server: config.publicUrl })}\n`,
      messageId: newMessageId(config.mail),
    });
    console.log(`Sent a test mail to ${address} through ${server} (Message-ID ${sent.messageId}).`);
    console.log(`The server answered: ${printable(sent.response)}`);
  } catch (err) {
    if (!(err instanceof MailError)) throw err;
    console.error(`riposte: the test mail to ${address} was not sent: ${printable(err.message)}`);
    process.exitCode = 1;
  } finally {
    mailer.close();
  }
}
