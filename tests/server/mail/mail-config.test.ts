import { describe, expect, it } from 'vitest';
import { loadConfig, settingsHelp } from '../../../server/config.ts';
import { loadMailConfig, MAIL_SETTINGS } from '../../../server/mail/mail-config.ts';

const FROM = { RIPOSTE_MAIL_FROM: 'Blog comments <comments@blog.example.com>' };

describe('mail settings', () => {
  it('are off when none is set, for the whole app to test', () => {
    expect(loadMailConfig({})).toBeNull();
    expect(loadConfig([], {}).config.mail).toBeNull();
  });

  it('read one SMTP URL: smtp:// means a required STARTTLS on 587, smtps:// TLS on 465, the login percent-decoded', () => {
    expect(loadMailConfig({ RIPOSTE_SMTP_URL: 'smtp://me%40blog.example.com:p%40ss%3Aw0rd@mail.example.com', ...FROM })).toEqual({
      host: 'mail.example.com',
      port: 587,
      security: 'starttls',
      user: 'me@blog.example.com',
      password: 'p@ss:w0rd',
      from: { name: 'Blog comments', address: 'comments@blog.example.com' },
    });
    expect(loadMailConfig({ RIPOSTE_SMTP_URL: 'smtps://mail.example.com', ...FROM })).toMatchObject({
      port: 465,
      security: 'tls',
      user: null,
    });
    expect(loadMailConfig({ RIPOSTE_SMTP_URL: 'smtp://127.0.0.1:2525', RIPOSTE_SMTP_SECURE: 'none', ...FROM })).toMatchObject({
      host: '127.0.0.1',
      port: 2525,
      security: 'none',
    });
  });

  it('read host, port, user, password and TLS mode', () => {
    const env = {
      RIPOSTE_SMTP_HOST: 'mail.example.com',
      RIPOSTE_SMTP_USER: 'me',
      RIPOSTE_SMTP_PASSWORD: ' spaced pass ',
      RIPOSTE_MAIL_FROM: 'comments@blog.example.com',
    };
    expect(loadMailConfig(env)).toEqual({
      host: 'mail.example.com',
      port: 587,
      security: 'starttls',
      user: 'me',
      password: ' spaced pass ',
      from: { name: '', address: 'comments@blog.example.com' },
    });
    expect(loadMailConfig({ ...env, RIPOSTE_SMTP_PORT: '465' })).toMatchObject({ port: 465, security: 'tls' });
    expect(loadMailConfig({ ...env, RIPOSTE_SMTP_SECURE: 'TLS' })).toMatchObject({ port: 465, security: 'tls' });
    expect(loadMailConfig({ RIPOSTE_SMTP_HOST: 'localhost', RIPOSTE_SMTP_SECURE: 'none', ...FROM })).toMatchObject({
      port: 25,
      user: null,
    });
  });

  it('refuse half-set, contradictory or unsafe settings with a message naming the variable', () => {
    const host = { RIPOSTE_SMTP_HOST: 'mail.example.com', ...FROM };
    const bad: [Record<string, string>, RegExp][] = [
      [{ RIPOSTE_SMTP_HOST: 'mail.example.com' }, /RIPOSTE_MAIL_FROM is missing/],
      [FROM, /RIPOSTE_MAIL_FROM is set, but RIPOSTE_SMTP_URL/],
      [{ RIPOSTE_SMTP_PASSWORD: 'x' }, /RIPOSTE_SMTP_PASSWORD is set, but RIPOSTE_SMTP_HOST is not/],
      [{ ...host, RIPOSTE_SMTP_URL: 'smtp://mail.example.com' }, /either RIPOSTE_SMTP_URL or RIPOSTE_SMTP_HOST/],
      [{ ...host, RIPOSTE_SMTP_USER: 'me' }, /RIPOSTE_SMTP_PASSWORD is missing/],
      [{ ...host, RIPOSTE_SMTP_PASSWORD: 'pw' }, /RIPOSTE_SMTP_USER is missing/],
      [{ ...host, RIPOSTE_SMTP_PORT: '99999' }, /RIPOSTE_SMTP_PORT must be a port number/],
      [{ ...host, RIPOSTE_SMTP_SECURE: 'yes' }, /RIPOSTE_SMTP_SECURE must be tls, starttls or none/],
      [{ RIPOSTE_SMTP_URL: 'http://mail.example.com', ...FROM }, /must start with smtp:\/\//],
      [{ RIPOSTE_SMTP_URL: 'smtp://mail.example.com/?pool=true', ...FROM }, /and nothing more/],
      [{ RIPOSTE_SMTP_URL: 'smtp://me@mail.example.com', ...FROM }, /both a user and a password/],
      [{ RIPOSTE_SMTP_URL: 'smtps://mail.example.com', RIPOSTE_SMTP_SECURE: 'none', ...FROM }, /contradicts/],
      [
        { RIPOSTE_SMTP_URL: 'smtp://me:pw@mail.example.com', RIPOSTE_SMTP_SECURE: 'none', ...FROM },
        /password unencrypted to mail.example.com/,
      ],
      [{ ...host, RIPOSTE_MAIL_FROM: 'not an address' }, /RIPOSTE_MAIL_FROM must be one address/],
      [{ ...host, RIPOSTE_MAIL_FROM: 'a@example.com, b@example.com' }, /RIPOSTE_MAIL_FROM must be one address/],
      [{ ...host, RIPOSTE_MAIL_FROM: 'Blog <a@example.com>\r\nBcc: x@example.com' }, /RIPOSTE_MAIL_FROM must be one address/],
    ];
    for (const [env, message] of bad) expect(() => loadMailConfig(env), JSON.stringify(env)).toThrow(message);
  });

  it('never show the password of a bad URL', () => {
    expect(() => loadMailConfig({ RIPOSTE_SMTP_URL: 'smtp://me:secret@mail.example.com/path', ...FROM })).toThrow(/smtp:\/\/…@mail/);
    expect(() => loadMailConfig({ RIPOSTE_SMTP_URL: 'smtp://me:secret@mail.example.com/path', ...FROM })).not.toThrow(/secret/);
  });

  it('are listed in `riposte serve --help`', () => {
    const help = settingsHelp();
    for (const setting of MAIL_SETTINGS) expect(help).toContain(setting.env);
    expect(help).toContain('with none of them set, mail is off');
  });
});
