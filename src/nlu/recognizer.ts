import { groupedBy } from '../base/lists-by-key';
import { entriesOf } from '../base/records';
import { findBookingCode } from '../booking/booking-code';
import { aspectTopic } from '../content/content';
import {
  ASPECTS,
  type Aspect,
  type Audience,
  type Command,
  CRISIS_LABEL,
  LANGUAGES,
  type Language,
  NONE_LABEL,
  OUT_OF_SCOPE_READING,
  type ReadingRule,
  SUBSTANCES,
  type Substance,
  type Topic,
} from '../content/content-schema';
import type { CrisisKind } from '../content/crisis-schema';
import { withFacts } from '../content/fact-variables';
import type { Content } from '../content/load-content';
import { textAt } from '../content/locale-tree';
import { substanceCues } from '../content/substance-cues';
import { withoutDataSentences, withoutPlaceholders } from '../privacy/redact-personal-data';
import { fold, foldedWords } from '../text/fold';
import { sentencesWithMarks } from '../text/sentences';
import { ADULT_FROM, type AgeGroup, ageGroupOf, ageGroupOfAge, isUnderAge, writerAgeOf, YOUNG_ADULT_TO } from './age-group';
import { BackedOffClassifier, type TopicReader } from './backed-off-classifier';
import { type CrisisClassifier, trainCrisisClassifier } from './crisis-classifier';
import { type CrisisAssessment, type CrisisDetector, NO_CRISIS } from './crisis-detector';
import { cachedCrisisDetector } from './crisis-patterns-cache';
import { KnownWords } from './known-words';
import { LANGUAGE_OF_REQUEST, languageRequest } from './language-request';
import { LawSections } from './law-sections';
import { cachedClassifier } from './model-cache';
import { PhraseMatcher } from './phrase-matcher';
import { QUESTION_OPENINGS, QUESTION_WORDS, REFUSING_WORDS } from './question-words';
import { SocialTurns } from './social-turns';
import type { Evidence, LabelledText, Prediction } from './softmax-classifier';
import { TopicsNeedingEvidence } from './topics-needing-evidence';
import { VowellessWords } from './vowelless-words';

export type Intent =
  | { kind: 'empty' }
  | { kind: 'crisis'; kinds: CrisisKind[] }
  | { kind: 'command'; command: Command }
  | { kind: 'bookingCode'; code: string; cancel: boolean }
  /** `alternatives`: readings that came close, offered beside a leader that was not certain. */
  | { kind: 'topic'; topicId: string; confidence: number; alternatives?: string[] }
  | { kind: 'clarify'; candidates: string[] }
  | { kind: 'out_of_scope' };

export interface Recognition {
  intent: Intent;
  /** How urgent the message is; an acute one is also the intent, a concern comes before the answer. */
  crisis: CrisisAssessment;
  /** A topic the message names as its subject ("what does *day treatment* cost?"). */
  subjectId?: string;
  /** Who the writer speaks for, when the message says so ("my son", "as a social worker"). */
  audience?: Audience;
  /** What the message asks about its subject: "what does it *cost*", "how *long*". */
  aspect?: Aspect;
  /**
   * How the classifier read the message, led by the topic answered, to read a follow-up with; absent for
   * commands, codes, emergencies and questions asked back.
   */
  reading?: Reading;
  /** What the message's words said to the classifier (label scores, never words), to read a follow-up with. */
  evidence?: Evidence;
  /** A few words naming only a subject ("og døgn?", "what about detox?"): it asks what was just asked, of that subject. */
  elliptical?: true;
  /** The age group of the person the message is about ("min søn på 17"), never the age. */
  ageGroup?: AgeGroup;
  /** The age group of the writer, where they give their age ("jeg er 16"), never the age. */
  writerAgeGroup?: AgeGroup;
  /** A few words only ("og bagefter?"): it leans on the conversation for what it is about. */
  brief?: true;
  /** A short question ("hvem bestemmer om man får det?") that may ask an aspect of the conversation's subject. */
  short?: true;
  /** What the message says is used: alcohol and no drug, or drugs; absent where it names neither. */
  substance?: Substance;
  /** The message names Pitstop itself and points back to nothing ("hvor ligger pitstop?", not "er det gratis hos pitstop?"). */
  namesPitstop?: true;
  /** The reply language asked for beside a question ("sorry can you say that in english, is it free?"). */
  language?: Language;
}

/** What the conversation already knows, to read a message with: how the last question was read, and whose age group. */
export interface ConversationContext {
  previous?: Reading;
  /** What the last message read by the classifier said, so a follow-up can be read as if written together with it. */
  said?: Evidence;
  ageGroup?: AgeGroup;
  /** Who the conversation has shown the writer to be ("min bror er på speed" earlier: a relative). */
  audience?: Audience;
  /**
   * The writer's own age group, said earlier ("jeg er 16 og ryger fed"): "ved mine forældre det?" is not a relative's,
   * and "what help is there for me?" is asked by a young person.
   */
  writerAgeGroup?: AgeGroup;
  /** What the conversation has said is used ("min mand drikker", then "hvad kan han få?": help for alcohol). */
  substance?: Substance;
}

/** Longer than this, a message that names a profession tells more than who writes. */
const INTRODUCTION_MAX_WORDS = 10;
/** Words that ask for something even without a question word ("jeg er lærer og vil gerne henvise en elev"). */
const REQUEST_WORDS: ReadonlySet<string> = new Set(
  foldedWords('vil ville skal kan kunne må bør gerne brug behov hjælp hjælpe henvise henvisning want would need can could should may help refer referral'),
);

/** Words with which writers say who they are ("jeg er lærer", "as a caseworker"), not whom they have ("my caseworker"). */
const SELF_INTRODUCTION = PhraseMatcher.of([
  'jeg er',
  'jeg arbejder',
  'vi er',
  'vi arbejder',
  'som',
  'i am',
  "i'm",
  'im',
  'i work',
  'we are',
  'we work',
  'as a',
  'as an',
]);

/** A short message with no question mark, question word or request: it says something, it asks nothing yet. */
function asksNothing(text: string, words: readonly string[]): boolean {
  return words.length <= INTRODUCTION_MAX_WORDS && !text.includes('?') && !words.some((word) => QUESTION_WORDS.has(word) || REQUEST_WORDS.has(word));
}

/** A content reading rule with its readings and cue lists made ready to search. */
interface ReadingRuleEntry {
  rule: ReadingRule;
  from: ReadonlySet<string>;
  cues: PhraseMatcher<true>;
  withCues?: PhraseMatcher<true>;
  unlessCues?: PhraseMatcher<true>;
}

/** General readings that, for a young person, are answered by the help for young people. */
const YOUNG_READINGS = new Set(['treatment_types', 'get_help']);
const YOUNG_TOPIC = 'young';
const COUNSELLING_TOPIC = 'counselling';
const ANONYMOUS_TREATMENT_TOPIC = 'anonymous_treatment';
const RELATIVES_TOPIC = 'relatives';
const GIV_TOPIC = 'projekt_giv';
const NOT_IN_DOCUMENTS_TOPIC = 'not_in_documents';
const OVERDOSE_HELP_TOPIC = 'overdose_help';

/** A message's likeliest topics with their probabilities: what a follow-up is read together with. */
export type Reading = Array<[label: string, probability: number]>;

/** A follow-up that leans on the question before it is short ("og døgn?", "can he get it at his age?"). */
const FOLLOW_UP_MAX_WORDS = 12;
/**
 * Words that point back to what was just answered ("laver pitstop *det* selv?", "who writes *it*?"); not
 * "der"/"there", which mostly open a question ("er der noget for min familie?", "is there parking?").
 */
const BACK_REFERENCES: ReadonlySet<string> = new Set('det den dem deres derude derhen derinde it that them this those its'.split(' '));

function pointsBack(words: readonly string[]): boolean {
  return words.some((word) => BACK_REFERENCES.has(word));
}
/**
 * Read together with the message before it, that message's words count this much of what they did: a follow-up asks
 * its own question about the same matter (chosen on rounds 1-27 and the readers' questions: 0.6 alike, 0.5 and 0.75-0.9
 * worse).
 */
const EARLIER_SHARE = 0.67;
/** Never kept of a message: a record that it looked like an emergency is not worth keeping. */
const UNKEPT_LABELS: ReadonlySet<string> = new Set([CRISIS_LABEL]);
/** How much the question before counts beside the follow-up itself... */
const PREVIOUS_WEIGHT = 0.6;
/** ...and where the follow-up points back to it: as much (chosen on rounds 1-13: 0.8-1.2 alike, 1.5 and 2 worse). */
const BACK_REFERENCE_WEIGHT = 1;
const READING_TOPICS = 3;
/** Sentences tried one by one in a message unclear as a whole: a 2 000-character message holds about this many. */
const MAX_SENTENCES = 16;
const MIN_SENTENCE_WORDS = 2;
/** A question sentence this long may say on its own what a long message asks. */
const QUESTION_MIN_WORDS = 5;
/** "is there anything for that?", "hvad gør man ved det?": a question this short that points back asks nothing alone. */
const POINTING_BACK_MAX_WORDS = 7;
/** "og døgn?", "hvad med dagbehandling?", "and residential?": a cue, a subject and little else. */
const ELLIPTICAL_MAX_WORDS = 5;
/** "og døgn?", "hvad med hvis det er døgn?": after the cue, a subject and a few small words. */
const ELLIPTICAL_MAX_AFTER_CUE = 4;
/** "ligesom *den ambulante*", "the same as *outpatient*": a subject this many words after a likeness cue is likened to. */
const LIKENED_MAX_DISTANCE = 3;
/** "Og for min søn på 15?", "hva med unge under 18 år": a little longer than a subject named alone. */
const AND_ALSO_MAX_WORDS = 7;
/** Up to this many words, a question about an aspect that names no subject may be about the conversation's. */
const ASPECT_FOLLOW_UP_MAX_WORDS = 8;
/** "ambulant, dag, døgn og afgiftning, hvad findes der?": naming this many kinds of help asks for the overview. */
const OVERVIEW_MIN_NAMED = 3;

/**
 * Thresholds on the classifier's probability. Above ANSWER with a clear MARGIN to the runner-up the
 * bot answers. A reading that LEADS (at least LEAD, and LEAD_RATIO times the runner-up) is answered as
 * a person would, naming what it answers and offering the close runner-ups as buttons. Only where
 * readings truly tie are topics above CANDIDATE offered as a question, when the best is at least
 * CLARIFY. Emergencies are the crisis detector's, not the classifier's.
 */
export const THRESHOLDS = { answer: 0.45, margin: 0.15, lead: 0.3, leadRatio: 1.25, candidate: 0.08, clarify: 0.15, none: 0.4, maxCandidates: 3 };
export type Thresholds = typeof THRESHOLDS;

/**
 * What the classifier's ranking means for the reply: answer, ask which topic, or say it is out of scope.
 * `offerable` says which topics may stand as buttons (a reply such as "not in the documents" may not).
 */
export function decideIntent(predictions: Prediction[], thresholds: Thresholds = THRESHOLDS, offerable: (label: string) => boolean = () => true): Intent {
  const [best, runnerUp] = predictions.filter((prediction) => prediction.label !== CRISIS_LABEL);
  if (best.label === NONE_LABEL && best.probability >= thresholds.none) return { kind: 'out_of_scope' };
  if (best.label !== NONE_LABEL && best.probability >= thresholds.answer && best.probability - runnerUp.probability >= thresholds.margin) {
    return { kind: 'topic', topicId: best.label, confidence: best.probability };
  }
  const candidates = predictions
    .filter((prediction) => prediction.label !== NONE_LABEL && prediction.label !== CRISIS_LABEL && offerable(prediction.label))
    .filter((prediction) => prediction.probability >= thresholds.candidate)
    .slice(0, thresholds.maxCandidates)
    .map((prediction) => prediction.label);
  // A leader, or the only topic to offer (unless the message may be about nothing we answer): asking
  // "did you mean X?" about one topic is no question.
  const alone = candidates.length === 1 && candidates[0] === best.label && runnerUp.label !== NONE_LABEL;
  if (best.label !== NONE_LABEL && best.probability >= thresholds.lead && (best.probability >= thresholds.leadRatio * runnerUp.probability || alone)) {
    return { kind: 'topic', topicId: best.label, confidence: best.probability, alternatives: candidates.filter((label) => label !== best.label) };
  }
  // A question is worth asking only between readings, and only when the likeliest is at least plausible or
  // the message is surely about something we answer ("stoffer": nothing else is likely, so it is asked about
  // rather than called unclear). A plausible topic with no other to offer, clearly likelier than nothing we
  // answer, is answered, its opening line saying what it answers.
  const nothing = predictions.find((prediction) => prediction.label === NONE_LABEL)?.probability ?? 0;
  const inField = candidates.length >= 2 && nothing < thresholds.candidate;
  if (candidates.length === 0 || (best.probability < thresholds.clarify && !inField)) return { kind: 'out_of_scope' };
  const only = candidates.length === 1 && candidates[0] === best.label && best.probability >= thresholds.leadRatio * nothing;
  return only ? { kind: 'topic', topicId: best.label, confidence: best.probability, alternatives: [] } : { kind: 'clarify', candidates };
}

/**
 * A drug named and nothing else ("hash", "kokain", "stoffer") asks for no one thing: where to get help, the kinds
 * of help and when use is a problem are offered to choose from (the classifier, trained on whole questions,
 * leaned to "not in the documents", whose questions name drugs most).
 */
const BARE_DRUG_READINGS = ['get_help', 'treatment_types', 'what_is_abuse'];
const BARE_DRUG_MAX_WORDS = 2;
/** Up to this many words, the writer saying they use a drug, and nothing more, is read as the drug named alone. */
const OWN_USE_MAX_WORDS = 8;
/** A reading barely past the answer line ("i do too much coke" as the fees at 0.46: "too much" as "how much") does not outweigh the drug named. */
const OWN_USE_SURE = 0.6;

/**
 * Readings that, where a message names alcohol and no drug ("hvor kan jeg snakke med nogen om mit druk"),
 * the help for alcohol problems answers: Pitstop's counselling and treatment are for drugs (SEL § 101),
 * alcohol treatment is under Sundhedsloven § 141 with its own anonymous counselling.
 */
const ALCOHOL_READINGS = new Set(['treatment_types', 'get_help', 'counselling', 'outpatient']);
const ALCOHOL_TOPIC = 'alcohol';
/** Words that deny the substance named right after them ("ikke stoffer", "not drugs", "det er ikke alkohol"). */
const DENIALS: ReadonlySet<string> = new Set(foldedWords('ikke ik ikk ingen aldrig not no never'));
/** Words that make a denial a widening ("ikke kun alkohol", "not just drugs"): the substance stays named. */
const ONLY_WORDS: ReadonlySet<string> = new Set(foldedWords('kun bare blot only just'));

/** Answers about the writer's family, after which help may be asked for the one who drinks. */
const FAMILY_HELP_TOPICS: ReadonlySet<string> = new Set(['relatives', 'projekt_giv']);
const THIRD_PERSON: ReadonlySet<string> = new Set(foldedWords('han hun ham hende he she him her'));
const FIRST_PERSON: ReadonlySet<string> = new Set(foldedWords('jeg mig vi os i me we us myself ourselves'));
/** Words that ask for help or treatment ("hvor kan hun få hjælp", "what can she get"). */
const HELP_WORDS: ReadonlySet<string> = new Set(foldedWords('hjælp help behandling treatment få get'));

/**
 * A question of help for him or her, not the writer: "hvor kan hun få hjælp", "what can she get", not "hvordan
 * hjælper jeg hende" nor "hvordan kommer hun med?" (into Projekt GIV).
 */
function asksHelpForSomeoneElse(words: readonly string[]): boolean {
  return words.some((word) => THIRD_PERSON.has(word)) && words.some((word) => HELP_WORDS.has(word)) && !words.some((word) => FIRST_PERSON.has(word));
}

/** What a question for help answers where alcohol was named only to deny it and nothing else is read. */
const KINDS_OF_HELP_TOPIC = 'treatment_types';

function alcoholFirst(intent: Intent, alcoholOnly: boolean, drugs: boolean, alcoholDenied: boolean): Intent {
  // Where drugs are the conversation's and the message names no alcohol, a mere lead for the help for alcohol
  // problems (carried from the answer before) yields to the next reading ("hvilken hjælp kan han få?"); so does a
  // sure one where alcohol was named only to deny it ("ikke alkohol men hash. hvad kan man få af hjælp").
  if (drugs && intent.kind === 'topic' && intent.topicId === ALCOHOL_TOPIC && (intent.alternatives?.length || alcoholDenied)) {
    const [next = KINDS_OF_HELP_TOPIC, ...rest] = intent.alternatives ?? [];
    return { kind: 'topic', topicId: next, confidence: 0, alternatives: [ALCOHOL_TOPIC, ...rest] };
  }
  if (!alcoholOnly) return intent;
  // Asked between readings led by alcohol or one it answers: the help for alcohol problems.
  if (intent.kind === 'clarify' && (intent.candidates[0] === ALCOHOL_TOPIC || ALCOHOL_READINGS.has(intent.candidates[0]))) {
    return { kind: 'topic', topicId: ALCOHOL_TOPIC, confidence: 0, alternatives: intent.candidates.filter((id) => id !== ALCOHOL_TOPIC) };
  }
  if (intent.kind !== 'topic' || !ALCOHOL_READINGS.has(intent.topicId)) return intent;
  return { kind: 'topic', topicId: ALCOHOL_TOPIC, confidence: intent.confidence, alternatives: [intent.topicId] };
}

/** "Min søn på 17 …, hvad kan han få af hjælp?": for a young person, the help for young people answers. */
function youngFirst(intent: Intent, ageGroup: AgeGroup | undefined): Intent {
  if (ageGroup !== 'young' || intent.kind !== 'topic' || !YOUNG_READINGS.has(intent.topicId)) return intent;
  return { kind: 'topic', topicId: YOUNG_TOPIC, confidence: intent.confidence, alternatives: [intent.topicId] };
}

/**
 * A relative's question about someone aged 13 to 17 ("min søn på 15 ryger hash, hvad kan vi gøre?", "he's only 16,
 * does that apply to him too?") asks the help for young people, which has a version for relatives; a relative who
 * asks help for themselves ("til mig som mor", "can we get support") stays with the help for relatives.
 */
function minorsHelpFirst(intent: Intent, ageGroup: AgeGroup | undefined, writerAge: number | undefined, forWriter: () => boolean): Intent {
  if (ageGroup !== 'young' || writerAge !== undefined || intent.kind !== 'topic' || intent.topicId !== RELATIVES_TOPIC) return intent;
  return forWriter() ? intent : chosenTopic(intent, YOUNG_TOPIC);
}

/** Readings the help for young people may be torn with where a message names someone under 18. */
const YOUNG_TIE_READINGS = new Set([...YOUNG_READINGS, RELATIVES_TOPIC]);

/**
 * A message that names a young person's age, 13 to 17 ("min søn på 17 ryger hash hver dag"), and is torn between
 * the help for young people, leading, and next help for relatives or in general is answered with the help for young
 * people (it has a version for relatives); the other readings stay as buttons. Only the next reading counts: a tie
 * with a matter outside the documents, or one young people do not lead, stays a question.
 */
function youngTieSettled(intent: Intent, ageGroup: AgeGroup | undefined): Intent {
  if (ageGroup !== 'young' || intent.kind !== 'clarify') return intent;
  const [lead, next] = intent.candidates;
  return lead === YOUNG_TOPIC && next !== undefined && YOUNG_TIE_READINGS.has(next) ? chosenTopic(intent, YOUNG_TOPIC) : intent;
}

const PITSTOP_TOPIC = 'pitstop';
/** "Hvad er pitstop?": a question this short that opens with one of these words asks only what Pitstop is. */
const DEFINITION_MAX_WORDS = 4;
const DEFINITION_OPENINGS: ReadonlySet<string> = new Set(foldedWords('hvad hva what whats'));

/**
 * Whether Pitstop is for a drinker ("hvad så med min mand, han er 58 og drikker" after "er pitstop for unge?", "is
 * Pitstop the right place?" about a husband who drinks) is answered by the help for alcohol problems, which says
 * where drinking is treated (Pitstop is for drugs), with Pitstop as a button; a plain "hvad er pitstop?" is not.
 */
function pitstopForDrinking(intent: Intent, alcoholAsked: boolean, words: readonly string[]): Intent {
  if (!alcoholAsked || intent.kind !== 'topic' || intent.topicId !== PITSTOP_TOPIC) return intent;
  const definition = words.length <= DEFINITION_MAX_WORDS && DEFINITION_OPENINGS.has(words[0]);
  return definition ? intent : chosenTopic(intent, ALCOHOL_TOPIC);
}

/** The help an adult may ask about instead; Pitstop itself where the reading names none. */
const ADULT_HELP_READINGS = new Set(['outpatient', PITSTOP_TOPIC, COUNSELLING_TOPIC, 'treatment_types', 'get_help', ANONYMOUS_TREATMENT_TOPIC]);

/**
 * "Er Pitstop kun for unge? Jeg er 38": a writer past young adulthood, asking for themselves (no younger
 * person named, not as a relative or staff), asks about the help for adults, the next likeliest reading
 * (the help for young people stays as a button).
 */
function adultNotYoung(intent: Intent, writer: { age?: number; asksForSelf: boolean }, reading: Reading | undefined): Intent {
  const { age, asksForSelf } = writer;
  if (age === undefined || age <= YOUNG_ADULT_TO || !asksForSelf || intent.kind !== 'topic' || intent.topicId !== YOUNG_TOPIC) return intent;
  const next = reading?.find(([label]) => ADULT_HELP_READINGS.has(label))?.[0] ?? PITSTOP_TOPIC;
  return { kind: 'topic', topicId: next, confidence: intent.confidence, alternatives: [YOUNG_TOPIC] };
}

/** How likely the fees must be read to answer a cost question in place of a topic with no text on cost. */
const FEES_MIN_PROBABILITY = 0.1;

/**
 * Cost asked of a general topic, which has no text on it ("er pitstop gratis eller hvad"), is answered by the fees,
 * with the topic as a button, where the classifier reads the fees as likely too. Only cost: its words are plain
 * ("gratis", "koster"), while "hvor lang tid" asks a waiting time as often as a length; and only a general topic
 * (a specific one, such as free choice, is asked about itself).
 */
function costTopicFirst(intent: Intent, aspect: Aspect | undefined, content: Content, reading: Reading | undefined): Intent {
  if (aspect !== 'cost' || intent.kind !== 'topic') return intent;
  const topic = content.topicById.get(intent.topicId);
  const fees = aspectTopic(content, aspect);
  if (!topic?.general || !fees || topic.aspects[aspect]) return intent;
  const likely = reading?.some(([label, probability]) => label === fees.id && probability >= FEES_MIN_PROBABILITY);
  return likely ? { kind: 'topic', topicId: fees.id, confidence: 0, alternatives: [topic.id] } : intent;
}

/**
 * A tie between an aspect's own topic and a subject the message names, where that subject has its own text for
 * the aspect ("er det rigtigt at døgnbehandling er gratis?": fees or residential), is that text: it answers both.
 */
function subjectCellFirst(intent: Intent, aspect: Aspect | undefined, namedSubjects: string[], content: Content): Intent {
  if (intent.kind !== 'clarify' || intent.candidates.length !== 2 || !aspect) return intent;
  const general = aspectTopic(content, aspect);
  if (!general || !intent.candidates.includes(general.id)) return intent;
  const subjectId = intent.candidates.find((id) => id !== general.id && namedSubjects.includes(id) && content.topicById.get(id)?.aspects[aspect]);
  return subjectId ? { kind: 'topic', topicId: subjectId, confidence: 0, alternatives: [general.id] } : intent;
}

/** The ages Projekt GIV is for, from the facts ("8–24"). */
function givAgesOf(facts: Content['facts']): { from: number; to: number } {
  const [from, to] = (facts.values.givAges ?? '').match(/\d+/g)?.map(Number) ?? [];
  if (from === undefined || to === undefined) throw new Error('facts.values.givAges must give two ages, e.g. "8–24"');
  return { from, to };
}

/**
 * Whose help a relative asks for, by the writer's own age: "jeg er 16 og min far tager kokain, er der noget
 * for mig?" is Projekt GIV (for children and young people in such families); "my dad drank all my life, I'm
 * 34 now" is help for relatives, as GIV's ages are past.
 */
function familyYouthFirst(intent: Intent, writerAge: number, namesFamily: boolean, familyAsked: boolean, giv: { from: number; to: number }): Intent {
  if (intent.kind !== 'topic' && intent.kind !== 'clarify') return intent;
  const readings = readingsOf(intent).slice(0, intent.kind === 'topic' ? 1 : undefined);
  const asRelative = namesFamily && (readings.includes(RELATIVES_TOPIC) || readings.includes(GIV_TOPIC));
  // After a question about someone's use, a minor's "jeg er 15, er der noget for mig?" asks as the child of a
  // family with a problem (a minor's relative is most likely a parent or sibling), not as a young user.
  const minorAfterFamily = familyAsked && writerAge < ADULT_FROM && [YOUNG_TOPIC, RELATIVES_TOPIC, GIV_TOPIC].some((id) => readings.includes(id));
  if ((asRelative || minorAfterFamily) && writerAge >= giv.from && writerAge <= giv.to) return chosenTopic(intent, GIV_TOPIC);
  // Past GIV's ages, the child of a family with a problem asks as a relative, whether the family is named here or was
  // asked about just before ("min far drikker hver dag", then "jeg er 30, er der noget for mig?").
  if ((namesFamily || familyAsked) && readings.includes(GIV_TOPIC) && writerAge > giv.to) return chosenTopic(intent, RELATIVES_TOPIC);
  return intent;
}

/** Readings that treatment asked for beyond counselling, unnamed, turns into anonymous treatment. */
const ANONYMITY_TOPIC = 'anonymity';
const ANONYMOUS_TREATMENT_READINGS = new Set([COUNSELLING_TOPIC, ANONYMITY_TOPIC, ANONYMOUS_TREATMENT_TOPIC]);
/**
 * And those it turns where the message itself asks for anonymity, not only the answer before: the length of a
 * treatment, the kinds of help ("findes der et længere forløb hvor ingen ved hvem jeg er?"); after the anonymity answer,
 * "hvor lang tid varer et længere forløb?" asks how long.
 */
const ANONYMOUS_TREATMENT_READINGS_ASKED = new Set([...ANONYMOUS_TREATMENT_READINGS, 'duration', 'outpatient', 'treatment_types', 'get_help']);
const STAFF_LEGAL_TOPIC = 'staff_legal';
/** The reading a question about a law gets before the subject it is about is known. */
const LEGAL_BASIS_READINGS = new Set([STAFF_LEGAL_TOPIC]);
/** Readings that a question about the legal basis of drug and alcohol treatment turns into the staff's legal overview. */
const STAFF_LEGAL_READINGS = new Set([ALCOHOL_TOPIC, 'treatment_types', 'get_help', 'outpatient', 'substitution', STAFF_LEGAL_TOPIC]);
const GUARANTEE_TOPIC = 'guarantee';
/**
 * Readings that a relative's "is there anything for me?" turns into help for relatives; frustration too, as a
 * relative's "hvad med mig, det er et helvede" asks for help, not about the guide's answers.
 */
const TALKS_FOR_RELATIVE_READINGS = new Set([
  COUNSELLING_TOPIC,
  'treatment_types',
  'get_help',
  'outpatient',
  'fees',
  ALCOHOL_TOPIC,
  'guide',
  YOUNG_TOPIC,
  'frustration',
]);
/** Subjects whose reach (ages, alcohol, who may come, how many talks) a follow-up may ask about. */
const SCOPE_FOLLOW_UP_READINGS = new Set([
  GUARANTEE_TOPIC,
  GIV_TOPIC,
  'outpatient',
  COUNSELLING_TOPIC,
  ANONYMOUS_TREATMENT_TOPIC,
  'day_treatment',
  'residential',
  'detox',
  'free_choice',
  'substitution',
  'aftercare',
  RELATIVES_TOPIC,
]);

/** Words for young people as a group ("og for unge?", "even for teens?"), folded. */
const YOUNG_PEOPLE: ReadonlySet<string> = new Set(foldedWords('unge teens teenagers teenagere mindreårige minors youngsters'));

/** Whom or what a subject's own answer says it reaches, so "gælder det også for …?" after it is about it. */
const REACHES: Readonly<Record<string, ReadonlySet<string>>> = {
  [GUARANTEE_TOPIC]: new Set([ALCOHOL_TOPIC, YOUNG_TOPIC]),
  [GIV_TOPIC]: new Set([ALCOHOL_TOPIC]),
  [RELATIVES_TOPIC]: new Set([ALCOHOL_TOPIC]),
  // Its answer says there is no free choice between the two ("gælder det også mellem dag og døgn?").
  free_choice: new Set(['day_treatment', 'residential']),
};

/** The topic a rule chose, with the readings it replaced as buttons. */
function chosenTopic(intent: Extract<Intent, { kind: 'topic' | 'clarify' }>, topicId: string): Intent {
  if (intent.kind === 'topic' && intent.topicId === topicId) return intent;
  const readings = intent.kind === 'topic' ? [intent.topicId, ...(intent.alternatives ?? [])] : intent.candidates;
  return {
    kind: 'topic',
    topicId,
    confidence: intent.kind === 'topic' ? intent.confidence : 0,
    alternatives: readings.filter((id) => id !== topicId).slice(0, THRESHOLDS.maxCandidates),
  };
}

/** The readings an intent weighs: the answer and its buttons, or the candidates asked about. */
function readingsOf(intent: Intent): string[] {
  if (intent.kind === 'topic') return [intent.topicId, ...(intent.alternatives ?? [])];
  return intent.kind === 'clarify' ? intent.candidates : [];
}

/**
 * Whether the reading that leads (the answer, or the first reading asked about) is one of `from`.
 */
function leadsWith(intent: Intent, from: ReadonlySet<string>): intent is Extract<Intent, { kind: 'topic' | 'clarify' }> {
  if (intent.kind === 'topic') return from.has(intent.topicId);
  return intent.kind === 'clarify' && intent.candidates.length > 0 && from.has(intent.candidates[0]);
}

/** Where `when` holds and a reading of `from` leads, `topicId` answers instead, the readings it replaced as buttons. */
function replaceLeading(intent: Intent, when: boolean, from: ReadonlySet<string>, topicId: string): Intent {
  return when && leadsWith(intent, from) ? chosenTopic(intent, topicId) : intent;
}

/**
 * A message about a matter the documents do not cover ("kan jeg blive sygemeldt…", "will they give me
 * librium?") that the classifier reads unsurely gets the honest "not in the documents" answer, with the
 * readings it leaned to as buttons; a sure reading still answers.
 */
function notInDocumentsFirst(intent: Intent, outside: boolean): Intent {
  // The answer that says to call 112 when someone took too much is never replaced.
  if (!outside || (intent.kind === 'topic' && intent.topicId === OVERDOSE_HELP_TOPIC)) return intent;
  if (intent.kind === 'out_of_scope') return { kind: 'topic', topicId: NOT_IN_DOCUMENTS_TOPIC, confidence: 0, alternatives: [] };
  // A sure reading (no runner-ups) still answers.
  if (intent.kind === 'clarify' || (intent.kind === 'topic' && intent.alternatives !== undefined)) return chosenTopic(intent, NOT_IN_DOCUMENTS_TOPIC);
  return intent;
}

/**
 * "Hvilken dosis får man typisk?" after substitution treatment: where the documents do not say, what they say of the
 * subject asked about before stays a button.
 */
function subjectBeforeOffered(intent: Intent, subjectBefore: string | undefined): Intent {
  if (subjectBefore === undefined || intent.kind !== 'topic' || intent.topicId !== NOT_IN_DOCUMENTS_TOPIC || intent.alternatives?.includes(subjectBefore)) {
    return intent;
  }
  return { ...intent, alternatives: [subjectBefore, ...(intent.alternatives ?? [])] };
}

/** Sentences with their end marks ("Jeg er 34. Hvordan klager jeg?" → two), so a question keeps its "?"; a word or two ("a.b.") is no sentence. */
function sentencesOf(text: string): string[] {
  return sentencesWithMarks(text).filter((sentence) => foldedWords(sentence).length >= MIN_SENTENCE_WORDS);
}

/** The words after an "ok" or a greeting ask a question of their own: a question word first and a few words after it. */
const OWN_QUESTION_MIN_WORDS = 4;
function asksAtLength(rest: string | undefined): boolean {
  const words = foldedWords(rest ?? '');
  return words.length >= OWN_QUESTION_MIN_WORDS && QUESTION_OPENINGS.has(words[0]);
}

/** Words of a remark that says an answer helped or was good to get ("et sted at starte", "det var rart", "that helps"). */
const CLOSING_REMARK_WORDS: ReadonlySet<string> = new Set(
  foldedWords('start starte begynde hjalp hjulpet hjælper godt rart dejligt lettet lettere nice helps helped helpful great relieved sense'),
);
/** A remark after a thanks that only closes: it says the answer helped, and denies nothing. */
function closingRemark(rest: string): boolean {
  const words = foldedWords(rest);
  return words.some((word) => CLOSING_REMARK_WORDS.has(word)) && !words.some((word) => REFUSING_WORDS.has(word) || REQUEST_VERBS.has(word));
}

/** Words that open a refusal ("nej det passer ikke på mig", "næ, det var ikke det jeg mente"). */
const NO_OPENINGS: ReadonlySet<string> = new Set(foldedWords('nej næ no nope nah nix'));
/** Words that set what was meant against what was denied ("nej ikke rådgivningen, selve behandlingen"): a correction. */
const CONTRASTS: ReadonlySet<string> = new Set(foldedWords('selve men but instead stedet rather snarere'));
/** A refusal is short; a longer "nej, …" tells something. */
const REFUSAL_MAX_WORDS = 8;

/**
 * "Nej ingen af dem passer på mig", "nej ikke rigtig noget af det", "no, not what I meant": a "no" that goes on only
 * denying, asking nothing, declines (the reply offers to rephrase, the guide or the phone), whatever its words would
 * read as ("passer på mig" would start the guide). A "no" that corrects ("nej, det er til min søn") is not one.
 */
function refusesAll(text: string): boolean {
  const words = foldedWords(text);
  return (
    words.length >= 2 &&
    words.length <= REFUSAL_MAX_WORDS &&
    !text.includes('?') &&
    NO_OPENINGS.has(words[0]) &&
    words.slice(1).some((word) => REFUSING_WORDS.has(word)) &&
    !foldedWords(text.replace(NOT_WHAT, ' ')).some((word) => QUESTION_WORDS.has(word) || CONTRASTS.has(word))
  );
}

/**
 * A "what" right after a "not", in the same clause, only says what is not meant ("nope, not really what im looking for",
 * "nej ikke lige hvad jeg mente"): left out where a refusal is looked for a question; "no not really. where are you" asks.
 */
const NOT_WHAT = /\b(?:not|ikke|ik)\s+(?:(?:really|quite|exactly|just|rigtig|rigtigt|helt|lige|ligefrem)\s+)?(?:what|hvad|hva)\b/giu;

/** Words before "spørgsmål" / "question" that announce one to come ("fedt nok. *lige et* spørgsmål til: skal man …"), not "ingen flere". */
const ANNOUNCING_A_QUESTION: ReadonlySet<string> = new Set(foldedWords('et ét en one a another quick lille sidste last andet nyt new'));
const QUESTION_NOUNS: ReadonlySet<string> = new Set(foldedWords('spørgsmål question'));

/**
 * Whether the words announce a question of their own and go on to ask it ("et spørgsmål til: skal man …", "one more
 * question, do i …"), perhaps without its mark; "ok, jeg har et spørgsmål" has yet to ask it.
 */
function announcesAQuestion(rest: string | undefined): boolean {
  const words = foldedWords(rest ?? '');
  return words.some(
    (word, at) =>
      QUESTION_NOUNS.has(word) &&
      words.length - at > OWN_QUESTION_MIN_WORDS &&
      (ANNOUNCING_A_QUESTION.has(words[at - 1]) || (words[at - 1] === 'more' && ANNOUNCING_A_QUESTION.has(words[at - 2]))),
  );
}

/** Whether a sentence after the first opens with a question word ("ok så du ved det ikke. *hvem* kan jeg så spørge"). */
function laterSentenceAsks(text: string): boolean {
  return sentencesOf(text)
    .slice(1)
    .some((sentence) => QUESTION_WORDS.has(foldedWords(sentence)[0]));
}

function questionsOf(sentences: string[]): string[] {
  return sentences.filter((sentence) => sentence.includes('?'));
}

function lastQuestionOf(sentences: string[]): string | undefined {
  return questionsOf(sentences).pop();
}

/**
 * A writer who gives an age under 18 ("im 15", "jeg er 16") asks as a young person, even about "my parents" or
 * "min bror", here or later in the conversation ("ved mine forældre det så?"): the texts written for a parent or
 * partner ("if your child is under 18…") would answer the wrong person.
 */
function audienceOfWriter(audience: Audience | undefined, writerAgeGroup: AgeGroup | undefined): Audience | undefined {
  return audience === 'relative' && isUnderAge(writerAgeGroup) ? undefined : audience;
}

/** A reading rule's condition (`after`, `ageGroups`, `audiences`): absent, it holds; given, it names the value. */
function allows<T>(names: readonly T[] | undefined, value: T | undefined): boolean {
  return names === undefined || (value !== undefined && names.includes(value));
}

function startsWithWords(words: readonly string[], start: readonly string[]): boolean {
  return start.length > 0 && start.length < words.length && start.every((word, index) => words[index] === word);
}

/**
 * A reading led by the topic answered: where a rule answered another topic than the classifier's first
 * ("not just the counselling talks, anonymously" is anonymous treatment), a follow-up ("who decides?") is
 * about what was answered. A topic no reading held (a rule's answer to a question asked back) leads alone.
 */
function ledBy(reading: Reading, topicId: string): Reading {
  if (reading.length === 0) return [[topicId, 1]];
  const [[first, lead]] = reading;
  if (first === topicId) return reading;
  // The two trade places: what the classifier put first keeps the weight the answered topic had.
  const own = reading.find(([label]) => label === topicId)?.[1] ?? 0;
  const led: Reading = [[topicId, lead], [first, own], ...reading.slice(1).filter(([label]) => label !== topicId)];
  return led.slice(0, READING_TOPICS);
}

/** A value worked out once, when first asked for. */
function lazy<T>(make: () => T): () => T {
  let value: { made: T } | undefined;
  return () => {
    value ??= { made: make() };
    return value.made;
  };
}

/** The message's own ranking with the previous question's topics added in, as probabilities again. */
function withPrevious(predictions: Prediction[], previous: Reading, weight: number): Prediction[] {
  const earlier = new Map(previous);
  return predictions
    .map(({ label, probability }) => ({ label, probability: (probability + weight * (earlier.get(label) ?? 0)) / (1 + weight) }))
    .sort((a, b) => b.probability - a.probability);
}

const SOCIAL_COMMANDS: ReadonlySet<Command> = new Set(['greeting', 'thanks', 'goodbye', 'acknowledge']);
const SMALL_TALK: ReadonlySet<Command> = new Set([...SOCIAL_COMMANDS, 'decline']);
/** Commands that may answer a flow's question rather than interrupt it: "ok", "nej", "jeg er fagperson" to the guide's "who is it for?". */
const FLOW_ANSWERS: ReadonlySet<Command> = new Set(['acknowledge', 'decline', 'staffIntroduction']);
const OPENS_A_QUESTION: ReadonlySet<Command> = new Set(['greeting', 'acknowledge']);
/** What may end a remark and make it small talk: "…, tak", "…, farvel". */
const CLOSINGS: ReadonlySet<Command> = new Set(['thanks', 'goodbye']);
/** Words in a remark after a thanks that ask for more ("tak, men …", "thanks, and if I live in Vallensbæk", "også om natten"). */
const ASKS_FOR_MORE: ReadonlySet<string> = new Set(foldedWords('men but og and også too also even mere more mon gad vel selvom still stadig'));
/** Verbs that open a question or a request without its mark ("tak, vil jeg så skulle møde op hver uge", "thanks, tell me more"). */
const QUESTION_VERBS: ReadonlySet<string> = new Set(
  foldedWords('vil kan har er skal betyder bor må får gælder fortæl will would can could do does did is are should need tell'),
);
/** Verbs of a request a trailing "tak" or "thanks" makes polite ("giv mig nummeret tak", "forklar det lige igen tak", "send it please thanks"). */
const REQUEST_VERBS: ReadonlySet<string> = new Set(
  foldedWords('giv send ring skriv hjælp gerne forklar gentag uddyb give call write help want need please explain repeat'),
);
/**
 * A remark ending in a goodbye or a thanks is small talk only this short ("I have to go now, bye", "det var rart at
 * skrive. tak"), not a story ending in someone's "farvel".
 */
const SHORT_CLOSING_WORDS = 8;
/** How many words a small-talk opening may take before the remark that follows it. */
const OPENING_WORDS = 4;
/** "På forhånd (mange) tak" closes a letter that asks for something ("Jeg henvender mig angående en samtale … På forhånd tak."), never thanks for an answer. */
const IN_ADVANCE = foldedWords('på forhånd');
function thanksInAdvance(words: readonly string[]): boolean {
  const end = words.slice(-(OPENING_WORDS + 2));
  return end.some((word, at) => word === IN_ADVANCE[0] && end[at + 1] === IN_ADVANCE[1]);
}
/** The last word of a greeting that asks whether anyone is there ("er der nogen", "anyone there"). */
const ANYONE: ReadonlySet<string> = new Set(foldedWords('nogen anyone anybody someone somebody there'));
/** Words that go on from it to ask for someone ("er der nogen der kan hjælpe mig med at stoppe", "anyone there who …"). */
const ASKS_FOR_SOMEONE: ReadonlySet<string> = new Set(foldedWords('der som jeg man vi who that i we'));

/** What the topic classifier learns: the short phrases and the whole messages, per label. */
export function trainingExamples(content: Content): LabelledText[] {
  return LANGUAGES.flatMap((language) => [content.examples[language], content.messages[language]]).flatMap(examplesOf);
}

/** What the topic classifier that backs it off learns: the same, and the learnt rounds' questions. */
export function learntTrainingExamples(content: Content): LabelledText[] {
  return [...trainingExamples(content), ...examplesOf(content.learnt)];
}

function examplesOf(byLabel: Record<string, string[]>): LabelledText[] {
  return Object.entries(byLabel).flatMap(([label, texts]) => texts.map((text) => ({ text, label })));
}

/**
 * The guide's topic reader: the model of its own phrases, backed off by the one that also learnt the rounds where it is
 * unsure. The second's cache name shares no prefix with the first's: the cache sweeps old files by name prefix.
 */
export function topicClassifier(content: Content, modelCacheDir?: string): TopicReader {
  return new BackedOffClassifier(
    cachedClassifier('topics', trainingExamples(content), modelCacheDir),
    cachedClassifier('learnt-topics', learntTrainingExamples(content), modelCacheDir),
    THRESHOLDS.answer,
  );
}

export class Recognizer {
  private readonly crisis: CrisisDetector;
  private readonly commands = new PhraseMatcher<Command>();
  /** "Forget me" is honoured anywhere in a message, not only as the whole of it. */
  private readonly forgetCues = new PhraseMatcher<true>();
  /** "Aflys" beside a booking code cancels it; the code alone shows the booking. */
  private readonly cancelCues = new PhraseMatcher<true>();
  private readonly titles = new PhraseMatcher<string>();
  /** The short training phrases, each its topic's own wording: a message that is one of them exactly is that topic. */
  private readonly phrases = new PhraseMatcher<string>();
  /** Subjects named, forgiving a typo in a long name ("hvor lang tid er man på afgifning") in a word that is no word of its own. */
  private readonly subjects = new PhraseMatcher<string>((word) => !this.knownWords.has(word));
  private readonly knownWords: KnownWords;
  private readonly audiences = new PhraseMatcher<Audience>();
  private readonly aspects = new PhraseMatcher<Aspect>();
  private readonly bareAspects = new PhraseMatcher<Aspect>();
  private readonly social: SocialTurns;
  private readonly ellipsisCues: ReadonlyArray<readonly string[]>;
  private readonly compareCues: PhraseMatcher<true>;
  private readonly notInDocumentsCues: PhraseMatcher<true>;
  private readonly familyOfWriterCues: PhraseMatcher<true>;
  private readonly ownUseCues: PhraseMatcher<true>;
  private readonly beyondCounsellingCues: PhraseMatcher<true>;
  private readonly anonymityCues: PhraseMatcher<true>;
  private readonly legalBasisCues: PhraseMatcher<true>;
  private readonly talksForRelativeCues: PhraseMatcher<true>;
  private readonly subjectScopeCues: PhraseMatcher<true>;
  private readonly likenessCues: PhraseMatcher<true>;
  private readonly pitstopNames: PhraseMatcher<true>;
  private readonly askAgainCues: PhraseMatcher<true>;
  private readonly helpForWriterCues: PhraseMatcher<true>;
  private readonly vowelless: VowellessWords;
  private readonly lawSections: LawSections;
  /**
   * The content's reading rules, each with its cues ready to search, in their order, by each reading they read and by
   * the topic they answer: hundreds are asked per message.
   */
  private readonly readingRulesFrom: ReadonlyMap<string, ReadingRuleEntry[]>;
  private readonly readingRulesFor: ReadonlyMap<string, ReadingRuleEntry[]>;
  private readonly givAges: { from: number; to: number };
  private readonly overviews: Topic[];
  /** Words for alcohol and for drugs (the guide's typed answers), to tell a message about alcohol alone. */
  private readonly substances = new PhraseMatcher<Substance>();
  /** The topic model, its readings kept to the topics a message gives evidence of. */
  private readonly classifier: TopicReader;

  constructor(
    private readonly content: Content,
    classifier: TopicReader = topicClassifier(content),
    crisisClassifier: CrisisClassifier = trainCrisisClassifier(content),
  ) {
    this.classifier = new TopicsNeedingEvidence(classifier, content.topicEvidenceCues);
    this.crisis = cachedCrisisDetector(content.crisis, crisisClassifier);
    this.social = new SocialTurns(content.commands, content.socialFillers);
    this.ellipsisCues = content.ellipsisCues.map(foldedWords);
    this.compareCues = PhraseMatcher.of(content.compareCues);
    this.notInDocumentsCues = PhraseMatcher.of(content.notInDocumentsCues);
    this.familyOfWriterCues = PhraseMatcher.of(content.familyOfWriterCues);
    this.ownUseCues = PhraseMatcher.of(content.ownUseCues);
    this.beyondCounsellingCues = PhraseMatcher.of(content.beyondCounsellingCues);
    this.anonymityCues = PhraseMatcher.of(content.anonymityCues);
    this.legalBasisCues = PhraseMatcher.of(content.legalBasisCues);
    this.talksForRelativeCues = PhraseMatcher.of(content.talksForRelativeCues);
    this.subjectScopeCues = PhraseMatcher.of(content.subjectScopeCues);
    this.likenessCues = PhraseMatcher.of(content.likenessCues);
    this.pitstopNames = PhraseMatcher.of(content.pitstopNames);
    this.askAgainCues = PhraseMatcher.of(content.askAgainCues);
    this.helpForWriterCues = PhraseMatcher.of(content.helpForWriterCues);
    this.knownWords = new KnownWords(() => [...learntTrainingExamples(content).map(({ text }) => text), ...content.crisisExamples.map(({ text }) => text)]);
    this.vowelless = new VowellessWords(() => learntTrainingExamples(content).map(({ text }) => text), content.vowellessWords);
    this.lawSections = new LawSections(content);
    // A rule's cues with "{drugs}" and "{alcohol}" written out as the names the content gives them.
    const cueMatcher = (cues: readonly string[]) => PhraseMatcher.of(substanceCues(cues, content.guideAnswerCues));
    const readingRules = content.readingRules.map((rule) => ({
      rule,
      from: new Set(rule.from),
      cues: cueMatcher(rule.cues),
      withCues: rule.withCues && cueMatcher(rule.withCues),
      unlessCues: rule.unlessCues && cueMatcher(rule.unlessCues),
    }));
    this.readingRulesFrom = groupedBy(readingRules, (entry) => [...entry.from]);
    this.readingRulesFor = groupedBy(readingRules, (entry) => [entry.rule.topic]);
    this.givAges = givAgesOf(content.facts);
    this.overviews = content.topics.filter((topic) => topic.overviewOf.length > 0);
    for (const substance of SUBSTANCES) content.guideAnswerCues[substance].forEach((cue) => this.substances.add(cue, substance));
    for (const [command, phrases] of entriesOf(content.commands)) {
      phrases.forEach((phrase) => this.commands.add(phrase, command));
      if (command === 'forget') phrases.forEach((phrase) => this.forgetCues.add(phrase, true));
      if (command === 'cancelBooking') phrases.forEach((phrase) => this.cancelCues.add(phrase, true));
    }
    for (const topic of content.topics) {
      for (const language of LANGUAGES) {
        const title = textAt(content.locales[language], `topics.${topic.id}.title`);
        // A tapped button sends its title as shown, facts filled in ("Behandlingsgaranti (14 dage)").
        if (title) this.titles.add(withFacts(title, content.variables), topic.id);
      }
      topic.mentions.forEach((mention) => this.subjects.add(mention, topic.id));
      for (const language of LANGUAGES) content.examples[language][topic.id]?.forEach((phrase) => this.phrases.add(phrase, topic.id));
    }
    for (const [audience, cues] of entriesOf(content.audienceCues)) {
      cues.forEach((cue) => this.audiences.add(cue, audience));
    }
    for (const [aspect, cues] of entriesOf(content.aspectCues)) {
      cues.forEach((cue) => this.aspects.add(cue, aspect));
    }
    for (const aspect of ASPECTS) content.bareAspectCues[aspect]?.forEach((cue) => this.bareAspects.add(cue, aspect));
  }

  /** What a message asks, read with what the conversation already knows. */
  recognize(message: string, context: ConversationContext = {}): Recognition {
    const text = this.readable(message);
    const assessed = this.crisis.assess(text);
    const writerAge = writerAgeOf(text);
    const writerAgeGiven = writerAge === undefined ? undefined : ageGroupOfAge(writerAge);
    // The age the writer gives here, or else what the conversation knows of it.
    const writerAgeGroup = writerAgeGiven ?? context.writerAgeGroup;
    const namedSubjects = this.subjects.findAll(text);
    const namedPerson = this.audiences.findAll(text)[0];
    const details = {
      subjectId: this.subjectAsked(text, namedSubjects),
      audience: audienceOfWriter(namedPerson, writerAgeGroup),
      aspect: this.aspects.findAll(text)[0] ?? this.bareAspects.exact(text),
    };
    if (assessed.tier === 'acute') {
      // What its words said still counts for the next message, as for any message the classifier read: "min kæreste er
      // gravid … har lige taget en hel pakke panodil", answered as an emergency, then "hvad kan hun få af hjælp bagefter?".
      const { evidence } = this.classifier.read(text, { unkept: UNKEPT_LABELS });
      return { intent: { kind: 'crisis', kinds: assessed.kinds }, crisis: assessed, ...details, evidence };
    }
    const request = languageRequest(text);
    // A request for another language with a question beside it is that question, to answer in that language; the
    // whole message still says how worrying it is and for whom it asks ("in english for my mum, where can she get help?").
    if (request?.question !== undefined) {
      const asked = this.recognize(request.question, context);
      return {
        ...asked,
        crisis: asked.crisis.tier === 'none' ? assessed : asked.crisis,
        audience: asked.audience ?? details.audience,
        language: LANGUAGE_OF_REQUEST[request.command],
      };
    }
    // What is asked is read without the sentences that only gave personal data; the guard above read the whole message.
    const question = withoutDataSentences(message);
    const read = this.intentOf(question === message ? text : this.readable(question), details.subjectId, context, request?.command);
    // Small talk and nothing else ("det var alt for nu, god aften", "no, none of those fit really") gets no
    // line of numbers from the classifier alone (a concern with no kind); a pattern's concern stays.
    const smallTalk = read.intent.kind === 'command' && SMALL_TALK.has(read.intent.command);
    const crisis = smallTalk && assessed.tier === 'concern' && assessed.kinds.length === 0 ? NO_CRISIS : assessed;
    const ageGroup = ageGroupOf(text);
    // The age group this message gives, or else the one the message before gave, or else, where the message names
    // no one else, the writer's own ("jeg er 16 …", later "hvad er der af hjælp til mig?").
    const ageGroupSaid = ageGroup ?? context.ageGroup ?? (namedPerson === undefined ? writerAgeGroup : undefined);
    const words = foldedWords(text);
    // "Og for alkohol?", "hva med unge under 18": a few words after "og" or "what about" that ask nothing new.
    const ellipsisCue =
      words.length <= AND_ALSO_MAX_WORDS
        ? this.ellipsisCues.find((cue) => startsWithWords(words, cue) && !words.slice(cue.length).some((word) => QUESTION_WORDS.has(word)))
        : undefined;
    const andAlso = ellipsisCue !== undefined;
    const elliptical = details.subjectId !== undefined && !details.aspect && andAlso && words.length - ellipsisCue.length <= ELLIPTICAL_MAX_AFTER_CUE;
    const { named: substances, onlyDenied } = this.substancesNamed(text, words);
    // The topic the question before was answered with, which a follow-up may be about.
    const before = context.previous?.[0]?.[0];
    const substance: Substance | undefined = substances.has('drugs') ? 'drugs' : substances.has('alcohol') ? 'alcohol' : undefined;
    const named =
      this.bareDrugAsked(words) || (substances.has('drugs') && this.ownUseStated(text, words, read.intent, details.audience))
        ? ({ kind: 'clarify', candidates: BARE_DRUG_READINGS } as const)
        : this.likenedToBefore(
            this.overviewFirst(
              this.namedSubjectFirst(read.intent, text, details.subjectId, { elliptical, sole: new Set(namedSubjects).size === 1, before }),
              text,
              details.aspect,
            ),
            text,
            namedSubjects,
            before,
          );
    // Unsure readings first become "not in the documents" (where a cue says so and no concern is raised), before
    // the alcohol and young-people rules, whose buttons would make a sure reading look unsure.
    const outside = crisis.tier === 'none' && this.notInDocumentsCues.foundIn(text);
    // A message that names no substance is about the conversation's: alcohol, if that is all it has named and the
    // answer before was about help for alcohol or help in general (not Projekt GIV for a drinking father's child).
    // So is help asked for the one who drinks right after the help for relatives or Projekt GIV answered ("min mor
    // på 67 drikker fra om formiddagen", then "hvor kan hun få hjælp til det"), not help for the writer ("how can I
    // help her") nor for a child the conversation named ("min datter er 9 …", then "hvordan kommer hun med?").
    const childNamed = isUnderAge(ageGroupSaid);
    const forTheDrinker = before !== undefined && FAMILY_HELP_TOPICS.has(before) && !childNamed && asksHelpForSomeoneElse(words);
    const alcoholAsked =
      substance === 'alcohol' ||
      (substance === undefined &&
        context.substance === 'alcohol' &&
        (before === undefined || before === ALCOHOL_TOPIC || ALCOHOL_READINGS.has(before) || forTheDrinker));
    const drugsAsked = !substances.has('alcohol') && (substance === 'drugs' || (substance === undefined && context.substance === 'drugs'));
    const alcoholRuled = pitstopForDrinking(
      alcoholFirst(notInDocumentsFirst(named, outside), alcoholAsked, drugsAsked, onlyDenied.has('alcohol')),
      alcoholAsked,
      words,
    );
    const asked = this.askedForFirst(alcoholRuled, text, substances, {
      audience: details.audience ?? context.audience,
      subjectId: details.subjectId,
      aspect: details.aspect,
      before,
      ageGroup: ageGroupSaid,
    });
    const ruled = this.lawOfSubjectFirst(
      this.subjectScopeFirst(asked, text, before, andAlso ? this.reachNamed(namedSubjects, substance, ageGroup, words) : undefined),
      text,
      details.subjectId,
      before,
    );
    // Whose help a relative asks for comes before the young people's rule, which would read the writer's age as the user's.
    const familyAsked = before !== undefined && [RELATIVES_TOPIC, GIV_TOPIC].includes(before);
    const family = writerAge === undefined ? ruled : familyYouthFirst(ruled, writerAge, this.familyOfWriterCues.foundIn(text), familyAsked, this.givAges);
    const asksForSelf = (ageGroup === undefined || ageGroup === 'adult') && details.audience === undefined;
    const forMinor = minorsHelpFirst(family, ageGroupSaid, writerAge, () => this.helpForWriterCues.foundIn(text));
    const young = youngTieSettled(youngFirst(forMinor, ageGroupSaid), ageGroup);
    const adult = adultNotYoung(young, { age: writerAge, asksForSelf }, read.reading);
    const cell = subjectCellFirst(costTopicFirst(adult, details.aspect, this.content, read.reading), details.aspect, namedSubjects, this.content);
    const answered = subjectBeforeOffered(cell, this.isAnswer(before) ? before : undefined);
    // "Hej, jeg er sundhedsplejerske" asks nothing yet: a professional who only says who they are is asked what they
    // would like to know, not answered with the topic the words of their job lean to (the action plan for the
    // jobcentre). One who names a drug or drinking ("jeg er lærer og min elev ryger hash") tells what it is about.
    const introducesOnly =
      details.audience === 'staff' &&
      !details.subjectId &&
      !details.aspect &&
      substances.size === 0 &&
      SELF_INTRODUCTION.foundIn(text) &&
      asksNothing(text, words);
    const intent: Intent = introducesOnly && answered.kind !== 'command' ? { kind: 'command', command: 'staffIntroduction' } : answered;
    // A question its words put outside the documents ("taler de engelsk på pitstop?") is what a follow-up goes on from
    // ("ok så det ved du ikke. hvad med polsk så"), not the kinds of help the classifier leaned to beside it.
    const outsideAnswered = outside && intent.kind === 'topic' && intent.topicId === NOT_IN_DOCUMENTS_TOPIC;
    const brief = words.length <= ELLIPTICAL_MAX_WORDS;
    const short = words.length <= ASPECT_FOLLOW_UP_MAX_WORDS;
    // "Hvor ligger pitstop?" is about Pitstop; "er det gratis hos pitstop?" still about what "det" points back to.
    const namesPitstop = this.pitstopNames.foundIn(text) && !pointsBack(words);
    return {
      intent,
      crisis,
      ...details,
      ...(intent.kind === 'topic' ? { reading: outsideAnswered ? [[intent.topicId, 1]] : ledBy(read.reading ?? [], intent.topicId) } : {}),
      ...(read.evidence ? { evidence: read.evidence } : {}),
      ...(elliptical ? { elliptical } : {}),
      ...(ageGroup ? { ageGroup } : {}),
      ...(writerAgeGiven ? { writerAgeGroup: writerAgeGiven } : {}),
      ...(brief ? { brief } : {}),
      ...(short ? { short } : {}),
      ...(substance ? { substance } : {}),
      ...(namesPitstop ? { namesPitstop } : {}),
    };
  }

  /**
   * Whether the writer, in a message that names a drug, only says in a few words that they use it ("jeg ryger for
   * meget hash", "i do too much coke") and the classifier has no sure reading: asked as a drug named alone, about
   * help, its kinds and when use is a problem (it had read them as pregnancy or fees).
   */
  private ownUseStated(text: string, words: readonly string[], intent: Intent, audience: Audience | undefined): boolean {
    const sure = intent.kind === 'topic' && intent.alternatives === undefined && intent.confidence >= OWN_USE_SURE;
    if (sure || audience !== undefined || text.includes('?') || !this.ownUseCues.foundIn(text)) return false;
    // A thanks or greeting first adds no words to what is said ("tak, jeg ryger for meget hash og vil stoppe").
    const rest = this.socialOpening(text)?.rest;
    return (rest === undefined ? words.length : foldedWords(rest).length) <= OWN_USE_MAX_WORDS;
  }

  /**
   * The substances a message names, but not one it denies ("jeg har et problem med alkohol, ikke stoffer", "it's
   * drinking, not drugs"): that names alcohol alone, so a follow-up ("hvor skal jeg henvende mig") is about alcohol;
   * and those it names only to deny them, in the same pass.
   */
  private substancesNamed(text: string, words: readonly string[]): { named: Set<Substance>; onlyDenied: Set<Substance> } {
    const denied = (at: number): boolean => {
      const before = words.slice(Math.max(0, at - 2), at);
      return before.some((word) => DENIALS.has(word)) && !before.some((word) => ONLY_WORDS.has(word));
    };
    const mentions = this.substances.findAllAt(text);
    const named = new Set(mentions.filter(({ at }) => !denied(at)).map(({ value }) => value));
    return { named, onlyDenied: new Set(mentions.map(({ value }) => value).filter((value) => !named.has(value))) };
  }

  /** Whether the message is only a drug's name or two ("hash", "kokain?", "weed pills"). */
  private bareDrugAsked(words: readonly string[]): boolean {
    return words.length > 0 && words.length <= BARE_DRUG_MAX_WORDS && words.every((word) => this.substances.findAll(word).includes('drugs'));
  }

  /** Whether the message is an acute emergency, answered by the emergency reply alone. */
  isAcute(message: string): boolean {
    return this.crisis.assess(this.readable(message)).tier === 'acute';
  }

  /**
   * Whether a message must be handled as itself even where a flow expects an answer: an emergency,
   * "forget me", a command or a booking code. The classifier is not asked: short answers ("Myself")
   * would too often look like something else to it. The message's crisis assessment, where the turn has
   * made it already, is not made again.
   */
  interrupts(message: string, assessed?: CrisisAssessment): boolean {
    const text = this.readable(message);
    const acute = (assessed ?? this.crisis.assess(text)).tier === 'acute';
    return acute || this.forgetCues.foundIn(text) || this.interruptingCommand(text) || findBookingCode(text) !== undefined;
  }

  /** The message as every reader reads it: placeholders of redacted data out, words written without vowels read. */
  private readable(message: string): string {
    return this.vowelless.restored(withoutPlaceholders(message));
  }

  /** `languageAsked`: the answer again in another language, as the whole message asks it ("same in english?"). */
  private intentOf(
    text: string,
    subjectId: string | undefined,
    { previous, said }: ConversationContext,
    languageAsked?: Command,
  ): { intent: Intent; reading?: Reading; evidence?: Evidence } {
    if (fold(text) === '') return { intent: { kind: 'empty' } };
    if (this.forgetCues.foundIn(text)) return { intent: { kind: 'command', command: 'forget' } };
    const code = findBookingCode(text);
    if (code) return { intent: { kind: 'bookingCode', code, cancel: this.cancelCues.foundIn(text) } };
    const command = this.commands.exact(text) ?? this.social.of(text) ?? languageAsked;
    if (command) return { intent: { kind: 'command', command } };
    // A button's title is that topic anywhere; a training phrase too, unless the question before it makes it
    // a follow-up ("how old do you have to be?" after Projekt GIV is about Projekt GIV); where the question
    // before gives none, the training phrase still answers ("skal jeg komme hver dag?" after detox).
    const phrase = this.phrases.exact(text);
    const titled = this.titles.exact(text) ?? (previous ? undefined : phrase);
    const earlier = said && !titled ? { evidence: said, share: EARLIER_SHARE } : undefined;
    const { predictions, evidence, together } = this.classifier.read(text, { earlier, unkept: UNKEPT_LABELS });
    if (titled) return { intent: { kind: 'topic', topicId: titled, confidence: 1 }, reading: [[titled, 1]], evidence };
    const jointAnswer = lazy(() => (together ? this.answerOf(this.decideIntent(together)) : undefined));
    const decided = this.decide(text, subjectId, predictions, previous, jointAnswer);
    // Still unclear and naming no subject, a message of any length may be clear read with the one before ("min kone
    // søgte om behandling for tre uger siden", then "der er stadig ikke sket noget, må de det?"): answered, or led
    // with its runner-ups as buttons; a training phrase asked back still answers as itself.
    const unclear = (decided.kind === 'clarify' || decided.kind === 'out_of_scope') && subjectId === undefined;
    const joint = unclear && !phrase ? jointAnswer() : undefined;
    const intent: Intent = phrase && decided.kind === 'clarify' ? { kind: 'topic', topicId: phrase, confidence: 1 } : (joint ?? decided);
    // Only a question that was answered is worth reading a follow-up with by its topics; an unclear one is noise,
    // but what its words said still counts ("my school nurse told me to look up Pitstop", then "what even is that?").
    if (intent.kind !== 'topic') return { intent, evidence };
    // Topics only: the classifier's "crisis" and "none" say nothing a follow-up needs, and a record that a
    // message looked like an emergency is not worth keeping.
    const topics = predictions.filter(({ label }) => label !== CRISIS_LABEL && label !== NONE_LABEL);
    return { intent, evidence, reading: topics.slice(0, READING_TOPICS).map(({ label, probability }) => [label, probability]) };
  }

  private decide(
    text: string,
    subjectId: string | undefined,
    predictions: Prediction[],
    previous: Reading | undefined,
    jointAnswer: () => Extract<Intent, { kind: 'topic' }> | undefined,
  ): Intent {
    // "Findes der det?" or "er du sikker?" after the counselling asks about the counselling again, whatever the words read as alone.
    const [answered] = previous ?? [];
    if (answered && this.askAgainCues.exact(text) && this.isAnswer(answered[0])) {
      return { kind: 'topic', topicId: answered[0], confidence: answered[1] };
    }
    // A "no" that names what was meant instead ("nej ikke rådgivningen, selve behandlingen", "… jeg mente alkohol") corrects.
    if (subjectId === undefined && refusesAll(text) && !this.namesWhatWasMeant(text)) return { kind: 'command', command: 'decline' };
    const alone = this.decideIntent(predictions);
    const sure = alone.kind === 'topic' && !alone.alternatives;
    // A short follow-up the classifier is unsure of, or one that points back to the answer before ("who writes
    // it?", sure of anonymity alone), is read with the question before it, where that gives an answer;
    // otherwise the message is read alone.
    const words = foldedWords(text);
    // A sure reply of its own ("that's useless", "is it dangerous to drive on it?": not in the documents) stays.
    const ownReply = sure && this.content.topicById.get(alone.topicId)?.kind === 'reply';
    const backReference = subjectId === undefined && !ownReply && pointsBack(words);
    const asFollowUp = (!sure || backReference) && words.length <= FOLLOW_UP_MAX_WORDS;
    // A follow-up with no reading of its own (it would be asked back, or is out of scope) or one that points back is
    // read as if written together with the message before, where that answers (a flow or a reply stays with the
    // message's own words). One that names its subject ("og hvor længe varer en afgiftning?") or that leads alone asks
    // its own question; one sure alone keeps its reading unless the two together are surer ("laver pitstop det selv?"
    // after substitution treatment, not "pitstop, er det kun for stoffer?" after aftercare). Else it is read with how
    // the question before was read.
    const joins = asFollowUp && subjectId === undefined && (alone.kind !== 'topic' || backReference);
    const jointRead = joins ? jointAnswer() : undefined;
    const joint = jointRead && (!sure || jointRead.confidence > alone.confidence) ? jointRead : undefined;
    const followUp =
      joint ??
      (asFollowUp && previous ? this.decideIntent(withPrevious(predictions, previous, backReference ? BACK_REFERENCE_WEIGHT : PREVIOUS_WEIGHT)) : undefined);
    const whole = followUp?.kind === 'topic' ? followUp : alone;
    // Only a sure reading of the whole stands; a leader with runner-ups yields to a sentence the classifier is sure of.
    const sureWhole = whole.kind === 'topic' && !whole.alternatives ? whole : undefined;
    const intent = sureWhole ? (this.questionOverWhole(text, sureWhole) ?? sureWhole) : (this.clearestSentence(text) ?? whole);
    // A reply such as "that did not help" is no reason to ignore a "thanks" before it; a real topic is.
    // Topics likely enough to ask about outweigh a greeting or an "ok", which opens a question ("hej,
    // jeg har røget hash i 6 år…"), but not a thanks or goodbye, which ends one ("hej hej, jeg skal gå nu").
    // A message that names a subject ("tak for hjælpen, hvordan klager jeg") asks about it. A thanks that is a topic
    // only when read with the question before (alone unclear or unsure: "thx that was actually useful" after "is the
    // counselling free?", "det var rart at skrive. tak") and asks nothing of its own thanks.
    const thanksAfterAnswer = followUp?.kind === 'topic' && !sure && this.closesWithoutAsking(text);
    const topical = subjectId !== undefined || (!thanksAfterAnswer && intent.kind === 'topic' && this.content.topicById.get(intent.topicId)?.kind !== 'reply');
    const opening = topical ? undefined : this.socialOpening(text);
    const social = opening?.command;
    if (social && !(intent.kind === 'clarify' && OPENS_A_QUESTION.has(social))) {
      // Unclear as a whole, the words after a "tak" may still ask ("tak, jeg vil gerne have hjælp til min hash"): they
      // are answered, or asked back, rather than only thanked. An "ok" whose message goes on with a sentence that opens
      // with a question word asks it ("ok så du ved det ikke. hvem kan jeg så spørge", "ok so you don't know. what about
      // polish then"): answered, or given the reply the whole message reads as, never only an "ok". Not a question
      // word in the same breath ("hi how are you", "ok hvad nu"), which is small talk, unless that question goes on
      // ("ok hvordan bestiller jeg sådan en"), or words that announce a question ("fedt nok. lige et spørgsmål til: skal
      // man sidde i en gruppe", which has neither mark nor question word).
      const rest = opening?.rest;
      const opensQuestion = OPENS_A_QUESTION.has(social) && (laterSentenceAsks(text) || asksAtLength(rest) || announcesAQuestion(rest));
      const asked = (intent.kind === 'clarify' || opensQuestion) && rest ? this.askedAlone(rest) : undefined;
      // A thanks, then a remark that says the answer helped and reads as no one question ("mange tak for svaret. nu har
      // jeg i det mindste et sted at starte", "tak, det var rart at kunne skrive det et sted"), is thanked rather than
      // asked back; one that tells something more ("tak. jeg tør ikke fortælle det til min kone") is still asked back.
      const remarkOnly = asked?.kind === 'clarify' && CLOSINGS.has(social) && rest !== undefined && this.closesWithoutAsking(text) && closingRemark(rest);
      return (remarkOnly ? undefined : asked) ?? (opensQuestion ? intent : { kind: 'command', command: social });
    }
    if (intent.kind === 'clarify') return this.namedSubject(intent.candidates, subjectId) ?? intent;
    return intent;
  }

  /** An intent that answers from the documents; not a flow or a reply such as "not in the documents". */
  private answerOf(intent: Intent): Extract<Intent, { kind: 'topic' }> | undefined {
    return intent.kind === 'topic' && this.isAnswer(intent.topicId) ? intent : undefined;
  }

  /** Whether a topic answers from the documents (not a flow, nor a reply such as "not in the documents"). */
  private isAnswer(topicId: string | undefined): topicId is string {
    return topicId !== undefined && this.content.topicById.get(topicId)?.kind === 'answer';
  }

  /**
   * Where the message names a subject, that subject answers: after "og"/"what about" ("og døgn?",
   * "hvad så med sprut?"), and in place of a general topic or no answer at all ("hvor gammel skal man
   * være for at komme i *GIV*?" reads as young people; "what does SEL § 101 a allow?" as nothing),
   * with the general reading as a button.
   */
  private namedSubjectFirst(
    intent: Intent,
    text: string,
    subjectId: string | undefined,
    { elliptical, sole, before }: { elliptical: boolean; sole: boolean; before: string | undefined },
  ): Intent {
    if (!subjectId || !(intent.kind === 'topic' || intent.kind === 'clarify' || intent.kind === 'out_of_scope')) return intent;
    if (elliptical) return { kind: 'topic', topicId: subjectId, confidence: 1 };
    if (intent.kind === 'out_of_scope') return { kind: 'topic', topicId: subjectId, confidence: 0, alternatives: [] };
    // A general topic yields to the subject named, as does an unsure lead with the only subject named as its
    // runner-up ("tak for hjælpen, hvordan klager jeg" read with the aftercare answer before it); not a sure reading
    // whose questions name no subject, the subject standing in a remark beside them ("is there a youth program? im 19
    // and every rehab thing i see online is full of old guys").
    const runnerUp = sole && intent.kind === 'topic' && intent.alternatives?.includes(subjectId);
    // An unsure reading that only repeats the answer before yields to another subject the follow-up names ("hvad med
    // den hvor man bor der?" after day treatment), unless the answer before reaches that subject ("also between day
    // and residential?" after free choice) or the message likens to it rather than asks about it.
    const movedOn =
      sole &&
      intent.kind === 'topic' &&
      intent.alternatives !== undefined &&
      intent.topicId === before &&
      REACHES[before]?.has(subjectId) !== true &&
      !this.likenessCues.foundIn(text);
    const sureOfQuestions = intent.kind === 'topic' && !intent.alternatives && intent.confidence >= THRESHOLDS.answer && this.namedOnlyBesideQuestions(text);
    if (
      intent.kind === 'topic' &&
      intent.topicId !== subjectId &&
      !sureOfQuestions &&
      (this.content.topicById.get(intent.topicId)?.general || runnerUp || movedOn)
    ) {
      return { kind: 'topic', topicId: subjectId, confidence: 0, alternatives: [intent.topicId] };
    }
    // Torn between the subject named and general or aspect readings ("how long does detox take": duration or
    // detox), the subject answers; its aspect text where it has one.
    const others = intent.kind === 'clarify' ? intent.candidates.filter((id) => id !== subjectId) : [];
    const broader = (id: string): boolean => {
      const topic = this.content.topicById.get(id);
      return Boolean(topic?.general || topic?.aspect);
    };
    if (intent.kind === 'clarify' && others.length < intent.candidates.length && others.every(broader)) {
      return { kind: 'topic', topicId: subjectId, confidence: 0, alternatives: others };
    }
    return intent;
  }

  /** Whether a message has questions and none of them names a subject (one is named only in a remark beside them). */
  private namedOnlyBesideQuestions(text: string): boolean {
    const questions = questionsOf(sentencesOf(text));
    return questions.length > 0 && questions.every((question) => this.subjects.findAll(question).length === 0);
  }

  /**
   * A message that names several of the subjects an overview covers ("Is it only outpatient or do you also
   * do inpatient, detox…?"), or two with a word that compares them ("forskellen på ambulant og døgn"), asks
   * for the overview, with the named subjects as buttons; unless it asks an aspect ("hvad koster…") or
   * something else than those subjects (a complaint, a thanks).
   */
  private overviewFirst(intent: Intent, text: string, aspect: Aspect | undefined): Intent {
    if (aspect || !(intent.kind === 'topic' || intent.kind === 'clarify' || intent.kind === 'out_of_scope')) return intent;
    const named = new Set(this.subjects.findAll(text));
    const read = intent.kind === 'topic' ? this.content.topicById.get(intent.topicId) : undefined;
    const question = lastQuestionOf(sentencesOf(text));
    for (const overview of this.overviews) {
      const kinds = overview.overviewOf.filter((id) => named.has(id));
      const asks = kinds.length >= OVERVIEW_MIN_NAMED || (kinds.length >= 2 && this.compareCues.foundIn(text));
      // A question that names one kind asks about it ("jeg har prøvet ambulant og afgiftning … kan man få døgnbehandling?").
      const specific = question !== undefined && new Set(this.subjects.findAll(question).filter((id) => kinds.includes(id))).size === 1;
      // Two compared kinds may be answered by one of them, where the reading is sure of it ("anonym rådgivning
      // og anonym behandling – hvad er forskellen?" is explained by anonymous treatment).
      const sure = kinds.length < OVERVIEW_MIN_NAMED && intent.kind === 'topic' && intent.alternatives === undefined && intent.confidence >= THRESHOLDS.answer;
      const yields = !specific && !sure && (read === undefined || kinds.includes(read.id) || read.general || read.kind === 'guide');
      if (asks && yields && read?.id !== overview.id)
        return { kind: 'topic', topicId: overview.id, confidence: 0, alternatives: kinds.slice(0, THRESHOLDS.maxCandidates) };
    }
    return intent;
  }

  /**
   * What a message asks for, where its words say it more clearly than the classifier's neighbours do:
   * treatment beyond counselling without one's name is anonymous treatment ("ikke kun rådgivning … uden at
   * det står nogen steder"); the law behind both drug and alcohol treatment is the staff's legal overview
   * ("hvilken paragraf er stofbehandling og hvilken er alkoholbehandling"); a relative asking for talks for
   * themselves is help for relatives ("kan jeg som søster få nogle samtaler").
   */
  private askedForFirst(
    intent: Intent,
    text: string,
    substances: ReadonlySet<string>,
    {
      audience,
      subjectId,
      aspect,
      before,
      ageGroup,
    }: {
      audience: Audience | undefined;
      subjectId: string | undefined;
      aspect: Aspect | undefined;
      before: string | undefined;
      ageGroup: AgeGroup | undefined;
    },
  ): Intent {
    // Anonymity is asked in the message or was the answer before ("nej jeg mener i selve behandlingen" after it).
    const anonymityInMessage = this.anonymityCues.foundIn(text);
    const unnamedTreatment = (before === ANONYMITY_TOPIC || anonymityInMessage) && this.beyondCounsellingCues.foundIn(text);
    const legalBasis = substances.has('alcohol') && substances.has('drugs') && this.legalBasisCues.foundIn(text);
    // Where the message names counselling itself ("kan jeg som mor få anonym rådgivning"), it asks about counselling;
    // "hvad med mig, skal jeg betale for hans behandling?" asks what it costs.
    const talksForRelative = audience === 'relative' && subjectId === undefined && aspect !== 'cost' && this.talksForRelativeCues.foundIn(text);
    const anonymous = replaceLeading(
      intent,
      unnamedTreatment,
      anonymityInMessage ? ANONYMOUS_TREATMENT_READINGS_ASKED : ANONYMOUS_TREATMENT_READINGS,
      ANONYMOUS_TREATMENT_TOPIC,
    );
    const legal = replaceLeading(anonymous, legalBasis, STAFF_LEGAL_READINGS, STAFF_LEGAL_TOPIC);
    const ruled = replaceLeading(legal, talksForRelative, TALKS_FOR_RELATIVE_READINGS, RELATIVES_TOPIC);
    // The content's rules, each tested against the reading given to them; the first that matches wins, so
    // a specific rule listed first ("how long does it show in a urine test") is not undone by a general one.
    const words = foldedWords(text).length;
    const fits = ({ rule, cues, withCues, unlessCues }: ReadingRuleEntry): boolean =>
      (rule.maxWords === undefined || words <= rule.maxWords) &&
      allows(rule.after, before) &&
      allows(rule.ageGroups, ageGroup) &&
      allows(rule.audiences, audience) &&
      cues.foundIn(text) &&
      (withCues?.foundIn(text) ?? true) &&
      !(unlessCues?.foundIn(text) ?? false);
    // Where no rule reads the leading reading, a rule may settle a tie between its own topic, leading, and one of
    // its readings ("I have a 2 year old … help for parents like me?", torn between help for parents of small
    // children and for young people); else a rule whose readings include "out_of_scope" reads a message no reading
    // is sure of ("jeg har det skidt"), answered with no confidence and no buttons.
    const [tiedLead, ...tiedOthers] = ruled.kind === 'clarify' ? ruled.candidates : [];
    const lead = ruled.kind === 'topic' ? ruled.topicId : tiedLead;
    const rulesFrom = (reading: string | undefined) => (reading === undefined ? undefined : this.readingRulesFrom.get(reading));
    const match =
      rulesFrom(lead)?.find(fits) ??
      (tiedLead === undefined ? undefined : this.readingRulesFor.get(tiedLead)?.find((entry) => tiedOthers.some((id) => entry.from.has(id)) && fits(entry))) ??
      (ruled.kind === 'out_of_scope' ? rulesFrom(OUT_OF_SCOPE_READING)?.find(fits) : undefined);
    if (match === undefined) return ruled;
    if (ruled.kind === 'out_of_scope') return { kind: 'topic', topicId: match.rule.topic, confidence: 0, alternatives: [] };
    return ruled.kind === 'topic' || ruled.kind === 'clarify' ? chosenTopic(ruled, match.rule.topic) : ruled;
  }

  /**
   * A law asked about a subject whose answer names its own ("sundhedslovens § 142 hvad dækker den", "hvilken
   * lov er det efter?" after substitution treatment) is answered by that subject; the law behind treatment in
   * general stays the staff's legal basis.
   */
  private lawOfSubjectFirst(intent: Intent, text: string, subjectId: string | undefined, before: string | undefined): Intent {
    if (!leadsWith(intent, LEGAL_BASIS_READINGS)) return intent;
    const asksTheLawOfBefore =
      subjectId === undefined && this.lawSections.citesItsLaw(before) && foldedWords(text).length <= FOLLOW_UP_MAX_WORDS && this.legalBasisCues.foundIn(text);
    const topicId = this.lawSections.topicOfSection(text) ?? (asksTheLawOfBefore ? before : undefined);
    return topicId === undefined ? intent : chosenTopic(intent, topicId);
  }

  /**
   * "Gælder den også for unge under 18?" after the guarantee, "how old do you have to be?" after Projekt GIV,
   * "gælder de 14 dage også hvis det er alkohol": whether a subject reaches someone is asked about that
   * subject (named, or the one the question before was about), not about the people named.
   */
  private subjectScopeFirst(intent: Intent, text: string, before: string | undefined, alsoAsked: ReadonlySet<string> | undefined): Intent {
    const cues = this.subjectScopeCues.findAllAt(text);
    if ((intent.kind !== 'topic' && intent.kind !== 'clarify') || (cues.length === 0 && alsoAsked === undefined)) return intent;
    // A reply ("not in the documents", "if someone takes too much") chosen for what the message says stays.
    if (intent.kind === 'topic' && this.content.topicById.get(intent.topicId)?.kind === 'reply') return intent;
    // The subject named nearest the question ("gælder *behandlingsgarantien* også for metadon?", "efter
    // afgiftningen skal jeg i *ambulant behandling*, hvor mange gange om ugen…?"), else the one asked about before;
    // that one also where the message points back to it and names only whom or what it reaches ("gælder det også
    // for alkohol?" after the guarantee, whose answer covers alcohol; after outpatient treatment, alcohol answers).
    const distance = (at: number): number => Math.min(...cues.map((cue) => Math.abs(cue.at - at)));
    const [nearest] = this.subjects.findAllAt(text).sort((a, b) => distance(a.at) - distance(b.at));
    const words = foldedWords(text);
    const shortFollowUp = before !== undefined && words.length <= FOLLOW_UP_MAX_WORDS;
    const back = pointsBack(words);
    const reaches = (id: string): boolean => REACHES[before ?? '']?.has(id) === true;
    // "Og for alkohol?" after the guarantee asks the same of alcohol, which the guarantee reaches; with no scope cue, a
    // short "og …?" is otherwise read as it was.
    const reachedBefore = shortFollowUp && ((back && nearest !== undefined && reaches(nearest.value)) || [...(alsoAsked ?? [])].some(reaches));
    if (cues.length === 0) return reachedBefore && before !== undefined ? chosenTopic(intent, before) : intent;
    // A follow-up sure of another of these subjects asks about that one's reach ("hvor mange samtaler kan jeg få som
    // pårørende?" after outpatient treatment is the relatives' talks), not the one before; unless it points back to
    // that one ("gælder det også borgere under 18?" after day treatment, "hvor tit skal man hente det?" after methadone).
    const ownSubject = intent.kind === 'topic' && !intent.alternatives && !back && SCOPE_FOLLOW_UP_READINGS.has(intent.topicId);
    const subject = reachedBefore ? before : (nearest?.value ?? (shortFollowUp && !ownSubject ? before : undefined));
    return subject === undefined || !SCOPE_FOLLOW_UP_READINGS.has(subject) ? intent : chosenTopic(intent, subject);
  }

  /**
   * The subject a message asks about: the first named, unless it is only the one another is likened to ("er
   * døgnbehandling gratis ligesom den ambulante?" asks about residential treatment). Likening is looked for only
   * where two or more subjects are named.
   */
  private subjectAsked(text: string, namedSubjects: string[]): string | undefined {
    if (namedSubjects.length < 2) return namedSubjects[0];
    const likened = this.likenedSubjects(text);
    return namedSubjects.find((id) => !likened.has(id)) ?? namedSubjects[0];
  }

  /** The subjects a message names just after a word that likens to them ("ligesom døgnbehandling", "the same as rehab"). */
  private likenedSubjects(text: string): Set<string> {
    const likenesses = this.likenessCues.findAllAt(text);
    if (likenesses.length === 0) return new Set();
    return new Set(
      this.subjects
        .findAllAt(text)
        .filter(({ at }) => likenesses.some((cue) => cue.at < at && at - cue.at <= LIKENED_MAX_DISTANCE))
        .map(({ value }) => value),
    );
  }

  /**
   * A follow-up that names other kinds of help only to liken the one just answered to them ("er det ligesom
   * døgnbehandling bare uden overnatning?" after day treatment, "is it the same as rehab?" after detox) asks about the
   * one answered.
   */
  private likenedToBefore(intent: Intent, text: string, namedSubjects: string[], before: string | undefined): Intent {
    if (before === undefined || namedSubjects.length === 0 || (intent.kind !== 'topic' && intent.kind !== 'clarify')) return intent;
    // Only a kind of help is likened to another ("something like methadone" after help for relatives names what is asked).
    const answered = this.content.topicById.get(before);
    if (answered === undefined || answered.mentions.length === 0) return intent;
    const likened = this.likenedSubjects(text);
    return namedSubjects.every((id) => id !== before && likened.has(id)) ? chosenTopic(intent, before) : intent;
  }

  /**
   * "is there anything for that?", "er der noget for det?": a short sentence that points back to the ones before it and
   * names neither a subject nor an aspect ("what does it cost?" names one).
   */
  private onlyPointsBack(sentence: string): boolean {
    const words = foldedWords(sentence);
    if (words.length > POINTING_BACK_MAX_WORDS || !pointsBack(words)) return false;
    return !this.subjects.foundIn(sentence) && !this.aspects.foundIn(sentence);
  }

  /** What a short "og …?" names that a subject's answer may reach: subjects by name, alcohol, young people. */
  private reachNamed(namedSubjects: string[], substance: Substance | undefined, ageGroup: AgeGroup | undefined, words: readonly string[]): Set<string> {
    const young = ageGroup === 'young' || words.some((word) => YOUNG_PEOPLE.has(word));
    return new Set([...namedSubjects, ...(substance === 'alcohol' ? [ALCOHOL_TOPIC] : []), ...(young ? [YOUNG_TOPIC] : [])]);
  }

  /** A command that ends a flow; "nej" or "ok" there is an answer to the flow's question. */
  private interruptingCommand(text: string): boolean {
    const command = this.commands.exact(text);
    return command !== undefined && !FLOW_ANSWERS.has(command);
  }

  /**
   * "Tak. Det var rart at få et svar kl. 3", "tusind tak det hjalp faktisk lidt" or "hej hej, jeg skal
   * gå nu": a thanks, greeting, goodbye or "ok" first, then a remark that asks nothing and names no
   * topic, is that social turn; so is a remark that ends in a thanks or goodbye ("jeg smutter nu, farvel").
   */
  private socialOpening(text: string): { command: Command; rest?: string } | undefined {
    if (text.includes('?')) return undefined;
    const words = foldedWords(text);
    // A question typed without its question mark ends in a polite "tak" ("hvilke tilbud er der for en på 40,
    // giv mig hele listen tak"): the question is asked, the thanks only closes it. Not an exclamation ("how kind of
    // you, thank you", "hvor dejligt, farvel"), which "hvor", "how" and "what" also open.
    const opensWithQuestion = QUESTION_OPENINGS.has(words[0]);
    const mayClose = !opensWithQuestion && !thanksInAdvance(words);
    for (let length = Math.min(OPENING_WORDS, words.length - 1); length >= 1; length--) {
      const opening = this.social.of(words.slice(0, length).join(' '));
      // "Er der nogen" opens a question when it goes on to whom it asks for, not a greeting: "er der nogen der kan hjælpe
      // mig med at stoppe med hash" was greeted.
      const asksForSomeone = opening === 'greeting' && ANYONE.has(words[length - 1]) && ASKS_FOR_SOMEONE.has(words[length]) && words.length > length + 1;
      if (opening && SOCIAL_COMMANDS.has(opening) && !asksForSomeone) {
        return { command: opening, rest: words.slice(length).join(' ') };
      }
      const closing = mayClose ? this.social.of(words.slice(-length).join(' ')) : undefined;
      if (closing && CLOSINGS.has(closing)) return { command: closing };
    }
    return undefined;
  }

  /** A subject or a substance named ("nej ikke rådgivningen, selve behandlingen", "nej, jeg mente alkohol"). */
  private namesWhatWasMeant(text: string): boolean {
    return this.subjects.findAll(text).length > 0 || this.substances.findAll(text).length > 0;
  }

  /**
   * A thanks first, then a remark that asks nothing more ("thanks, that actually helps a lot", "tak, det skal jeg nok
   * fortælle min søster om"), or a short remark ending in a goodbye ("I have to go now, bye"). Not "tak, men fortæl
   * mere", "thanks, will I have to stay overnight", "mere info tak" or a story that ends in someone's "farvel".
   */
  private closesWithoutAsking(text: string): boolean {
    const opening = this.socialOpening(text);
    // "ah perfect, thank you so much": an "ok" whose rest is only a thanks closes as the thanks does.
    if (opening?.command === 'acknowledge' && opening.rest !== undefined) {
      const rest = this.social.of(opening.rest);
      return rest !== undefined && CLOSINGS.has(rest);
    }
    if (opening === undefined || !CLOSINGS.has(opening.command)) return false;
    const words = foldedWords(text);
    // The whole message: the opening may have taken an "og" or "men" as filler ("tak men hvordan foregår det").
    const asksMore = words.some((word) => QUESTION_WORDS.has(word) || ASKS_FOR_MORE.has(word));
    // A remark that ends in the closing: short, and a thanks only where nothing before it asks or names a subject: a
    // trailing "tak" is often a "please" ("giv mig nummeret tak", "info om afrusning tak", "i need help thanks").
    if (opening.rest === undefined) {
      const requests = words.some((word) => QUESTION_VERBS.has(word) || REQUEST_VERBS.has(word));
      return words.length <= SHORT_CLOSING_WORDS && (opening.command === 'goodbye' || (!asksMore && !requests && !this.namesWhatWasMeant(text)));
    }
    return !QUESTION_VERBS.has(foldedWords(opening.rest)[0]) && !asksMore;
  }

  /** Where the likeliest reading is the subject the message names ("…after *detox*?"), that reading is the answer (decided by the name, so no confidence of its own). */
  private namedSubject(candidates: string[], subjectId: string | undefined): Intent | undefined {
    return subjectId !== undefined && candidates[0] === subjectId ? { kind: 'topic', topicId: subjectId, confidence: 0 } : undefined;
  }

  /** "Did you mean…?" offers topics a person would pick, never a reply such as "not in the documents". */
  private decideIntent(predictions: Prediction[]): Intent {
    return decideIntent(predictions, THRESHOLDS, (label) => this.content.topicById.get(label)?.kind !== 'reply');
  }

  /**
   * "Kommunen har afvist min søns ansøgning om anonym behandling … Hvordan kan vi klage og til hvem?": in a
   * message of several sentences, the last question, read surer than the whole, is what is asked; the
   * whole's reading stays as a button.
   */
  private questionOverWhole(text: string, whole: Extract<Intent, { kind: 'topic' }>): Intent | undefined {
    const sentences = sentencesOf(text);
    const question = lastQuestionOf(sentences);
    // A short question ("passer det?", "kan det lade sig gøre?") means nothing without the sentences before it, nor does
    // one that only points back to them ("is there anything for that?").
    if (sentences.length < 2 || question === undefined || foldedWords(question).length < QUESTION_MIN_WORDS || this.onlyPointsBack(question)) return undefined;
    const asked = this.decideIntent(this.classifier.predict(question));
    if (asked.kind !== 'topic' || asked.alternatives || asked.topicId === whole.topicId || asked.confidence <= whole.confidence) return undefined;
    return { ...asked, alternatives: [whole.topicId] };
  }

  /** What these words alone ask, where they ask something the documents answer: that answer, or the question between such readings. */
  private askedAlone(words: string): Intent | undefined {
    const intent = this.decideIntent(this.classifier.predict(words));
    return this.answerOf(intent) ?? (intent.kind === 'clarify' ? intent : undefined);
  }

  /**
   * In a message of several sentences the question is usually the one ending in "?" ("I'm Mette,
   * I'm 34. How do I complain?"); when the whole is unclear, a question the classifier is sure of
   * answers instead. Written without question marks (as on a phone at night), any sentence may be the
   * question; one the classifier is sure of answers.
   */
  private clearestSentence(text: string): Intent | undefined {
    // A sentence of a word or two asks nothing alone, and scoring every one of hundreds of "a.b." would
    // cost a long message tens of milliseconds: only real sentences, and only so many of them.
    const sentences = sentencesOf(text);
    const questions = questionsOf(sentences);
    if (sentences.length < 2) return undefined;
    const answers = (questions.length > 0 ? questions : sentences)
      .slice(0, MAX_SENTENCES)
      .map((sentence) => this.decideIntent(this.classifier.predict(sentence)))
      .filter((intent): intent is Extract<Intent, { kind: 'topic' }> => intent.kind === 'topic' && !intent.alternatives);
    return answers.sort((a, b) => b.confidence - a.confidence)[0];
  }
}
