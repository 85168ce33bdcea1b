/**
 * Typed client for the admin API (same origin, cookie session): one line per endpoint. Writes
 * carry the session's CSRF token; every failure is an ApiError with the server's message.
 */
import type {
  AdminComment,
  AdminCommentPage,
  AdminSession,
  BanKind,
  ModerationAction,
  WireAuditEntry,
  WireBan,
} from '../../shared/moderation.ts';
import type { ErasureSummary, PrivacyLookup } from '../../shared/privacy.ts';
import type { AdminDeliveryPage, AdminMention } from '../../shared/notifications.ts';
import type { SiteSettings } from '../../shared/site-settings.ts';
import type { ImportSummary } from '../../shared/transfer.ts';
import { ApiError, call, toApiError } from '../api.ts';

export { ApiError };

export interface AdminSite {
  id: string;
  name: string;
  origins: string[];
  /** Allowed by the server's settings rather than the site's Rules (shown, not editable here). */
  configuredOrigins: { origin: string; from: string }[];
  settings: SiteSettings;
}

export interface CommentQuery {
  status?: string;
  site?: string;
  q?: string;
  /** newest (default), oldest, or score (pinned first). */
  sort?: string;
  /** 'true': pinned comments only. */
  pinned?: string;
  offset?: number;
}

const BASE = '/api/v1/admin';

/** `csrf()` is read at each call: it changes when the admin logs in again. */
export const createAdminApi = (csrf: () => string) => {
  const get = <T>(path: string) => call<T>('GET', BASE + path);
  /** Logging in and out: no session yet, or one ending, so no CSRF token to send. */
  const post = <T>(path: string, body?: unknown) => call<T>('POST', BASE + path, { body });
  const write = <T>(method: string, path: string, body?: unknown) =>
    call<T>(method, BASE + path, { body, headers: { 'Riposte-CSRF': csrf() } });
  return {
    session: () => get<AdminSession>('/session'),
    login: (email: string, password: string) => post<AdminSession>('/login', { email, password }),
    /** Providers an admin may log in with (empty unless RIPOSTE_ADMINS names someone). */
    providers: () => get<{ providers: { id: string; name: string }[] }>('/providers'),
    /** Completes a provider login: the one-time code it came back to /admin with. */
    providerLogin: (code: string, verifier: string) => post<AdminSession>('/login/provider', { code, verifier }),
    logout: () => post<null>('/logout'),
    comments: (query: CommentQuery) => get<AdminCommentPage>(`/comments?${new URLSearchParams(clean(query))}`),
    act: (ids: number[], action: ModerationAction) =>
      write<{ changed: number[]; pending: number }>('POST', '/comments/actions', { ids, action }),
    edit: (id: number, body: string) => write<AdminComment>('PATCH', `/comments/${id}`, { body }),
    reply: (id: number, body: string) => write<AdminComment>('POST', `/comments/${id}/reply`, { body }),
    pin: (id: number, pinned: boolean) => write<AdminComment>('PUT', `/comments/${id}/pin`, { pinned }),
    lock: (threadId: number, locked: boolean) => write<{ id: number; locked: boolean }>('PUT', `/threads/${threadId}/lock`, { locked }),
    sites: () => get<{ sites: AdminSite[]; mail: boolean }>('/sites'),
    saveSite: (id: string, change: { origins?: string[]; settings?: Partial<SiteSettings> }) =>
      write<AdminSite>('PATCH', `/sites/${encodeURIComponent(id)}`, change),
    bans: () => get<{ bans: WireBan[] }>('/bans'),
    ban: (kind: BanKind, value: string, hideExisting: boolean) =>
      write<{ ban: WireBan; hidden: number[] }>('POST', '/bans', { kind, value, hideExisting }),
    unban: (id: number) => write<null>('DELETE', `/bans/${id}`),
    audit: () => get<{ entries: WireAuditEntry[] }>('/audit'),
    deliveries: (query: CommentQuery & { limit?: number }) => get<AdminDeliveryPage>(`/deliveries?${new URLSearchParams(clean(query))}`),
    retry: (id: number) => write<unknown>('POST', `/deliveries/${id}/retry`),
    mentions: (query: CommentQuery & { limit?: number }) => get<AdminMentionPage>(`/mentions?${new URLSearchParams(clean(query))}`),
    actOnMentions: (ids: number[], action: MentionAction) => write<{ changed: number[] }>('POST', '/mentions/actions', { ids, action }),
    importFile: (format: UploadFormat, site: string, file: File, onProgress: (sent: number, total: number) => void) =>
      upload(format, site, file, csrf(), onProgress),
    lookUpPerson: (person: string) => get<PrivacyLookup>(`/privacy?${new URLSearchParams({ person })}`),
    erasePerson: (person: string) => write<ErasureSummary>('POST', '/privacy/erase', { person, confirm: true }),
    /** A person's export, downloaded by a plain link with `?person=&format=`. */
    privacyExportUrl: `${BASE}/privacy/export`,
    /** The full export, downloaded by a plain link: the cookie is all a GET needs. */
    exportUrl: `${BASE}/export`,
  };
};

export type AdminApi = ReturnType<typeof createAdminApi>;

/** What the owner may do with a received Webmention (delete: its source may send it again). */
export type MentionAction = 'approve' | 'spam' | 'delete';

export interface AdminMentionPage {
  mentions: AdminMention[];
  total: number;
  /** Mentions waiting for approval, across all: the count in the navigation. */
  pending: number;
}

/** What the admin view imports; a Riposte restore needs an empty database and stays on the command line. */
export type UploadFormat = 'wordpress' | 'disqus';

/**
 * Sends the file as the request body with XMLHttpRequest: its upload progress events are
 * what browsers report reliably (fetch has no upload progress). Resolves with the summary.
 */
function upload(
  format: UploadFormat,
  site: string,
  file: File,
  csrf: string,
  onProgress: (sent: number, total: number) => void,
): Promise<ImportSummary> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${BASE}/import?${new URLSearchParams({ format, site, name: file.name })}`);
    xhr.setRequestHeader('Riposte-CSRF', csrf);
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    xhr.responseType = 'json';
    xhr.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    xhr.onload = () => (xhr.status === 200 ? resolve(xhr.response as ImportSummary) : reject(toApiError(xhr.response, xhr.status)));
    xhr.onerror = () => reject(new ApiError('network', 'The upload was cut off; check the connection and try again.'));
    xhr.send(file);
  });
}

function clean(query: CommentQuery): Record<string, string> {
  return Object.fromEntries(
    Object.entries(query)
      .filter(([, value]) => value !== undefined && value !== '')
      .map(([key, value]) => [key, String(value)]),
  );
}
