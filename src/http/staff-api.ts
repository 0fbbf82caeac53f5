import { createHash, timingSafeEqual } from 'node:crypto';
import type restify from 'restify';
import { errorClass, type Logger } from '../base/logger';
import { findBookingCode } from '../booking/booking-code';
import type { BookingDesk } from '../booking/booking-desk';
import type { Booking } from '../booking/booking-store';
import { formatMinutes, localMoment } from '../calendar/copenhagen-time';

export interface StaffApiDeps {
  /** Without a token the staff endpoints do not exist. */
  token?: string;
  bookings: BookingDesk;
  logger: Logger;
}

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/** Compares digests so that neither the token's length nor its first differing character leaks by timing. */
/** Whether an Authorization header carries the staff token (compared in constant time). */
export function isStaff(header: string | undefined, token: string): boolean {
  const presented = /^Bearer (\S+)$/.exec(header?.trim() ?? '')?.[1];
  return presented !== undefined && timingSafeEqual(digest(presented), digest(token));
}

function localTime(instant: Date): string {
  const { date, minutes } = localMoment(instant);
  return `${date} ${formatMinutes(minutes)}`;
}

/** A booking as staff see it, in Copenhagen time; the call-back number only while the slot lasts. */
function staffView(booking: Booking): object {
  return {
    code: booking.code,
    start: booking.slot.start.toISOString(),
    end: booking.slot.end.toISOString(),
    localStart: localTime(booking.slot.start),
    mode: booking.mode,
    about: booking.about ?? null,
    language: booking.language,
    callbackPhone: booking.callbackPhone ?? null,
    handled: booking.handled,
  };
}

/**
 * Staff's view of the anonymous bookings: today's and later ones, marking one handled, cancelling one.
 * Every answer is no-store; logs name the action, never a code or a number.
 */
export function registerStaffApi(server: restify.Server, deps: StaffApiDeps): void {
  const { token, bookings, logger } = deps;
  if (!token) return;

  const guarded =
    (action: string, handle: (req: restify.Request, res: restify.Response) => Promise<void>) =>
    async (req: restify.Request, res: restify.Response): Promise<void> => {
      res.header('cache-control', 'no-store');
      if (!isStaff(req.headers.authorization, token)) {
        res.header('www-authenticate', 'Bearer');
        res.send(401, { error: 'unauthorized', message: 'A valid staff token is required.' });
        return;
      }
      try {
        await handle(req, res);
        logger.info({ event: 'staff_request', action, status: res.statusCode });
      } catch (error) {
        logger.error({ event: 'staff_request_failed', action, errorClass: errorClass(error) });
        res.send(503, { error: 'unavailable', message: 'The bookings cannot be reached right now.' });
      }
    };

  // Only a well-formed code reaches the store: anything else (a NUL byte, a long string) is simply not found.
  const codeOf = (req: restify.Request): string | undefined => findBookingCode(String(req.params.code ?? ''));
  const notFound = { error: 'not_found', message: 'No booking with that code.' };

  server.get(
    '/staff/bookings',
    guarded('list', async (_req, res) => {
      res.send(200, { bookings: (await bookings.upcoming()).map(staffView) });
    }),
  );

  server.post(
    '/staff/bookings/:code/handled',
    guarded('mark_handled', async (req, res) => {
      const code = codeOf(req);
      const booking = code && (await bookings.store.markHandled(code));
      if (booking) res.send(200, { booking: staffView(booking) });
      else res.send(404, notFound);
    }),
  );

  server.del(
    '/staff/bookings/:code',
    guarded('cancel', async (req, res) => {
      const code = codeOf(req);
      const booking = code && (await bookings.cancel(code));
      if (booking) res.send(200, { cancelled: booking.code });
      else res.send(404, notFound);
    }),
  );
}
