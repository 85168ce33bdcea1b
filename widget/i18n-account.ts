/** English strings of the sign-in panel, the comment editor and its preview, loaded on demand with them (see i18n.ts). */
export const ta = {
  signInIntro: 'Fill in your details below or click an icon to log in:',
  signInOnly: 'Log in to comment:',
  logInWith: (provider: string) => `Log in with ${provider}`,
  commentingAs: 'Commenting as',
  logOut: 'Log Out',
  popupBlocked: 'Your browser blocked the sign-in window.',
  logInHere: 'Log in in this tab instead',
  popupClosed: 'The sign-in window was closed before you logged in.',
  confirmDelete: 'Delete your comment? This cannot be undone.',
  editing: 'Edit your comment',
  save: 'Save',
  saving: 'Saving…',
  /** The comment form's preview of its Markdown, as the server renders it. */
  preview: 'Preview',
  keepWriting: 'Keep writing',
  previewing: 'Rendering the preview…',
  previewEmpty: 'Nothing to preview yet.',
  previewLabel: 'Preview of your comment',
} as const;
