import type { Activity, ActivityHandler, InvokeResponse, TurnContext } from 'botbuilder';
import type restify from 'restify';
import { errorClass, type Logger } from '../base/logger';
import type { ReviewedApp } from '../review/expect-replies-conversation';
import { parseReviewList, ReviewListError } from '../review/review-list';
import { reviewHtml, reviewMarkdown } from '../review/review-report';
import { summarise } from '../review/review-summary';
import { runReview } from '../review/run-review';
import { markStaffTurn } from '../staff/staff-details-middleware';
import { parseActivity } from './activity-schema';
import { HttpError } from './http-error';
import { readJsonBody } from './read-json-body';
import { refusalFor } from './refusal';
import { isStaff } from './staff-api';

const MAX_ACTIVITY_BYTES = 256 * 1024;
const MAX_LIST_BYTES = 64 * 1024;
/** A review plays every question through the bot on this server's CPU: a long list waits for everyone. */
export const MAX_REVIEW_QUESTIONS = 300;
/** Nothing is sent to a channel on a staff turn; the activity's own serviceUrl is never used. */
const NO_CHANNEL = 'http://127.0.0.1:9';

export interface StaffChatDeps {
  /** Without a token the staff endpoints do not exist. */
  token?: string;
  /** The bot's app id (empty without one): a staff turn runs with the bot's own claims. */
  botAppId: string;
  /** The app's adapter (src/adapter.ts), which runs a turn with the bot's own claims. */
  adapter: { handleTrusted(botAppId: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> };
  bot: ActivityHandler;
  /** A bot of its own for reviews (memory state and bookings, no rate limit), made on first use. */
  reviewApp: () => Promise<ReviewedApp>;
  logger: Logger;
}

/** The list as `npm run review` reads it; a mistake in it is the sender's, with its line. */
function parseList(list: string, topics: ReadonlySet<string>): ReturnType<typeof parseReviewList> {
  try {
    return parseReviewList(list, topics);
  } catch (error) {
    if (error instanceof ReviewListError) throw new HttpError(400, 'bad_list', error.message);
    throw error;
  }
}

/**
 * The staff page's endpoints, each behind the staff token (Authorization: Bearer, never a URL):
 * a chat turn whose replies carry what the bot recognised and holds (channelData.pitstopStaff), a check
 * of the token for the page's sign-in, and the batch review of a pasted list. Logs name the action and
 * status only: no text, no token, no id.
 */
export function registerStaffChat(server: restify.Server, deps: StaffChatDeps): void {
  const { token, logger } = deps;
  if (!token) return;

  const guarded =
    (action: string, handle: (req: restify.Request, res: restify.Response) => Promise<void>) =>
    async (req: restify.Request, res: restify.Response): Promise<void> => {
      const started = process.hrtime.bigint();
      res.header('cache-control', 'no-store');
      let failure: string | undefined;
      try {
        if (!isStaff(req.headers.authorization, token)) {
          res.header('www-authenticate', 'Bearer');
          throw new HttpError(401, 'unauthorized', 'A valid staff token is required.');
        }
        await handle(req, res);
      } catch (error) {
        if (!(error instanceof HttpError)) failure = errorClass(error);
        const refusal = error instanceof HttpError ? error : refusalFor(error);
        res.send(refusal.status, refusal.body);
      }
      const latencyMs = Math.round(Number(process.hrtime.bigint() - started) / 1e6);
      logger.info({ event: 'staff_request', action, status: res.statusCode, latencyMs, ...(failure ? { errorClass: failure } : {}) });
    };

  server.get(
    '/staff/api/session',
    guarded('session', async (_req, res) => {
      res.send(204);
    }),
  );

  server.post(
    '/staff/api/messages',
    guarded('turn', async (req, res) => {
      const activity: Activity = { ...parseActivity(await readJsonBody(req, MAX_ACTIVITY_BYTES)), deliveryMode: 'expectReplies', serviceUrl: NO_CHANNEL };
      markStaffTurn(activity);
      const response = await deps.adapter.handleTrusted(deps.botAppId, activity, (context) => deps.bot.run(context));
      res.send(response?.status ?? 200, response?.body);
    }),
  );

  // One review at a time: each plays its whole list through a bot on this server.
  let reviews: Promise<unknown> = Promise.resolve();
  server.post(
    '/staff/api/review',
    guarded('review', async (req, res) => {
      const body = await readJsonBody(req, MAX_LIST_BYTES);
      const list = typeof body === 'object' && body !== null && 'list' in body && typeof body.list === 'string' ? body.list : undefined;
      if (list === undefined) throw new HttpError(400, 'no_list', 'Send {"list": "<one question per line>"}.');
      const run = reviews.then(async () => {
        const app = await deps.reviewApp();
        const conversations = parseList(list, new Set(app.content.topics.map((topic) => topic.id)));
        const questions = conversations.reduce((sum, conversation) => sum + conversation.questions.length, 0);
        if (questions === 0) throw new HttpError(400, 'empty_list', 'The list holds no questions.');
        if (questions > MAX_REVIEW_QUESTIONS) throw new HttpError(413, 'list_too_long', `At most ${MAX_REVIEW_QUESTIONS} questions at a time.`);
        const entries = await runReview(app, conversations);
        const summary = summarise(entries);
        const heading = { list: 'staff page', createdAt: new Date() };
        return { summary, html: reviewHtml(entries, summary, heading), markdown: reviewMarkdown(entries, summary, heading) };
      });
      reviews = run.catch(() => undefined);
      res.send(200, await run);
    }),
  );
}
