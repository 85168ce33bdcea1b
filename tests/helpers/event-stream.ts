/** Reads a Server-Sent Events answer (from app.request or fetch) event by event, for tests and benchmarks. */

export interface StreamEvent {
  event: string;
  data: string;
  id?: string;
}

export interface EventReader {
  /** The next event (comment lines are skipped), optionally the next one named `event`. */
  next(event?: string): Promise<StreamEvent>;
  /** The next event's data, parsed as JSON. */
  nextJson<T>(event?: string): Promise<{ id: string | undefined; data: T }>;
  /** Stops reading: the client goes away. */
  close(): Promise<void>;
}

export function readEvents(response: Response): EventReader {
  if (!response.body) throw new Error('the answer has no body');
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const events: StreamEvent[] = [];

  const parse = () => {
    for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event: StreamEvent = { event: 'message', data: '' };
      let hasData = false;
      for (const line of block.split('\n')) {
        const colon = line.indexOf(':');
        if (colon === 0) continue;
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') event.event = value;
        else if (field === 'id') event.id = value;
        else if (field === 'data') {
          event.data = hasData ? `${event.data}\n${value}` : value;
          hasData = true;
        }
      }
      if (hasData) events.push(event);
    }
  };

  const next = async (name?: string): Promise<StreamEvent> => {
    for (;;) {
      const index = events.findIndex((e) => name === undefined || e.event === name);
      if (index >= 0) return events.splice(0, index + 1).at(-1)!;
      const { done, value } = await reader.read();
      if (done) throw new Error(`the stream ended before ${name ? `a "${name}" event` : 'another event'}`);
      buffer += value;
      parse();
    }
  };

  return {
    next,
    async nextJson<T>(name?: string) {
      const event = await next(name);
      return { id: event.id, data: JSON.parse(event.data) as T };
    },
    close: () => reader.cancel(),
  };
}
