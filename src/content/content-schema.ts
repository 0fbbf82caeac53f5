import { z } from 'zod';

export const LANGUAGES = ['da', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const ASPECTS = ['cost', 'duration', 'after', 'where', 'decides'] as const;
export type Aspect = (typeof ASPECTS)[number];

export const AUDIENCES = ['relative', 'staff'] as const;
export type Audience = (typeof AUDIENCES)[number];
/** What a message may name as the one's problem: drinking, or drugs of any kind (medicine misused among them). */
export const SUBSTANCES = ['alcohol', 'drugs'] as const;
export type Substance = (typeof SUBSTANCES)[number];
/**
 * Whom a message is about, by age: children (under 13, for whom Pitstop's treatment is not), young
 * people under 18 (who have their own help and guarantee), and adults.
 */
export const AGE_GROUPS = ['child', 'young', 'adult'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

/** The reading rules' name, in `from`, for a message no reading is sure of (so no topic may have this id). */
export const OUT_OF_SCOPE_READING = 'out_of_scope';

const id = z.string().regex(/^[a-z][a-z0-9_]*$/, 'ids are lowercase snake_case');

export const sourceRefSchema = z.object({ doc: id, section: id }).strict();
export type SourceRef = z.infer<typeof sourceRefSchema>;

const aspectSchema = z.enum(ASPECTS);

/** A topic's settings, as written at the top of its file (topics/<id>.yaml; the id is the file's name). */
const topicSettings = {
  /** `reply`: a reply the documents do not source (what is not in them, small talk), shown without a source line. */
  kind: z.enum(['answer', 'reply', 'guide', 'booking']),
  /** An aspect topic ("what does it cost?") answers for the subject in context when it can. */
  aspect: aspectSchema.optional(),
  sources: z.array(sourceRefSchema).default([]),
  related: z.array(id).max(3).default([]),
  /** Aspect answers this subject topic has of its own, with their sources. */
  aspects: z.partialRecord(aspectSchema, z.array(sourceRefSchema).min(1)).default({}),
  /** A way to a person: the answer also says whether Pitstop is open, when hours are configured. */
  handoff: z.boolean().default(false),
  /** Words that name this topic as the subject of a question, e.g. "dagbehandling". */
  mentions: z.array(z.string().min(2)).default([]),
  /**
   * A topic about many subjects (the law, Pitstop, young people, where to start): where a message names
   * a specific subject as well ("hvor gammel skal man være for at komme i *GIV*?"), the subject answers.
   */
  general: z.boolean().default(false),
  /**
   * The subjects this topic gives an overview of: a message that names several of them ("ambulant,
   * døgn og afgiftning – hvad findes der?"), or two with a word that compares, asks for the overview.
   */
  overviewOf: z.array(id).default([]),
  /**
   * A question every kind of help shares (is it anonymous, how long is the wait, how do I reach them): its
   * answer keeps the conversation's subject, so "hvad koster det?" after "er det anonymt?" about day
   * treatment still asks about day treatment.
   */
  keepsSubject: z.boolean().default(false),
};

/** Where a map holds only these keys, it is one text in each language ("da: …", "en: …"). */
const bilingualText = z.object({ da: z.string().min(1).optional(), en: z.string().min(1).optional() } satisfies Record<Language, unknown>).strict();

export interface BilingualTree {
  [key: string]: BilingualTree | Partial<Record<Language, string>>;
}
/** Texts with each language side by side under its key; a text missing in one language is found by validate-content. */
export const bilingualTreeSchema: z.ZodType<BilingualTree> = z.lazy(() =>
  z.record(
    z.string(),
    z.union([bilingualText, bilingualTreeSchema], {
      error: `a text is written with its languages under its key (${LANGUAGES.map((language) => `${language}: …`).join(', ')}); a group holds texts or groups`,
    }),
  ),
);

/** topics/<id>.yaml: the topic's settings and its texts (title, answer, aspect answers…). */
export const topicFileSchema = z
  .object({ ...topicSettings, texts: bilingualTreeSchema })
  .strict()
  .refine((topic) => topic.kind !== 'answer' || topic.sources.length > 0, {
    message: 'every answer names at least one source',
    path: ['sources'],
  });

/** A topic as the code uses it: its settings and its id (the file's name); its texts go to i18next. */
export type Topic = Omit<z.infer<typeof topicFileSchema>, 'texts'> & { id: string };

/** topics.yaml: which topics exist, in the order the classifier learns them, and the menus' buttons. */
export const topicIndexSchema = z
  .object({
    welcomeTopics: z.array(id).min(1),
    helpTopics: z.array(id).min(1),
    staffTopics: z.array(id).min(1),
    topics: z.array(id).min(1),
  })
  .strict();

/** A number written without quotes in YAML ("guaranteeDays: 14") is the same fact as "14". */
const factText = z.union([z.string(), z.number().transform(String)]);
const phoneNumber = factText.pipe(
  z.string().regex(/^\d{2,4}( \d{2,4})*$/, 'a phone number is digits, in groups of two to four with one space between, e.g. "20 69 28 33" or "2069 2833"'),
);

export const factsSchema = z
  .object({
    phones: z.record(id, phoneNumber),
    values: z.record(z.string().regex(/^[a-zA-Z]+$/), factText.pipe(z.string().min(1))),
  })
  .strict();
export type Facts = z.infer<typeof factsSchema>;

export const sourcesFileSchema = z.object({ documents: z.record(id, z.object({ file: z.string().min(1) }).strict()) }).strict();

const phraseList = z.array(z.string().trim().min(1)).min(1);

export const COMMANDS = [
  'help',
  'restart',
  'english',
  'danish',
  'greeting',
  'thanks',
  'goodbye',
  'acknowledge',
  'decline',
  'helpful',
  'notHelpful',
  'forget',
  'cancelBooking',
  'staffIntroduction',
] as const;
export type Command = (typeof COMMANDS)[number];

export const GUIDE_CUES = ['self', 'relative', 'professional', 'under13', 'teen', 'adult', 'drugs', 'alcohol', 'both', 'yes', 'no', 'unknown'] as const;
export type GuideCue = (typeof GUIDE_CUES)[number];

export const commandsFileSchema = z
  .object({
    commands: z.record(z.enum(COMMANDS), phraseList),
    /** Words that may stand beside small-talk phrases without making a message more than small talk ("fint *nok*"). */
    socialFillers: phraseList,
    /** How a message that names only another subject begins: "*og* døgn?", "*what about* detox?". */
    ellipsisCues: phraseList,
    /** Words that answer the guide's questions when typed instead of tapped ("min søn", "kokain", "ved ikke"). */
    guideAnswerCues: z.record(z.enum(GUIDE_CUES), phraseList),
    audienceCues: z.record(z.enum(AUDIENCES), phraseList),
    aspectCues: z.record(z.enum(ASPECTS), phraseList),
    /** Words that ask an aspect only as the whole message ("how much?", "og hvor?" after an answer): elsewhere they ask other things ("how much is too much"). Matched whole, so a "*" means nothing here. */
    bareAspectCues: z.partialRecord(z.enum(ASPECTS), phraseList),
    /** Words that compare subjects or ask an overview of them ("forskellen på ambulant og døgn", "et overblik over ambulant og døgn"): two subjects and one of these ask for the overview. */
    compareCues: phraseList,
    /** Matters the documents do not cover (sick leave, a driving licence, medicines by name, drug tests, staff names): where the reading is unsure, the honest "not in the documents" answers. */
    notInDocumentsCues: phraseList,
    /** A writer's own parent or sibling ("min far", "my sister"): with the writer's age, whether Projekt GIV is for them. */
    familyOfWriterCues: phraseList,
    /** The writer saying they use ("jeg ryger", "i do"): said of a drug in a few words without a question, as a drug named alone. */
    ownUseCues: phraseList,
    /** Treatment asked for beyond counselling ("ikke kun rådgivning", "not just talks"): with an anonymity word, anonymous treatment (§ 101 a). */
    beyondCounsellingCues: phraseList,
    /** Words for staying unnamed or unregistered ("anonymt", "uden mit navn", "not in the system"). */
    anonymityCues: phraseList,
    /** Words asking for the legal basis ("paragraf", "hvilken lov", "legal basis"): naming drugs and alcohol too, the staff's legal overview. */
    legalBasisCues: phraseList,
    /** A relative asking for talks for themselves ("kan jeg som søster få nogle samtaler", "even if she won't go"): help for relatives, not counselling for the user. */
    talksForRelativeCues: phraseList,
    /** Whether a subject reaches someone ("gælder den også for unge?", "how old do you have to be?"): asked about that subject, named or the one before. */
    subjectScopeCues: phraseList,
    /**
     * Per topic, words one of which a conversation's first message must have to be read as that topic (the help for
     * pregnant women and parents: a pregnancy, a child, a parent); a later message keeps its readings.
     */
    topicEvidenceCues: z.record(z.string(), phraseList),
    /** Words that liken one subject to another ("er døgnbehandling gratis *ligesom* den ambulante?"): the subject after them is not the one asked about. */
    likenessCues: phraseList,
    /** Names of Pitstop itself ("pitstop", "pit stop"): a question that names it, no kind of help and points back to nothing ("hvor ligger pitstop?", not "er det gratis hos pitstop?") is about Pitstop, no longer about the subject of the answer before. */
    pitstopNames: phraseList,
    /** Whole messages that only ask again about what was just answered: whether it exists ("findes der det?", "do you have that?") or whether it is so ("er du sikker?", "is that right?"); answered by that topic again. */
    askAgainCues: phraseList,
    /** A relative asking help for themselves ("til mig som mor", "can we get", "pårørende"): not the young person's help. */
    helpForWriterCues: phraseList,
    /** Words that are words without vowels ("kr", "tlf", "hhv", "ptsd"): never read as a word whose vowels were left out ("kstr" for "koster"). */
    vowellessWords: phraseList,
    /**
     * Words that say what a message asks more surely than the classifier's neighbours: where one of `cues` is
     * in a message (of at most `maxWords` words) whose leading reading is one of `from`, `topic` answers, the
     * readings it replaced as buttons; where no rule reads the leading reading, a rule also settles a tie between
     * its `topic`, leading, and one of `from`; `from` may name "out_of_scope" for a message no reading is sure of.
     * `why` says for the content editor what the rule is for. With `after`, the rule reads a follow-up: it holds
     * only where the question before was answered by one of those topics. With `ageGroups`, it holds only where the
     * message or the conversation gives the age of someone in one of those groups ("[min datter er 13] kan hun gå hos
     * jer?"). With `audiences`, only where the message or the conversation is written for someone of that audience
     * (a relative: "[is there help for my brother, he drinks] and for me?").
     */
    readingRules: z.array(
      z
        .object({
          why: z.string().min(1),
          topic: z.string(),
          from: z.array(z.string()).min(1),
          cues: phraseList,
          // One of these must be in the message too: "er der noget for ham" answers the alcohol help only where
          // the writer's own parent drinks ("min far drikker"), not where the help asked for is a child's.
          withCues: phraseList.optional(),
          // None of these may be: "børn af misbrugere" asks about Projekt GIV, "voksne børn af misbrugere" does not.
          unlessCues: phraseList.optional(),
          maxWords: z.number().int().positive().optional(),
          after: z.array(z.string()).min(1).optional(),
          ageGroups: z.array(z.enum(AGE_GROUPS)).min(1).optional(),
          audiences: z.array(z.enum(AUDIENCES)).min(1).optional(),
        })
        .strict(),
    ),
  })
  .strict();

export type ReadingRule = z.infer<typeof commandsFileSchema>['readingRules'][number];

/** Labels the classifier learns besides the topics: a crisis and "not something I answer". */
export const CRISIS_LABEL = 'crisis';
export const NONE_LABEL = 'none';

export const examplesFileSchema = z.record(id, phraseList);

export interface LocaleTree {
  [key: string]: string | LocaleTree;
}
