/** Reads a JSON request body and validates it against a shared schema, or answers 400. */
import type { Context } from 'hono';
import * as v from 'valibot';
import { fieldErrors } from '../../shared/schemas.ts';
import { RiposteError } from './errors.ts';

/** JSON is UTF-8 (RFC 8259): bytes that are not are refused, never stored as U+FFFD. */
const utf8 = new TextDecoder('utf-8', { fatal: true });

export async function readJson<S extends v.GenericSchema>(c: Context, schema: S): Promise<v.InferOutput<S>> {
  // Requiring the JSON type makes browsers preflight cross-origin posts, so CORS guards them.
  if (!/^application\/json\b/i.test(c.req.header('content-type') ?? '')) {
    throw new RiposteError(400, 'invalid_input', 'Send the request body as JSON with Content-Type: application/json.');
  }
  // Read outside the try: a body over the limit, or a client gone, is not "invalid JSON".
  const bytes = await c.req.arrayBuffer();
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new RiposteError(400, 'invalid_input', 'The request body is not valid UTF-8 text.');
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new RiposteError(400, 'invalid_input', 'The request body is not valid JSON.');
  }
  return validate(schema, body);
}

export function validate<S extends v.GenericSchema>(schema: S, input: unknown): v.InferOutput<S> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new RiposteError(400, 'invalid_input', 'Expected a JSON object.');
  }
  const result = v.safeParse(schema, input);
  if (result.success) return result.output;
  const fields = fieldErrors(result.issues);
  throw new RiposteError(400, 'invalid_input', Object.values(fields)[0] ?? 'The request is not valid.', fields);
}
