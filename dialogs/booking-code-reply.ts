import type { Booking } from '../src/booking/booking-store';
import { slotInWords } from '../src/booking/slot-text';
import type { Reply } from '../src/conversation/reply';
import { bookingText } from './booking-dialog';
import type { DialogServices, TurnTools } from './dialog-services';

function howToMeet(booking: Booking): 'in_person' | 'phone' | 'callback' {
  if (booking.mode === 'in_person') return 'in_person';
  return booking.callbackPhone ? 'callback' : 'phone';
}

/** The answer to a message with a booking code: the booking, its cancellation, or that no such booking exists. */
export async function bookingCodeReply(services: DialogServices, tools: TurnTools, code: string, cancel: boolean): Promise<Reply> {
  const { compose, t, language } = tools;
  const lookup = await services.bookings.lookUp(code, cancel);
  if (!lookup.found) return compose.message(lookup.throttled ? 'booking.lookupThrottled' : 'booking.notFound', [], true, { code });
  const booking = lookup.found;
  if (cancel) return compose.message('booking.cancelled', ['booking'], true, { code, when: slotInWords(booking.slot, t, language) });
  const text = bookingText(t, language, booking, 'booking.shown', howToMeet(booking), services.bookings.schedule?.example);
  return { ...compose.message('booking.shown', [], true), text };
}
