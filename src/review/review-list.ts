/**
 * A review list: one question per line. A blank line starts a new conversation, so follow-ups are
 * asked after the questions above them. "# expected: <topic id>" at the end of a question names the
 * topic it should answer ("a, b" when either will do). A line starting with "#" is a comment;
 * "# language: en" makes the conversations that follow start in English.
 */
export interface ReviewQuestion {
  text: string;
  /** The line in the list, for the report and for mistakes in the list. */
  line: number;
  expected?: string[];
}

export interface ReviewConversation {
  locale: string;
  questions: ReviewQuestion[];
}

const EXPECTED = /\s+#\s*expected:\s*(.*)$/i;
const LANGUAGE = /^#\s*language:\s*(da|en)\s*$/i;
const LOCALES: Record<string, string> = { da: 'da-DK', en: 'en-GB' };

export class ReviewListError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReviewListError';
  }
}

export function parseReviewList(text: string, knownTopics: ReadonlySet<string>): ReviewConversation[] {
  const conversations: ReviewConversation[] = [];
  let locale = LOCALES.da;
  let current: ReviewConversation | undefined;
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '') {
      current = undefined;
      return;
    }
    if (trimmed.startsWith('#')) {
      const language = LANGUAGE.exec(trimmed);
      if (language) {
        locale = LOCALES[language[1].toLowerCase()];
        current = undefined;
      } else if (/^#\s*expected:/i.test(trimmed)) {
        throw new ReviewListError(`line ${line}: "# expected:" goes at the end of its question's line`);
      }
      return;
    }
    const expectedMatch = EXPECTED.exec(trimmed);
    const question = expectedMatch ? trimmed.slice(0, expectedMatch.index).trim() : trimmed;
    const expected = expectedMatch?.[1]
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean);
    if (expectedMatch && !expected?.length) throw new ReviewListError(`line ${line}: "# expected:" names no topic`);
    const unknown = expected?.filter((id) => !knownTopics.has(id)) ?? [];
    if (unknown.length > 0)
      throw new ReviewListError(`line ${line}: unknown topic ${unknown.map((id) => `"${id}"`).join(', ')} (the topic ids are listed in content/topics.yaml)`);
    if (!current) {
      current = { locale, questions: [] };
      conversations.push(current);
    }
    current.questions.push({ text: question, line, ...(expected ? { expected } : {}) });
  });
  return conversations;
}
