import type { Activity, Middleware, TurnContext } from 'botbuilder';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { type ReplyMeta, replyMetaOf } from '../conversation/reply';
import { classifyReply, type Feedback, type UsageEvent } from './reply-usage';

export type { Feedback } from './reply-usage';
/** The chat page's thumbs: an event the bot does not answer, so the answer's buttons stay. */
export const FEEDBACK_EVENT = 'pitstop/feedback';

/**
 * How the guide is used, counted from the replies it sends: which answers, how often it asks "did you
 * mean…?", emergencies, hand-offs, bookings, and how long a turn takes. Every label value comes from
 * the content (topic ids, aspects) or a fixed list here, never from what a user wrote, and nothing is
 * tied to a conversation.
 */
export class BotMetrics {
  readonly registry = new Registry();
  private readonly answers: Counter<'topic' | 'aspect'>;
  private readonly replies: Counter<'kind'>;
  private readonly emergencies: Counter<'tier'>;
  private readonly handoffs: Counter<'to'>;
  private readonly bookings: Counter<'event'>;
  private readonly feedback: Counter<'answer' | 'via'>;
  readonly turnSeconds: Histogram;

  /** `onUsage` hears every event counted here (the weekly counts), so both are fed by one classification. */
  constructor(
    private readonly topicIds: ReadonlySet<string>,
    private readonly onUsage: (event: UsageEvent) => void = () => undefined,
  ) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.answers = new Counter({
      name: 'pitstop_answers_total',
      help: 'Answers given, by topic and aspect ("none" for the whole topic).',
      labelNames: ['topic', 'aspect'],
      registers,
    });
    this.replies = new Counter({
      name: 'pitstop_replies_total',
      help: 'Replies that are not answers: clarifications ("did you mean…?") and out-of-scope replies.',
      labelNames: ['kind'],
      registers,
    });
    this.emergencies = new Counter({
      name: 'pitstop_emergencies_total',
      help: 'Emergency replies (acute) and lines of numbers before an answer (concern).',
      labelNames: ['tier'],
      registers,
    });
    this.handoffs = new Counter({
      name: 'pitstop_handoffs_total',
      help: "Hand-offs to a person: Pitstop's phone answer, the start of a booking.",
      labelNames: ['to'],
      registers,
    });
    this.bookings = new Counter({ name: 'pitstop_bookings_total', help: 'Bookings made and cancelled in the chat.', labelNames: ['event'], registers });
    this.feedback = new Counter({
      name: 'pitstop_feedback_total',
      help: 'Whether an answer helped: said in the chat, or with the thumbs on the page. Never tied to a conversation.',
      labelNames: ['answer', 'via'],
      registers,
    });
    this.turnSeconds = new Histogram({
      name: 'pitstop_turn_seconds',
      help: 'Time from a message to the end of its turn.',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
  }

  /** Counts one reply by its content metadata (channelData.pitstop). */
  countReply(meta: ReplyMeta): void {
    for (const event of classifyReply(meta, this.topicIds)) this.count(event);
  }

  countFeedback(answer: Feedback, via: 'chat' | 'page'): void {
    this.count({ metric: 'feedback', answer, via });
  }

  private count(event: UsageEvent): void {
    switch (event.metric) {
      case 'answer':
        this.answers.inc({ topic: event.topic, aspect: event.aspect });
        break;
      case 'reply':
        this.replies.inc({ kind: event.kind });
        break;
      case 'emergency':
        this.emergencies.inc({ tier: event.tier });
        break;
      case 'handoff':
        this.handoffs.inc({ to: event.to });
        break;
      case 'booking':
        this.bookings.inc({ event: event.event });
        break;
      case 'feedback':
        this.feedback.inc({ answer: event.answer, via: event.via });
        break;
    }
    this.onUsage(event);
  }
}

/** Times every turn and counts what it sent. */
export class MetricsMiddleware implements Middleware {
  constructor(private readonly metrics: BotMetrics) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const { type, name, value } = context.activity;
    // Only the two known values count: a label value never comes from what a client sent.
    if (type === 'event' && name === FEEDBACK_EVENT && (value === 'helped' || value === 'not_helped')) this.metrics.countFeedback(value, 'page');
    context.onSendActivities(async (_context, activities: Array<Partial<Activity>>, send) => {
      for (const activity of activities) {
        const meta = replyMetaOf(activity);
        if (meta) this.metrics.countReply(meta);
      }
      return send();
    });
    const end = this.metrics.turnSeconds.startTimer();
    try {
      await next();
    } finally {
      end();
    }
  }
}
