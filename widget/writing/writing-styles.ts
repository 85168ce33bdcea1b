/** The thread's styles that only writing needs (reply forms under comments, errors): adopted with the writing side. */
import { css } from '../lean-element.ts';

export const writingStyles = css`
  .reply-form {
    margin: 0.25em 0 0.75em calc(var(--_pad) * 2 + var(--_avatar));
  }
  @container (max-width: 30em) {
    .reply-form {
      margin-left: 0;
    }
  }
  .notice,
  .error {
    font-size: 0.875em;
    color: var(--_danger);
  }
  .error {
    margin: 0.4em 0 0;
  }
  .reply + .reply {
    margin-left: 0.6em;
  }
`;
