import type restify from 'restify';
import { errorClass, type Logger } from '../base/logger';
import type { UsageCount } from '../booking/booking-store';
import { LANGUAGES } from '../content/content-schema';
import type { Content } from '../content/load-content';
import { isoWeek, weeksBefore } from '../usage/iso-week';
import { SUPPRESS_BELOW, usageReport } from '../usage/usage-report';
import { isStaff } from './staff-api';

export interface UsageApiDeps {
  token?: string;
  /** The weekly counts from a week on, every instance's together. */
  usageSince: (fromWeek: string) => Promise<UsageCount[]>;
  /** Writes this instance's counts not yet written, so the figures include the last few seconds. */
  flush: () => Promise<void>;
  content: Content;
  now: () => Date;
  logger: Logger;
}

const DEFAULT_WEEKS = 12;
const MAX_WEEKS = 104;

/** A subject's title in each language, for the page's labels. */
function titles(content: Content, topicId: string): Record<string, string> {
  return Object.fromEntries(
    LANGUAGES.map((language) => {
      const topics = content.locales[language].topics;
      const topic = typeof topics === 'object' ? topics[topicId] : undefined;
      const title = typeof topic === 'object' ? topic.title : undefined;
      return [language, typeof title === 'string' ? title : topicId];
    }),
  );
}

/**
 * `GET /staff/api/usage?weeks=12`: the guide's use per ISO week, behind the staff token, with every count
 * below five given as "<5" and no rate computed from such a count. Without a token there is no endpoint.
 */
export function registerUsageApi(server: restify.Server, deps: UsageApiDeps): void {
  const { token } = deps;
  if (!token) return;
  server.get('/staff/api/usage', async (req, res) => {
    res.header('cache-control', 'no-store');
    if (!isStaff(req.headers.authorization, token)) {
      res.header('www-authenticate', 'Bearer');
      res.send(401, { error: 'unauthorized', message: 'A valid staff token is required.' });
      return;
    }
    const asked = Number(new URL(req.url ?? '/', 'http://localhost').searchParams.get('weeks') ?? DEFAULT_WEEKS);
    const weekCount = Number.isInteger(asked) && asked >= 1 && asked <= MAX_WEEKS ? asked : DEFAULT_WEEKS;
    try {
      await deps.flush();
      const thisWeek = isoWeek(deps.now());
      const weeks = usageReport(await deps.usageSince(weeksBefore(thisWeek, weekCount - 1)), thisWeek, weekCount);
      const subjectIds = [...new Set(weeks.flatMap((week) => Object.keys(week.answers)))];
      res.send(200, { suppressedBelow: SUPPRESS_BELOW, weeks, subjects: Object.fromEntries(subjectIds.map((id) => [id, titles(deps.content, id)])) });
      deps.logger.info({ event: 'staff_request', action: 'usage', status: 200 });
    } catch (error) {
      deps.logger.error({ event: 'staff_request_failed', action: 'usage', errorClass: errorClass(error) });
      res.send(503, { error: 'unavailable', message: 'The usage figures cannot be reached right now.' });
    }
  });
}
