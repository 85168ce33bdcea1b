/** Why a mail was not sent: one readable line, and whether trying again (this message, or any) could help. */
export class MailError extends Error {
  override name = 'MailError';
  /**
   * True when the trouble is the server or the way to it (login, TLS, no connection, no
   * answer), not this message: every other message would fail the same way for now.
   */
  readonly aboutServer: boolean;
  constructor(
    message: string,
    /** True when the server refused this message for good (5xx): sending it again would fail again. */
    readonly permanent: boolean,
    options?: { cause?: unknown; aboutServer?: boolean },
  ) {
    super(message, options);
    this.aboutServer = options?.aboutServer ?? false;
  }
}
