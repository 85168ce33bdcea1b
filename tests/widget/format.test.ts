/** format.ts: counted phrases and readable dates. */
import { describe, expect, it } from 'vitest';
import { formatCount, formatDate, formatExactDate } from '../../widget/format.ts';
import { t } from '../../widget/i18n.ts';

describe('formatCount', () => {
  it('says the WordPress phrases for responses', () => {
    expect(formatCount(0, t.responses)).toBe('No responses yet');
    expect(formatCount(1, t.responses)).toBe('1 Response');
    expect(formatCount(9, t.responses)).toBe('9 Responses');
  });

  it('handles the singular for likes and groups thousands', () => {
    expect(formatCount(0, t.likes)).toBe('Be the first to like this.');
    expect(formatCount(1, t.likes)).toBe('1 reader likes this.');
    expect(formatCount(1234, t.likes)).toBe('1,234 readers like this.');
  });
});

describe('formatDate', () => {
  const now = Date.parse('2026-11-27T12:00:00Z');
  const ago = (seconds: number) => new Date(now - seconds * 1000).toISOString();

  it('is relative within the last week', () => {
    expect(formatDate(ago(10), now)).toBe('now');
    expect(formatDate(ago(5 * 60), now)).toBe('5 minutes ago');
    expect(formatDate(ago(3 * 3600), now)).toBe('3 hours ago');
    expect(formatDate(ago(26 * 3600), now)).toBe('yesterday');
    expect(formatDate(ago(3 * 86400), now)).toBe('3 days ago');
  });

  it('does not speak of the future when the reader’s clock is behind the server’s', () => {
    expect(formatDate(ago(-30), now)).toBe('now');
  });

  it('gives the calendar date after a week', () => {
    expect(formatDate('2017-03-24T12:35:00Z', now)).toMatch(/^March 2[45], 2017$/);
  });

  it('returns what it cannot read unchanged', () => {
    expect(formatDate('not a date', now)).toBe('not a date');
    expect(formatExactDate('not a date')).toBe('not a date');
  });

  it('gives the exact date with weekday and time for the tooltip', () => {
    expect(formatExactDate('2017-03-24T12:35:00Z')).toMatch(/2017/);
    expect(formatExactDate('2017-03-24T12:35:00Z')).toMatch(/(Friday|Saturday|Thursday)/);
  });
});
