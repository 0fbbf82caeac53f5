import type { IncomingMessage } from 'node:http';
import { HttpError } from './http-error';

/**
 * Reads a JSON body of at most maxBytes. Only uncompressed bodies are accepted: restify 11 crashes the
 * process on a bad gzip body, and a compressed body's size says nothing about what it inflates to.
 */
export async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const encoding = (req.headers['content-encoding'] ?? 'identity').toString().trim().toLowerCase();
  if (encoding !== 'identity' && encoding !== '') {
    throw new HttpError(415, 'unsupported_content_encoding', 'Content-Encoding is not supported; send the body uncompressed.');
  }
  const type = (req.headers['content-type'] ?? '').toString().split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') throw new HttpError(415, 'unsupported_media_type', 'Content-Type must be application/json.');
  // Made only when thrown: an error's stack trace costs more than reading a small body.
  const tooLarge = (): HttpError => new HttpError(413, 'payload_too_large', `Request body is larger than ${maxBytes} bytes.`);
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) throw tooLarge();

  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw tooLarge();
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'malformed_json', 'Request body is not valid JSON.');
  }
}
