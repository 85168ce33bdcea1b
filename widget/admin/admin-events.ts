/**
 * Events the admin view's parts send up to `<riposte-admin>`, the only element that talks to
 * the API. Each carries `reply`, which the root calls once the request is done (with the
 * error message if it failed), so the part can close its editor or show what went wrong.
 */
import type { BanKind, ModerationAction } from '../../shared/moderation.ts';
import type { ErasureSummary, PrivacyLookup } from '../../shared/privacy.ts';
import type { SiteSettings } from '../../shared/site-settings.ts';
import type { ImportSummary } from '../../shared/transfer.ts';
import type { CommentQuery, MentionAction, UploadFormat } from './admin-api.ts';

type Reply = { reply: (error: string | null) => void };

export interface AdminEventDetails {
  'riposte-admin-act': { ids: number[]; action: ModerationAction } & Reply;
  'riposte-admin-edit': { id: number; body: string } & Reply;
  'riposte-admin-reply': { id: number; body: string } & Reply;
  'riposte-admin-lock': { threadId: number; locked: boolean } & Reply;
  'riposte-admin-pin': { id: number; pinned: boolean } & Reply;
  'riposte-admin-ban': { kind: BanKind; value: string; hideExisting: boolean } & Reply;
  'riposte-admin-unban': { id: number } & Reply;
  'riposte-admin-save-site': { id: string; origins: string[]; settings: Partial<SiteSettings> } & Reply;
  'riposte-admin-retry': { id: number } & Reply;
  'riposte-admin-mention': { ids: number[]; action: MentionAction } & Reply;
}

export type AdminEventName = keyof AdminEventDetails;
export type AdminEvent<K extends AdminEventName> = CustomEvent<AdminEventDetails[K]>;

/** Sends the event up and resolves with the root's answer: null on success, else the message. */
export function request<K extends AdminEventName>(
  from: HTMLElement,
  name: K,
  detail: Omit<AdminEventDetails[K], 'reply'>,
): Promise<string | null> {
  return new Promise((resolve) => {
    from.dispatchEvent(new CustomEvent(name, { detail: { ...detail, reply: resolve }, bubbles: true, composed: true }));
  });
}

/** An export file to import: `progress` follows the upload, `done` gets the summary or the error's message. */
export type ImportEvent = CustomEvent<{
  format: UploadFormat;
  site: string;
  file: File;
  progress: (sent: number, total: number) => void;
  done: (result: ImportSummary | string) => void;
}>;

/** A privacy request: look a person up, or erase them; `done` gets the answer or the error's message. */
export type PrivacyEvent = CustomEvent<{ person: string; erase: boolean; done: (result: PrivacyLookup | ErasureSummary | string) => void }>;

/** Sends a privacy request up and resolves with the root's answer (a message when it failed). */
export function privacyRequest(
  from: HTMLElement,
  detail: { person: string; erase: boolean },
): Promise<PrivacyLookup | ErasureSummary | string> {
  return new Promise((done) => {
    from.dispatchEvent(new CustomEvent('riposte-admin-privacy', { detail: { ...detail, done }, bubbles: true, composed: true }));
  });
}

/** A comment ticked or unticked for a bulk action (no request behind it). */
export type SelectEvent = CustomEvent<{ id: number; selected: boolean }>;

declare global {
  interface GlobalEventHandlersEventMap {
    'riposte-admin-select': SelectEvent;
    /** New search terms, filters or page for the comment list. */
    'riposte-admin-search': CustomEvent<CommentQuery>;
    'riposte-admin-act': AdminEvent<'riposte-admin-act'>;
    'riposte-admin-edit': AdminEvent<'riposte-admin-edit'>;
    'riposte-admin-reply': AdminEvent<'riposte-admin-reply'>;
    'riposte-admin-lock': AdminEvent<'riposte-admin-lock'>;
    'riposte-admin-pin': AdminEvent<'riposte-admin-pin'>;
    'riposte-admin-ban': AdminEvent<'riposte-admin-ban'>;
    'riposte-admin-unban': AdminEvent<'riposte-admin-unban'>;
    'riposte-admin-save-site': AdminEvent<'riposte-admin-save-site'>;
    'riposte-admin-retry': AdminEvent<'riposte-admin-retry'>;
    'riposte-admin-mention': AdminEvent<'riposte-admin-mention'>;
    'riposte-admin-import': ImportEvent;
    'riposte-admin-privacy': PrivacyEvent;
  }
}
