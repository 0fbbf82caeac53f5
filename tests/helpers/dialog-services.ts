import { ConversationState, MemoryStorage } from 'botbuilder';
import type { DialogServices } from '../../dialogs/dialog-services';
import { BookingDesk } from '../../src/booking/booking-desk';
import type { BookingStore } from '../../src/booking/booking-store';
import type { Language } from '../../src/content/content-schema';
import { createI18n } from '../../src/content/i18n';
import type { ConversationProfile } from '../../src/conversation/conversation-profile';
import { sharedNlu } from './test-app';

/**
 * A store for flows that must never book: any use fails the test. The booking flow's own tests go through
 * the app with a real database (tests/conversations/booking.test.ts).
 */
const NO_BOOKINGS = new Proxy(
  {},
  {
    get(_target, name) {
      throw new Error(`this flow touched the booking store (${String(name)})`);
    },
  },
) as BookingStore;

/**
 * What a dialog needs, built the way the app builds it (src/app.ts), around one conversation state that the
 * test client saves after every turn: a flow can be tested alone, as the SDK's samples test theirs.
 */
export async function dialogServices(
  options: { language?: Language; bookings?: BookingDesk; now?: () => Date } = {},
  conversationState: ConversationState = new ConversationState(new MemoryStorage()),
): Promise<{ services: DialogServices; conversationState: ConversationState }> {
  const { content, recognizer } = sharedNlu();
  const now = options.now ?? ((): Date => new Date());
  const services: DialogServices = {
    content,
    recognizer,
    i18n: await createI18n(content, { stateTtlMinutes: 30 }),
    profile: conversationState.createProperty<ConversationProfile>('profile'),
    defaultLanguage: options.language ?? 'da',
    forget: async () => undefined,
    now,
    bookings: options.bookings ?? new BookingDesk({ store: NO_BOOKINGS, retentionDays: 7, now }),
    bookingsPerConversation: 2,
  };
  return { services, conversationState };
}
