import { AuthenticationError } from 'botframework-connector';
import { HttpError } from './http-error';

/** jsonwebtoken's errors, which the SDK lets escape when a signed token fails verification. */
const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

/**
 * Errors that escape a turn come from authentication or from the SDK: answered by class, never by their
 * text. Every authentication failure is a 401, including the SDK's 500 when it could not load signing keys.
 */
export function refusalFor(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  const status = error instanceof Error && 'statusCode' in error ? error.statusCode : undefined;
  const authentication = error instanceof AuthenticationError || (error instanceof Error && TOKEN_ERRORS.has(error.name));
  if (authentication || status === 401 || status === 403) return new HttpError(401, 'unauthorized', 'A valid Bot Framework token is required.');
  return new HttpError(500, 'internal_error', 'The message could not be handled.');
}
