import type { App } from '../../src/app';
import { outcomeOf, readerQuestions } from '../helpers/realistic-questions';
import { keysOf, replyTo, testApp } from '../helpers/test-app';

/**
 * Questions written by the readers who checked each change to how the guide reads questions (eight sessions'
 * readers): each read a change's reading rules and wrote probes aimed at them — questions and follow-ups the rules
 * should read right, and questions sharing their cue words that mean something else — each with the topic that
 * answers it (one of two where either is right) and any earlier messages of the conversation. Written from the
 * rules, not blind: a regression set that a change to the reading runs against at once (they had lived on one machine).
 */
const questions = readerQuestions();

/**
 * As measured through the adapter at this session's end (3 168 questions: the 3 048 of eleven sessions' readers, and
 * reader 43's 120 written blind against this session's change to scope follow-ups, 100 of them right before it, 101
 * after): read strictly, as the realistic rounds are (a "did you mean…?" is not an answer): 2 624 right, 424 wrong, no
 * emergency reply (the readers aimed at the rules' edges). The earlier readers' 3 048: 2 517 -> 2 523 right, 412 -> 406
 * wrong, 7 -> 0 emergency replies (round 28's emergencies learnt, then the classifier's false alarms on ordinary
 * questions framed). Next session: readers 45 and 48 (2 × 120 blind probes of that session's reading changes: 78 -> 96
 * and 88 -> 98 right); all 3 408 at its end: 2 854 right, 433 wrong, no emergency reply. The twenty-fourth session:
 * reader 51 (130 blind probes of its reading changes: 104 right before them, 108 after); all 3 538 at its end: 2 965
 * right, 447 wrong, one emergency reply ("does it have to be written" after how to complain: the crisis classifier alone,
 * p 0.77; a cap on questions about writing was tried and dropped because it also held back "I wrote a note and took all
 * of them, does it have to be written down for the ambulance"). The twenty-fifth session: reader 54 (142 blind probes of
 * its reading changes: 111 right before them, 137 after) and reader 55 (130 blind probes of its later changes: 96
 * right at the session's start, 116 at its end); all 3 810 at its end: 3 257 right, 425 wrong, the same one emergency
 * reply. The twenty-sixth session: reader 56 (130 blind probes of its first reading changes: 94 right before them, 103
 * after, 106 once three of its misses were read) and reader 58 (100 blind probes of its later changes: 78 right before
 * them, 79 after, 83 once its likenings were read); all 4 040: 3 451 right, 457 wrong, the same one emergency reply.
 * The twenty-seventh session: reader 59 (109 blind probes of its reading changes: 73 right before them, 78 after, 91
 * once its misses were read; one false emergency reply, "bliver det her gemt for evigt?", framed); all 4 149: 3 544
 * right, 468 wrong (the earlier 4 040: 3 453 right, 453 wrong), the same one emergency reply.
 * The twenty-eighth session: reader 62 (171 blind probes of the situations its reading changes were for, in other
 * words: 124 right at the session's start, 129 after its first changes, 161 once its misses were read); all 4 320:
 * 3 709 right, 474 wrong (the earlier 4 149: 3 548 right, 467 wrong), the same one emergency reply. Then reader 65 (130
 * blind probes of the same situations, written after the rules: 101 right on the session's starting code, 109 with
 * the rules, 118 once its misses were read; a debt question, "har fået en masse gæld pga coke", got the emergency reply
 * and now does not); all 4 450: 3 828 right, 481 wrong, the same one emergency reply.
 * The twenty-ninth session: readers 68 and 69 (132 and 134 blind probes of the situations of round 35's failures, in
 * other words; 68 written when the session's first rules existed, 69 after 68's misses were read, neither shown them):
 * reader 68 95 right on the session's starting code, 105 with the first rules, 129 once read; reader 69 100, 110, 130.
 * Added without their equals: all 4 708: 4 083 right, 483 wrong, the same one emergency reply.
 * The thirtieth session: readers 71 and 72 (132 and 130 blind probes of the situations of round 36's failures, in
 * other words, written when the session's first rules existed, neither shown them): reader 71 104 right on the
 * session's starting code, 106 with the first rules, 122 once read; reader 72 103, 107, 122. Added without their
 * equals (three): all 4 967: 4 332 right, 488 wrong, one emergency reply (reader 71's "whats the ladder here, from the
 * lightest kind of help up to the heaviest?", the crisis classifier alone; the earlier one gets a line since). At the
 * session's end, with a frame that keeps the classifier out of questions about the kinds of help: 4 333 right, 487
 * wrong, no emergency reply.
 * The thirty-first session: readers 76 and 77 (135 and 135 blind probes of the situations of round 37's failures, in
 * other words, written when the session's first rules existed, neither shown them): reader 76 107 right on the
 * session's starting code, 112 with the first rules, 127 once read; reader 77 114, 118, 130. Added without their
 * equals (six): all 5 231: 4 589 right, 488 wrong, 3 emergency replies (from round 37's learnt patterns, before they
 * were narrowed). Then reader 79 (134 more blind probes of the same situations, written after 76 and 77 were read: 108
 * right on the starting code, 118 with the session's rules, 133 once read). Added without its equals (three): all 5 362
 * at the session's end: 4 722 right, 487 wrong, no emergency reply.
 * The thirty-second session: a second topic model that also learnt the realistic rounds (not this file, though 254 of
 * its texts occur in the rounds too) backs off the first where it is unsure: 4 738 right, 487 wrong, no emergency reply.
 * Then reader 81 (221 blind first messages of every kind, written after that change, never shown it): 213 right, 5
 * wrong, 3 asked back on the session's starting code and after alike. Added without its equals (five): all 5 578:
 * 4 946 right, 492 wrong, no emergency reply.
 * The thirty-third session: the second model relearnt with round 39 moved three of these to wrong (495; counted, not
 * read one by one); the session's rules brought one back: 4 951 right, 494 wrong, no emergency reply. The floors hold
 * it; raise them as the guide improves. The thirty-fourth session: the second model relearnt with round 40 moved two of
 * these from right (counted, not read one by one): 4 949 right, 494 wrong; whether Pitstop's staff speak English (or
 * an interpreter) is "not in the documents" by a cue again: 4 951. The thirty-fifth session: relearnt with round 41,
 * 4 953 right, 495 wrong (two answers that were asked back became wrong; counted, not read one by one). The
 * thirty-sixth session: relearnt with round 42, 4 952 right (counted, not read one by one). The thirty-seventh:
 * relearnt with round 43, 4 951 right, 494 wrong (counted, not read one by one); the session's reading rules (a
 * relative's talks for themselves, a thanks after an answer, a "no" that only refuses, matters outside the documents,
 * one's own drinking, whether a young person can come at all): 4 970 right, 476 wrong. The thirty-eighth: relearnt
 * with round 44, 4 970 right, 474 wrong (counted, not read one by one); round 44's learnt emergency patterns, 4 971
 * and 473. The thirty-ninth: relearnt with round 45, 4 971 right, 477 wrong (four asked back or out of scope became
 * wrong; counted, not read one by one). The fortieth: relearnt with round 46 and the session's reading rules (a
 * typo in a kind of help's name, help one goes to every day, how long until one can start, ...), 4 975 right, 475 wrong.
 * The forty-first: relearnt with round 47 and "er der nogen der …" read as a question, 4 977 right, 473 wrong.
 * The forty-second: relearnt with round 48 and its readings ("perfect, exactly what i needed to know" is thanks), 4 978
 * right, 472 wrong. The forty-third: relearnt with round 49 and its readings (what happens when treatment is over,
 * coming home from residential treatment, "og til mig?" from a relative), 4 980 right, 469 wrong; rounds 46-48's
 * (the name of one's counsellor, health insurance), 4 981 right, 468 wrong. The forty-fourth: relearnt with round 50
 * and its readings (whether the job centre is told, a psychiatrist asked for, a text message instead of a call), a
 * young writer's age kept across the conversation, 4 987 right, 467 wrong; with rounds 41-45's readings and round 50's
 * emergency patterns (a question whether one is told of missed appointments no longer alarmed), 4 994 right, 462 wrong.
 * The forty-fifth: relearnt with round 51, 4 994 right, 462 wrong, and one emergency reply: the retrained emergency
 * classifier reads "min bror er på speed hele tiden og min mor er helt færdig" at 0.751 (the bar is 0.75) with no
 * pattern behind it; a higher bar would lower some 30 learnt emergencies only the classifier knows, and a frame around
 * "helt færdig" would also keep it from a relative's real emergency told beside those words. With the session's
 * readings (help asked for a named drug, whether the jobcentre will hear of it, grandparents as relatives, "og mig?"
 * from a young writer after a parent's drinking, …), 4 997 right, 459 wrong.
 */
const FLOOR = { right: 4997, wrong: 459, emergencies: 1 };

let app: App;
beforeAll(async () => {
  app = await testApp();
});

afterAll(() => app.close());

describe("Readers' questions (reading rules, a regression set)", () => {
  it(`answers at least ${FLOOR.right} of ${questions.length} right, at most ${FLOOR.wrong} wrong, at most ${FLOOR.emergencies} with the emergency reply`, async () => {
    const counts = { right: 0, wrong: 0, emergencies: 0 };
    for (const { expected, context, text } of questions) {
      const replies = await replyTo(app, { language: 'da', text, context });
      if (keysOf(replies).includes('crisis.acute')) counts.emergencies += 1;
      const outcomes = expected.map((label) => outcomeOf(app.content, label, replies));
      if (outcomes.includes('right')) counts.right += 1;
      else if (outcomes.every((outcome) => outcome === 'wrong')) counts.wrong += 1;
    }
    expect(counts).toEqual({
      right: Math.max(counts.right, FLOOR.right),
      wrong: Math.min(counts.wrong, FLOOR.wrong),
      emergencies: Math.min(counts.emergencies, FLOOR.emergencies),
    });
    // Two and a half thousand conversations through the adapter: near the default timeout on a busy two-core machine.
  }, 180_000);
});
