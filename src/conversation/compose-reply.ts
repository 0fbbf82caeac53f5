import type { Language, SourceRef } from '../content/content-schema';
import type { CrisisKind } from '../content/crisis-schema';
import { telUri } from '../content/fact-variables';
import type { Translate } from '../content/i18n';
import type { Content } from '../content/load-content';
import { sourceHref } from '../sources/source-links';
import { type AnswerPlan, answeredKey } from './plan-answer';
import type { Reply, ReplyAction } from './reply';

/** The helplines an acute reply names: those its kinds call for, both when the kind says neither. */
function numbersFor(kinds: CrisisKind[]): Array<'suicide' | 'poisoning'> {
  const lines = (['suicide', 'poisoning'] as const).filter((line) => kinds.includes(line));
  return lines.length > 0 || kinds.includes('violence') ? lines : ['suicide', 'poisoning'];
}

/** Topic buttons under an answer, before the phone: more would crowd a phone's screen. */
const MAX_TOPIC_BUTTONS = 3;

const CLARIFY_WORDINGS = ['ui.clarify', 'ui.clarify_again', 'ui.clarify_still'];

/**
 * Source lines already rendered, per translator (one per language and app): a line depends on its
 * sources and the content's texts only, and rendering one costs more than the rest of an answer.
 */
const renderedSourceLines = new WeakMap<Translate, Map<string, string>>();

/** Builds every reply the bot sends from content keys; no wording lives here. */
export class ReplyComposer {
  constructor(
    private readonly content: Content,
    private readonly t: Translate,
    private readonly language: Language,
  ) {}

  /**
   * The planned answer, an optional addition (such as whether Pitstop is open now), then the source.
   * An answer that was the likeliest reading, not a sure one (`alternatives` given, even none), first
   * names what it answers and offers the other readings as the first buttons; a reply that is no subject
   * ("that is not in the documents") speaks for itself and only offers them.
   */
  answer(plan: AnswerPlan, addition?: string, alternatives?: string[]): Reply {
    const text = this.t(plan.key, plan.variant ? { context: plan.variant } : undefined);
    const named = alternatives !== undefined && this.content.topicById.get(plan.topicId)?.kind !== 'reply';
    const lead = named ? this.t('ui.answering', { title: this.t(`topics.${plan.topicId}.title`) }) : undefined;
    const buttons = [...new Set([...(alternatives ?? []), ...plan.related])].filter((topicId) => topicId !== plan.topicId).slice(0, MAX_TOPIC_BUTTONS);
    return {
      text: [lead, text, addition, this.sourceLine(plan.sources)].filter(Boolean).join('\n\n'),
      actions: [...this.topicActions(buttons), this.callPitstop()],
      meta: {
        key: answeredKey(plan),
        language: this.language,
        topicId: plan.topicId,
        subjectId: plan.subjectId,
        ...(plan.aspect ? { aspect: plan.aspect } : {}),
      },
    };
  }

  /** A guide result: its own text, cited like the topic it leads to. */
  guideResult(resultKey: string, plan: AnswerPlan): Reply {
    return {
      text: `${this.t(resultKey)}\n\n${this.sourceLine(plan.sources)}`,
      actions: [...this.topicActions([plan.topicId, ...plan.related].slice(0, 3)), this.callPitstop()],
      meta: { key: resultKey, language: this.language, topicId: plan.topicId, subjectId: plan.subjectId },
    };
  }

  message(key: string, topics: string[] = [], withCall = false, variables?: Record<string, unknown>): Reply {
    return {
      text: this.t(key, variables),
      actions: [...this.topicActions(topics), ...(withCall ? [this.callPitstop()] : [])],
      meta: { key, language: this.language },
    };
  }

  /**
   * A flow's question with a button per answer (the guide, the booking), and the retry it sends when a reply is
   * none of them, with the same buttons: one place for a question's buttons and meta.
   */
  question(key: string, answers: string[], retryKey: string, text = this.t(key)): { prompt: Reply; retry: Reply } {
    const actions: ReplyAction[] = answers.map((title) => ({ kind: 'answer', title }));
    return {
      prompt: { text, actions, meta: { key, language: this.language } },
      retry: { text: this.t(retryKey), actions, meta: { key: retryKey, language: this.language } },
    };
  }

  /** "Did you mean…?", worded afresh the second and third time in a conversation, as a person would. */
  clarify(candidates: string[], earlier = 0): Reply {
    const wording = CLARIFY_WORDINGS[Math.min(earlier, CLARIFY_WORDINGS.length - 1)];
    return { ...this.message(wording, candidates), meta: { key: 'ui.clarify', language: this.language, candidates } };
  }

  /**
   * The emergency reply, first and alone: 112 at once, then Livslinien where suicide is in the message
   * and Giftlinjen where poisoning is; both when the danger's kind is unknown. Nothing that could make
   * anyone hesitate to call (Giftlinjen's questions belong in the anonymity answer).
   */
  crisis(kinds: CrisisKind[]): Reply {
    const lines = numbersFor(kinds);
    const call = (title: string, phone: string): ReplyAction => ({ kind: 'call', title: this.t(title), uri: telUri(phone) });
    const { phones } = this.content.facts;
    return {
      text: [this.t('crisis.acute.lead'), lines.map((line) => this.t(`crisis.acute.${line}`)).join('\n'), this.t('crisis.acute.closing')]
        .filter(Boolean)
        .join('\n\n'),
      actions: [
        call('crisis.buttons.call112', phones.emergency),
        ...(lines.includes('suicide') ? [call('crisis.buttons.callLivslinien', phones.livslinien)] : []),
        ...(lines.includes('poisoning') ? [call('crisis.buttons.callGiftlinjen', phones.giftlinjen)] : []),
      ],
      meta: { key: 'crisis.acute', language: this.language, crisis: kinds },
    };
  }

  /** One short line with the emergency numbers, sent before the answer to a worrying message. */
  concern(kinds: CrisisKind[]): Reply {
    const lines = kinds.filter((kind) => kind !== 'violence');
    return {
      text: [this.t('crisis.concern.lead'), ...lines.map((line) => this.t(`crisis.concern.${line}`))].join(' '),
      actions: [],
      meta: { key: 'crisis.concern', language: this.language, crisis: kinds },
    };
  }

  /**
   * "Kilde: <document>, afsnit «A» og «B»; <document>, afsnit «C»": each document named once, each section a
   * link to its passage on the document's page; nothing for a reply without sources.
   */
  sourceLine(sources: SourceRef[]): string {
    if (sources.length === 0) return '';
    let rendered = renderedSourceLines.get(this.t);
    if (!rendered) {
      rendered = new Map();
      renderedSourceLines.set(this.t, rendered);
    }
    const key = sources.map(({ doc, section }) => `${doc}#${section}`).join('|');
    const known = rendered.get(key);
    if (known !== undefined) return known;
    const line = this.renderSourceLine(sources);
    rendered.set(key, line);
    return line;
  }

  private renderSourceLine(sources: SourceRef[]): string {
    const sectionsByDocument = new Map<string, string[]>();
    for (const { doc, section } of sources) sectionsByDocument.set(doc, [...(sectionsByDocument.get(doc) ?? []), section]);
    const items = [...sectionsByDocument].map(([doc, sections]) =>
      this.t('ui.sourceItem', {
        count: sections.length,
        document: this.t(`sources.${doc}.title`),
        sections: new Intl.ListFormat(this.language, { type: 'conjunction' }).format(
          sections.map((section) => {
            const name = this.t('ui.sourceSection', { section: this.t(`sources.${doc}.sections.${section}`) }).replace(/[[\]]/g, '\\$&');
            return `[${name}](${sourceHref({ doc, section }, this.language)})`;
          }),
        ),
      }),
    );
    return `_${this.t('ui.source', { sources: items.join(this.t('ui.sourceSeparator')) })}_`;
  }

  private topicActions(topicIds: string[]): ReplyAction[] {
    return topicIds.map((topicId) => ({ kind: 'topic', topicId, title: this.t(`topics.${topicId}.title`) }));
  }

  private callPitstop(): ReplyAction {
    return { kind: 'call', title: this.t('ui.buttons.callPitstop'), uri: telUri(this.content.facts.phones.pitstop) };
  }
}
