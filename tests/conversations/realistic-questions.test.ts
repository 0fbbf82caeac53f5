import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { App } from '../../src/app';
import { defaultContentDir } from '../../src/base/project-paths';
import { CONTENT_FILES } from '../../src/content/content-files';
import { learntTrainingExamples } from '../../src/nlu/recognizer';
import { fold } from '../../src/text/fold';
import { learntQuestionsFile, outcomeOf, REALISTIC_ROUNDS, realisticRound } from '../helpers/realistic-questions';
import { keysOf, replyTo, testApp } from '../helpers/test-app';

/**
 * Each blind round is held at the level measured through the real entry point (npm run
 * eval:realistic), so a change that answers fewer of them fails. Round 3 was measured once as a held-out
 * set (324 right); its misses then guided the subject rules (now 336). Its 4 emergency replies are false
 * alarms on messages about long use ("har taget alt for meget kok de sidste par måneder"); they are
 * held at that count, not tuned away on a held-out set. Round 4 was measured at the start (427) and the
 * end (428) of the round of work that followed round 3, never looked at question by question. Round 5
 * (long, very short and follow-up messages) was measured once, at the end of that session, for the next
 * one to improve on (428; 427 after the review's fixes: one-turn age groups, capped sentence scoring);
 * its 4 emergency replies are false alarms held at that count, as round 3's. The next session learnt
 * round 5's emergencies and 640 new training messages (helper-written, never seeing a test set): rounds
 * 3–5 gained 17, 7 and 13 answers and lost their false alarms but one each in rounds 2 and 5 (the crisis
 * classifier); rounds 1–2 lost one answer and gained one or two wrong ones. Round 6 (495, held out) was
 * measured at that session's start (428 right, 45 wrong, 6 false emergency replies) and end (444, 41, 5).
 * Round 7 (497, two blind writers: citizens and teenagers; relatives, staff and English) was measured at
 * the start of its session on that session's starting code: 441 right, 35 wrong, 2 false emergency replies.
 * That session's work (761 helper-written training messages, the overview and alcohol rules, small-talk
 * phrases, training phrases answered as themselves) took rounds 1–6 from 2 127 to 2 150 right and from 143
 * to 125 wrong (2 151 and 124 with the last question of a long message read on its own), but moved one
 * answer in round 1 (now a clarification): its floor follows, the others rise. Round 7, never looked at,
 * did not move: 440 right, 35 wrong, 2 false emergency replies at the end of that session. Round 8 (487,
 * two blind writers: citizens and teenagers; relatives and staff; 33 questions equal to an earlier round's
 * left out) was measured on the code at the start of its session: 416 right, 45 wrong, 2 false emergency
 * replies. That session's work (round 7's emergencies learnt, 'not in the documents' for matters the
 * documents do not cover, one plausible topic answered instead of asked about, aspect follow-ups up to eight
 * words, 628 helper-written messages from relatives and staff) took rounds 2–7 from 2 357 to 2 381 right and
 * from 150 to 136 wrong (round 7's two false emergency replies gone), but round 1 from 9 to 13 wrong (relatives' and staff phrases
 * pull four of its short citizen questions: 'skal jeg have en henvisning fra min læge' to referral by
 * professionals, '§ 141 for mig der drikker' to the legal basis): its wrong floor follows. Round 8, never
 * looked at, measured at that session's end: 416 -> 425 right, 45 -> 40 wrong, 2 -> 1 false emergency reply.
 * Questions about Pitstop's opening hours are answered by contact (which says the documents give no hours,
 * and whether Pitstop is open now where the municipality has set them), though the writers' brief lists
 * them as 'not in the documents': eight regression questions count as wrong for it (the brief now lists them
 * under contact). Round 9 (473, two blind writers: citizens, teenagers and young adults; relatives, staff and
 * English speakers; 47 questions equal to an earlier round's left out) was measured on the code at the start
 * of its session: 416 right, 36 wrong, 2 false emergency replies. That session's work (round 8's emergencies
 * learnt; Projekt GIV or help for relatives by the writer's own age; greetings with a question mark; a vague
 * message in the field asked about; a training phrase answering where a follow-up reading is unsure; 290
 * helper-written messages for the neighbours rounds 1–8 confuse, written to a brief that named round 8's
 * missed kinds of question, so round 8 flatters) took rounds 1–8 from 3 039 to 3 066 right and from 189 to
 * 160 wrong, and their false emergency replies from 6 to 4. Round 3 moved one answer to wrong ('giv?? hvad
 * er det min laerer sagde…' now reads as Pitstop, 'metadon … egen laege' as not in the documents): its
 * floor follows, the others rise. Round 9 at that session's end: 417 right (416 at the start), 37 wrong (36),
 * 1 false emergency reply (2): the gains on the rounds looked at hardly carried to the unseen one. (It
 * was also measured once mid-session, after which a rule that answered the named subject of a tie was taken
 * out: on rounds 1–8 it had turned about ten questions asked about into 8 right and 2 wrong answers.) A
 * review then narrowed the GIV rule to readings of relatives or GIV (not counselling, where it cannot tell
 * whose use it is): round 4 one answer back to wrong, its floor follows (rounds 1–8: 3 065 right, 161 wrong).
 * Round 10 (454, two blind writers, each half Danish and English, citizens, relatives and staff alike; 66
 * questions equal to an earlier round's left out) was measured on the code at the start of its session: 386
 * right, 45 wrong, 1 false emergency reply. That session's work (round 9's emergencies learnt; rules for what a
 * message's words ask more clearly than the classifier's neighbours: treatment beyond counselling without
 * one's name, the law behind both drug and alcohol treatment, a relative's talks for themselves, a child's
 * question after one about a parent's use, a writer past young adulthood asking whether it is only for the
 * young; whether a subject reaches someone asked about that subject; how soon treatment must start as the
 * guarantee; the content's reading rules: staff
 * names, drug-test windows and AA meetings not in the documents, "er det en robot…", "uger eller år",
 * parents of a baby; "hvor mange kan man få?" about the subject before) took rounds 1–8 from 3 066 to 3 106
 * right and from 160 to 128 wrong, round 9 (now looked at) from 417 to 429 and 37 to 26. Round 10, never looked
 * at, measured at that session's end: 386 -> 392 right, 45 -> 39 wrong, 1 false emergency reply (1). A
 * second reader then narrowed the rules (no staff referral by audience, the cue lists for relatives, the law,
 * waiting times, small children and drug tests, the subject nearest the question, GIV after a relatives
 * question only for a minor, the adult rule only for a writer asking for themselves): rounds 1–8 3 105 right,
 * 129 wrong; round 9 428, 27; round 10, measured once more after that: 391 right, 40 wrong, 1 false emergency.
 *
 * Round 11 (463, two blind writers; 57 equal to an earlier round's left out) on the code at the start of its
 * session: 410 right, 25 wrong, 9 with the emergency reply. Measured again after that session's emergency work
 * (round 10's emergencies learnt, with a second reader's fixes) and before its understanding work: the same.
 * At the session's end (the laws of subjects, small talk, a probe for false emergency alarms and two second
 * readers' fixes, which took rounds 1–10 from their floors at its start, 3 924 right and 196 wrong, to 3 936 and 187): the same, 410 and 25,
 * and 9 emergency replies. That emergency work made the classifier alone raise the emergency reply on one more
 * round-7 question ("…is too much right now. Can the anonymous counselling be done over the phone?", p 0.76):
 * round 7's floor allows it.
 *
 * Round 12 (483, two blind writers; 36 equal to an earlier round's left out, and one written by both writers) on the
 * code at the start of its session: 433 right, 33 wrong, 4 with the emergency reply; at its end: 436, 32 and 3.
 * Then this test found two of that session's new training phrases equal to round-12 questions (written from
 * rounds 7 and 11, never from round 12): they were taken out and the round measured once more: 435, 30 and 3. Round 11, now a regression
 * set, after that session learnt round 11's emergencies and fixed the false alarms its questions showed ("taget
 * speed og drukket meget", "move abroad", "without getting seizures", "blevet taget med hash", "skære ned"): 413
 * right, 21 wrong, 5 emergency replies, all from the classifier alone. Its understanding work (reading rules for
 * anonymity, the guarantee for alcohol, the cost for the young, a phone not answered and what Pitstop is; training
 * phrases for round 11's misses; rules for forced treatment, the phone queue and the duty to notify, which are not in
 * the documents; rules that read a follow-up only after its topic: "hvilke dage?" after the alcohol counselling,
 * "hvordan kommer hun med?" after Projekt GIV, "er der noget særligt for mig?" after help for pregnant women and
 * parents of small children or after help for the young; each narrowed after a second reader's 440 probes found
 * them overriding right readings) then took rounds 1-10 from 3 936 right and 187 wrong to 3 981 and 160, round 11
 * to 437 and 11. Fifteen questions of rounds 1-8 about opening hours were relabelled contact (the brief listed them
 * under not_in_documents until then; from round 9 the writers chose contact, whose answer says the documents give no
 * hours and how to reach Pitstop); each carries a note saying so.
 *
 * Round 13 (470, two blind writers, written a session ahead and kept unread; 50 equal to an earlier round's left out)
 * on the code at the start of its session (9060901): 425 right, 26 wrong, 1 with the emergency reply; at its end
 * (the work below): 429 right, 25 wrong, 1 with the emergency reply. Learning
 * round 12's emergencies retrained the crisis classifier, which then raised the emergency reply alone on one question
 * each of rounds 11 and 12 (p 0.84: "skal han selv sige ja til det?" after aftercare, and a parent asking for help
 * for the children): their floors allow it. Then the classifiers' training order became each phrase's own (a
 * hash of it, not a shuffle of all): one added phrase had moved some 34 regression answers by reshuffling, now 0-3.
 * That one-off reset moved borderline answers both ways: rounds 1-12 from 4 852 right and 203 wrong to 4 849 and
 * 209; with rules for sick leave (not in the documents), Pitstop's street name and a cost question the classifier
 * alone took for an emergency, 4 853 and 205. Then 1 325 realistic training messages written by six helpers who read
 * only the writers' brief and the documents (never a test round; 34 equal to a held-out or next-round question left
 * out, and their "not in the documents" questions too, which pulled bare drug names there) with a rule for a bare
 * drug name and one for a subject torn with its aspect: 4 890 right, 198 wrong. Rounds 1, 2, 10 and 12 lost a few
 * (242/6, 222/5, 412/31, 438/33) while the others gained; the floors hold the figures as measured.
 *
 * Round 14 (479, two blind writers, written a session ahead and kept unread; 41 equal to an earlier round's left out)
 * on the code at the start of its session (7e290ef): 426 right, 37 wrong, 3 with the emergency reply; at its end: 427,
 * 36 and 3. That session's understanding work, read on rounds 1-13 (5 320 right, 222 wrong at its start): reading
 * rules for round 13's misses (needles, withdrawal, a bus, visitation, the law, Borger- og Socialservice's number,
 * how to reach an offer, who one talks to at Pitstop, aftercare), the conversation's substance (alcohol alone or
 * drugs), a relative's 'hvad med mig?', and a short follow-up that points back read with the question before it;
 * then narrowed after a second reader's 350 probe conversations: 5 357 right, 189 wrong. Round 9 lost one (17 -> 18
 * wrong) to 'der'/'there' no longer pointing back, which the reader's probes showed opening new questions.
 *
 * Round 15 (455, two blind writers, written a session ahead and kept unread; 65 equal to an earlier round's or to
 * each other left out) on the code at the start of its session (871505c): 423 right, 19 wrong, 3 with the emergency
 * reply; at its end (9047c69): 426, 16 and 2. Round 14, now looked at: its misses gave anonymity cues (registered,
 * name and CPR, the employer), the 14-day rule for alcohol, small talk (a decline, a goodbye, "du har været en stor
 * hjælp"), rules for a time booked without a phone call, a child whose parents use (Projekt GIV), whether Pitstop is
 * only for adults, what Pitstop is, choosing where one goes, detox's and day treatment's follow-ups, and "not in the
 * documents" cues (losing a driving licence, a court case, the police, expulsion, the heart); and three false
 * emergencies ("så siger jeg farvel", "we barely speak", "does he have to take part in writing it himself?"). A
 * second reader's 327 probe conversations took out a thanks-or-goodbye reading of follow-ups and narrowed the
 * anonymity cues (199 -> 226 right); then whole-message small talk up to ten words, with statements that end a
 * conversation ("tak, det var det jeg havde brug for at vide", "jeg ringer til pitstop i morgen", "gtg bye"): 255.
 * Rounds 1-14 from 5 785 right, 224 wrong, 14 emergencies to 5 822, 194, 10 (round 14: 427/36/3 to 457/11/0).
 *
 * Round 16 (467, two blind writers, written a session ahead and kept unread; 53 equal to an earlier round's question
 * in the same context left out; a follow-up whose words equal an earlier one's after another first message stays,
 * as a new test of context) on the code at the start of its session (6052371): 429 right, 27 wrong, 4 with the
 * emergency reply; at its end (5c2588b): 436, 23 and 4, with 8 questions back instead of 11. Its session's work, read on rounds 1-15 (round 15 now looked at): 6 248 right, 210 wrong, 13
 * emergencies at its start. Learning round 15's emergencies and two training sets retrained the crisis classifier,
 * which lifted questions about the service to the emergency reply; a question about the service now caps it
 * (6 257, 201, 3). Then: an aspect answered in general carries to "og døgn?" next; "gælder det også for alkohol?"
 * after the guarantee stays with it; "nej" to a flow's question it does not answer declines the flow; more ways of
 * saying an answer helped; a writer saying only that they use a drug is read as the drug named alone; a leading
 * reading is answered (naming it, the runner-ups as buttons) from 1.25 times the next instead of 1.5 (26 fewer
 * questions back: about 7 in 10 of them now right, the rest wrong with the right topic mostly among the buttons);
 * 513 training messages by two blind helpers (measured once first: 316 of 328 and 292 of 300 right): 6 286, 200,
 * 3, with 108 questions back instead of 134. Per round that moved 1-3 answers each way; rounds 3, 4, 8, 9, 13 and
 * 14 each have one or two more wrong answers than before (the floors hold the figures as measured).
 *
 * Round 17 (463, two blind writers, written a session ahead and kept unread; 56 equal to an earlier round's question
 * in the same context and 1 equal to another of the round left out) on the code at the start of its session
 * (59e4c50): 433 right, 15 wrong, 0 with the emergency reply, 15 questions back; at its end (d3a51af): 438, 13, 0
 * and 12. Its session's work, read on rounds
 * 1-16 (round 16 now looked at): 6 722 right, 223 wrong, 7 emergencies, 116 questions back at its start. Learning
 * round 16's emergencies and training sets 105/106 moved no question. Then 567 training messages by two blind helpers
 * (train-l and train-m, 654 written; measured once first: 311 and 309 of 327 right; 18 equal to a held-out or
 * next-round text left out): 6 734, 217, 7, 107 (rounds 2, 5, 6, 7, 10, 13 lost one or two). Round 16's false
 * emergencies: a parent's "findes der noget hjælp til os forældre?" and "hvad så bagefter?" after detox cap the
 * classifier, "taget af politiet med stoffer" is no child's swallowing. Reading rules from round 16's misses
 * (content/commands.json: the phone queue, what happens when treatment ends, help for under-18s, a parent's or an
 * adult child's own talks, being free of withdrawal, going home after treatment, who decides, the daytime only,
 * whether the help just named is anonymous, an employer or a CPR number): 6 749, 203, 4, 106 (round 16: 450, 10, 1).
 * Then a rule also settles a tie its own topic leads against one of its readings, a rule may read a message no
 * reading is sure of ("jeg har det skidt": the contact answer), and an age under 18 settles a tie the help for young
 * people leads against help for relatives or in general: 6 752, 204, 4, 102 (round 16: 451, 10, 1). Second readers'
 * follow-up probes (scratch play-cmp, before = 7ae8b5e): 287 -> 286 of 350, 258 -> 260 of 327, 265 -> 267 of 282.
 * The floors hold the figures as measured.
 *
 * Round 18 (455, two blind writers, written a session ahead and kept unread; 65 equal to an earlier round's question
 * in the same context left out) on the code at the start of its session (010e7e1): 430 right, 21 wrong, 3 with the
 * emergency reply, 4 questions back; at its end (ce2e5cd): 430, 20, 3 and 5. Its session's work, read on rounds 1-17
 * (round 17 now looked at; 438, 13, 0, 12 at the start): rounds 1-16 6 752 right, 204 wrong, 4 emergencies, 102
 * questions back at the start. 315 training messages by a blind helper (train-n, 365 written, measured once first:
 * 346 right): rounds 1-16 6 751, 205, 4, 102 (rounds 1, 14 and 15 lost two or three, 2, 7, 8, 9, 10 and 11 gained
 * one or two). Reading rules from round 17's misses, narrowed with a second reader (/work/reader13: 196 -> 260 of 356
 * follow-up probes, none worse; earlier readers' 959 unchanged): 6 754 (round 17: 450, 5, 0, 7). Emergency training
 * sets 109/110 learnt and 'not in the documents' cues for legal and work consequences, tapering, apps and data
 * sharing: 6 760, 205, 5, 93 (round 11 gained a false emergency the classifier alone gives a complaint about a
 * refusal, p 0.752; capping it for complaints lost two learnt emergencies). The floors hold the figures as measured.
 *
 * Round 19 (463, two blind writers, written a session ahead and kept unread; 57 equal to an earlier round's question
 * in the same context left out) on the code at the start of its session (3c0b898): 425 right, 27 wrong, 2 with the
 * emergency reply, 10 questions back (and 1 out of scope); at its end (0086398): 425, 24, 2 and 13. Its session's
 * work, read on rounds 1-18 (round 18 now looked at): 7 641 right, 229 wrong, 7 emergencies, 105 questions back at
 * its start (dbad4af). 297 training messages by a blind helper (train-o, measured once first: 361 of 372 right):
 * 7 650, 229, 7, 97. Round 18's false emergencies ('inden jeg fortryder det hele', 'er der noget til mig?', 'not
 * asking for him, asking for me') and reading rules from its misses, narrowed with a second reader (/work/reader16:
 * 257 -> 265 with the draft, 37 worse; 317 now, none worse): 7 672, 209, 4, 95. Rules for the regression rounds'
 * shared misses (who assesses, the police, a parent's children, "what about if i'm 16?"): 7 680, 201, 4, 95. 320
 * training messages by a blind helper (train-p, measured once first: 364 of 376 right): 7 683, 196, 4, 98 (rounds 5, 17
 * and 18 lost one each). The floors hold the figures as measured.
 *
 * Round 20 (445, two blind writers, written a session ahead and kept unread; 75 equal to an earlier round's
 * question in the same context left out) on the code at the start of its session (68ed258): 420 right, 18 wrong, no
 * emergency reply, 6 questions back (and 1 out of scope); at its end (6be9e95): 422, 16, none and 6. Its session's
 * work, read on rounds 1-19 (round 19 now looked at): 8 108 right, 220 wrong, 6 emergencies, 111 questions back at its
 * start (the floors then); at its end 8 115, 211, 4 and 111 (round 19: 425 -> 431 right, 24 -> 17 wrong, 2 -> 0 false
 * emergencies). Rounds 7, 9, 12, 13, 16 and 18 lost one or two answers each, the topic classifier moving when 695
 * emergency messages (its 'crisis' readings) and 34 training phrases were learnt; 609 training phrases at once had
 * lost four answers and broken eight floors, so only the 34 the guide missed were kept. The floors hold the end.
 *
 * Round 21 (455, two blind writers, written a session ahead and kept unread; 65 equal to an earlier round's
 * question in the same context left out) on the code at the start of its session (b35891f, recognition as 0850287):
 * 437 right, 7 wrong, no emergency reply, 11 questions back; at its end (385cd19) the same.
 *
 * Round 22 (430, two blind writers, written a session ahead and kept unread; 90 equal to an earlier round's
 * question in the same context left out) on the code at the start of its session (d0b50f0): 408 right, 15 wrong, 2 with
 * the emergency reply, 6 questions back (and 1 out of scope); at its end (eeb3951) the same.
 *
 * Round 23 (437, two blind writers, written a session ahead and kept unread; 83 equal to an earlier round's
 * question in the same context left out) on the code at the start of its session (35bf402): 417 right, 14 wrong, 1
 * with the emergency reply, 6 questions back; at its end (112ae6e: round 22 learnt, reading rules widened) 418 right,
 * 13 wrong, 1 emergency reply, 6 questions back. The floors hold the end; earlier rounds' floors were raised to the
 * session's end as well (rounds 1-22: 9 384 -> 9 399 right, 249 -> 234 wrong, 6 -> 3 emergency replies).
 *
 * Round 24 (429, two blind writers, written a session ahead and kept unread; 91 equal to an earlier round's
 * question in the same context left out) on the code at the start of its session (a9183b5): 403 right, 23 wrong, 1
 * with the emergency reply, 3 questions back; at its end (round 23 learnt, this session's reading rules) the same. This
 * session's work, read on rounds 1-23 (round 23 now looked at): 9 816 right, 248 wrong, 5 emergency replies, 138
 * questions back after round 23's emergencies were learnt; at its end 9 836, 234, 3 and 132 (round 23: 418 -> 428
 * right, 13 -> 3 wrong, 1 -> 0 false emergencies). The floors hold the end.
 *
 * Round 25 (421, two blind writers, written a session ahead and kept unread; 99 equal to an earlier round's
 * question in the same context left out) on the code at the start of its session (6d055f9): 383 right, 24 wrong, 2
 * with the emergency reply, 14 questions back; at its end (round 24 learnt, reading rules for round 24's questions
 * narrowed after a reader, the content cache) the same. Rounds 1-24 in process: 10 239 right, 257 wrong, 4 emergency
 * replies after round 24's emergencies were learnt; at the end 10 249, 247 and 2 (round 24: 403 -> 412 right, 23 -> 14
 * wrong, 1 -> 0 emergency replies). The floors hold the end.
 *
 * Round 26 (459, two blind writers, written a session ahead and kept unread; 61 equal to an earlier round's
 * question in the same context left out) on the code at the start of its session (e31f06f): 417 right, 32 wrong, 3
 * with the emergency reply, 8 questions back; at its end (round 25 learnt, reading rules for round 25's questions
 * narrowed after reader 32, round 25's crisis rules narrowed after reader 33): 419 right, 30 wrong, 3 and 8. Rounds 1-25
 * in process: 10 632 right, 271 wrong, 4 emergency replies after round 25's emergencies were learnt; at the end 10 666,
 * 253 and 4 (round 25: 383 -> 409 right, 24 -> 10 wrong; a refusal by the municipality read as a complaint in rounds 9,
 * 13, 17 and 19). The floors hold the end.
 *
 * Round 27 (433, two blind writers, written a session ahead and kept unread; 87 equal to an earlier round's
 * question in the same context left out) on the code at the start of its session (fcb254b): 394 right, 31 wrong, 2
 * with the emergency reply, 6 questions back; at its end (reading rules for round 26's questions narrowed after reader
 * 36, a denied drug no longer the conversation's substance, round 26's emergencies learnt and three rounds of crisis
 * rules) the same. Rounds 1-25 in process: 10 663 right, 255 wrong, 6 emergency replies after round 26's emergencies
 * were learnt; at the end 10 669, 249 and 4 (round 26, now looked at: 419 -> 445 right, 30 -> 10 wrong, 3 -> 0
 * emergency replies). The floors hold the end.
 *
 * Round 28 (418, two blind writers, written a session ahead and kept unread; 102 equal to an earlier round's
 * question in the same context left out) on the code at the start of its session (d0b796d): 380 right, 32 wrong, 4
 * with the emergency reply, 6 questions back; at its end (bc130b3: round 27's emergencies learnt and their rules
 * narrowed after reader 40, follow-ups read together with the message before) 382 right, 31 wrong, 3 with the emergency
 * reply, 5 questions back. Reading a follow-up together with the message before (its words'
 * label scores kept instead of its reading's three topics) on rounds 1-27: 11 510 -> 11 576 right, 289 -> 294 wrong
 * (+1 or +2 wrong in rounds 10, 13, 14, 15, 17, 19, 23 and 26, each with more right; most of the rest were asked back).
 *
 * Round 29 (403, two blind writers, written a session ahead and kept unread; 117 equal to an earlier round's
 * question in the same context left out) on the code at the start of its session (a0996b4): 371 right, 27 wrong, 3
 * with the emergency reply, 4 questions back, 1 out of scope; at its end (1da0184: round 28's emergencies learnt and
 * their rules narrowed after reader 42, 17 false emergency replies on ordinary questions framed, a scope follow-up sure
 * of another subject keeping it) the same. Against the session's start: rounds 1-27 11 576 -> 11 581 right, 294 -> 289
 * wrong, 5 -> 1 emergency replies; round 28 382 -> 385 right, 31 -> 28 wrong, 3 -> 0 emergency replies (rounds 11, 16,
 * 20, 25, 27 and 28 raised); round 10 lost one (425 -> 424): learning round 28 put a question about a
 * fine for a gram of coke "just wondering" over the classifier's line (p 0.47), and a question with a line is not
 * answered "not in the documents", so it is asked back.
 *
 * Round 30 (432, four blind writers, two for the questions, written a session ahead and kept unread; 88 equal to an
 * earlier round's question in the same context left out) on the code at the start of its session (abf0b61): 404
 * right, 19 wrong, 1 with the emergency reply, 8 questions back, 1 out of scope; at its end 407 right, 17 wrong, 1
 * with the emergency reply, 7 questions back.
 *
 * Round 31 (421, four blind writers, two for the questions, written a session ahead and kept unread; 99 equal to an
 * earlier round's question in the same context left out) on the code at the start of its session (5a78029): 392
 * right, 21 wrong, 2 with the emergency reply, 8 questions back (5 with the right reading among the choices); at its
 * end (round 30's failures read, round 30 and training set 119 learnt and their rules narrowed after readers 49-51)
 * 394 right, 20 wrong, 2 with the emergency reply, 7 questions back. Against the session's start: rounds 1-30 and the
 * readers' questions 15 624 -> 15 759 right (130 of them reader 51's, new), 771 -> 769 wrong; round 30 407 -> 421 right,
 * 17 -> 9 wrong, 1 -> 0 emergency replies.
 *
 * Round 32 (399, four blind writers, two for the questions, written a session ahead and kept unread; 121 equal to an
 * earlier round's question in the same context left out) on the code at the start of its session (7f2da1c): 364
 * right, 27 wrong, 2 with the emergency reply, 7 questions back (4 with the right reading among the choices), 1 out of
 * scope; at its end (round 31's failures read, readers 54 and 55's probes read, round 31's emergencies learnt) 365
 * right, 26 wrong, 2 with the emergency reply, 7 questions back, 1 out of scope. Against the session's start: rounds
 * 1-30 12 793 -> 12 832 right, 322 -> 289 wrong; round 31 (now looked at) 394 -> 415 right, 20 -> 6 wrong, 2 -> 0
 * emergency replies; the readers' 3 538 questions 2 965 -> 3 004 right, 447 -> 412 wrong.
 *
 * Round 33 (483, four blind writers, two for the questions, written a session ahead and kept unread; 37 equal to an
 * earlier round's question in the same context left out) on the code at the start of its session (86b55ff): 438
 * right, 36 wrong, 1 with the emergency reply, 9 questions back (6 with the right reading among the choices), none out
 * of scope; at its end (round 32's failures and readers 56 and 58's probes read, round 32's emergencies learnt) 439
 * right, 35 wrong, 1 with the emergency reply, 9 questions back, none out of scope (the same with the guide counted only
 * where it asks who the help is for, as before this session). Against the session's start: rounds 1-31 13 247 ->
 * 13 254 right, 295 -> 288 wrong; round 32 (now looked at) 365 -> 377 right, 26 -> 14 wrong, 2 -> 0 emergency
 * replies; the readers' 3 810 earlier questions 3 257 -> 3 260 right, 425 -> 422 wrong.
 *
 * Round 34 (456, four blind writers, two for the questions, written a session ahead and kept unread; 64 equal to an
 * earlier round's question or to each other in the same context left out) on the code at the start of its session
 * (aa4caaf): 413 right, 29 wrong, 1 with the emergency reply, 14 questions back (9 with the right reading among the
 * choices), none out of scope; at its end (round 33's failures and reader 59's probes read, round 33's emergencies
 * learnt) the same counts. Against the session's start: rounds 1-33 and the readers' earlier questions 17 521 -> 17 547
 * right, 794 -> 769 wrong, none right -> wrong (scratch-local/outcomes.ts; round 33, now looked at, 439 -> 459 right).
 *
 * Round 35 (473, four blind writers, two for the questions, written a session ahead and kept unread; 47 equal to an
 * earlier round's question or to each other in the same context left out; five equal to older training phrases) on
 * the code at the start of its session (d7eff07): 432 right, 26 wrong, 3 with the emergency reply, 14 questions back
 * (7 with the right reading among the choices), 1 out of scope; at its end (round 34's failures and readers 62 and
 * 65's probes read, round 34's emergencies learnt) 433 right, 26 wrong, 3 with the emergency reply, 13 questions back,
 * 1 out of scope (one question moved, from asked back to right). Against the session's start: rounds 1-34 and the
 * readers' earlier 4 149 questions 18 051 -> 18 083 right, 814 -> 787 wrong, none right -> wrong; round 34 (now looked
 * at) 413 -> 436 right, 29 -> 10 wrong, 1 -> 0 emergency replies. Rounds that gained keep their new counts as floors.
 *
 * Round 36 (425, four blind writers, two for the questions, written a session ahead and kept unread; 95 equal to an
 * earlier round's question or to each other in the same context left out; four equal to older training phrases) on
 * the code at the start of its session (99c2337): 369 right, 40 wrong, 2 with the emergency reply, 14 questions back
 * (8 with the right reading among the choices), 2 out of scope; at its end (round 35's failures and readers 68 and
 * 69's probes read, round 35's emergencies learnt) 371 right, 39 wrong, 2 with the emergency reply, 13 questions back,
 * 2 out of scope (two questions moved from wrong to right, one from a question back with the wrong choices to wrong).
 * Against the session's start: rounds 1-35 and the readers' earlier 4 450 questions 18 796 -> 18 837 right, 827 -> 804
 * wrong, none right -> wrong; round 35 (now looked at) 433 -> 465 right, 26 -> 8 wrong, 3 -> 0 emergency replies.
 * Rounds that gained keep their new counts as floors.
 *
 * Round 37 (439, four blind writers, two for the questions, written a session ahead and kept unread; 81 equal to an
 * earlier round's question or to each other in the same context left out; eight equal to older training phrases) on
 * the code at the start of its session (66277ca): 383 right, 40 wrong, 2 with the emergency reply, 13 questions back
 * (7 with the right reading among the choices), 3 out of scope; at its end (round 36's failures and readers 71 and
 * 72's probes read, round 36's emergencies learnt) 383 right, 41 wrong, 2 with the emergency reply, 13 questions back,
 * 2 out of scope (one question moved from out of scope to right, one from right to wrong). Against the session's
 * start: rounds 1-36 and the readers' earlier 4 708 questions 19 458 -> 19 515 right, 848 -> 807 wrong, none right ->
 * wrong; round 36 (now looked at) 371 -> 415 right, 39 -> 8 wrong, 2 -> 0 emergency replies. Rounds that gained keep
 * their new counts as floors.
 *
 * Round 38 (428, four blind writers, two for the questions, written a session ahead and kept unread; 92 equal to an
 * earlier round's question or to each other in the same context left out; eight equal to older training phrases) on
 * the code at the start of its session (173444c): 376 right, 32 wrong, 2 with the emergency reply, 18 questions back
 * (12 with the right reading among the choices), 2 out of scope; at its end 375 right, 34 wrong, 2 with the emergency
 * reply, 17 questions back (11 with the right reading among the choices), 2 out of scope (one question moved from right
 * to wrong and one from a question back to wrong; none the other way). Against the session's start (round 37's
 * failures and readers 76, 77 and 79's probes read, round 37's emergencies learnt): rounds 1-36 and the readers'
 * earlier 4 967 questions 19 758 -> 19 775 right, 816 -> 804 wrong, none right -> wrong; round 37 (now looked at) 383
 * -> 431 right, 41 -> 6 wrong, 2 -> 0 emergency replies. Rounds that gained keep their new counts as floors.
 *
 * Round 39 (429, four blind writers, two for the questions, written a session ahead and kept unread; 91 equal to an
 * earlier round's question or to each other in the same context left out; thirteen equal to older training phrases)
 * on the code at the start of its session (000cd56): 386 right, 34 wrong, no emergency reply, 8 questions back (5 with
 * the right reading among the choices), 1 out of scope; at its end 388 right, 34 wrong, no emergency reply, 6 questions
 * back (3 with the right reading among the choices), 1 out of scope (four questions moved to right, three from a question
 * back and one from wrong; two from right and one from a question back to wrong; counted, never read). In that session a second topic model learnt every earlier
 * round's questions asked without context (content/examples/learnt.json) and backs the first off where it is unsure:
 * the earlier rounds are now partly trained on, so their floors (set to that session's counts: rounds 1-38 and the
 * readers' questions 20 962 -> 21 058 right, 850 -> 826 wrong, 14 right -> wrong) guard against breakage, not measure
 * understanding. Three rounds lost one answer each to a first message now read otherwise (round 15: "min mor drikker
 * for meget og jeg er flov" as the help for alcohol, then "ved i hvem jeg er nu?" with it; round 22: "jeg er 22 og tager
 * en del speed" as pregnancy, as the first model leant too; round 30: a 27-year-old child of a drinker asking for
 * themselves as Projekt GIV).
 *
 * Round 41 (418, four blind writers, two for the questions, written a session ahead and kept unread; 102 equal to an
 * earlier round's question in the same context left out; nine equal to older training phrases) on the code at the
 * start of its session (082d6af): 358 right, 41 wrong, one emergency reply, 17 questions back (11 with the right
 * reading among the choices), 2 out of scope; at its end the same, but two emergency replies: the crisis classifier
 * relearnt with round 40 gave a second question of the round the emergency reply (counted with the detector alone on
 * the content after the intake and before, scratch-local/heldout-acute-count.ts: 2 and 1 of 418; never read). The
 * second model relearnt with round 40 moved one answer each of rounds 7, 12 and 38 to wrong (counted, not read one by
 * one); round 38's came back (a residential question the retrained crisis classifier had given the emergency reply).
 * Round 40, now in the second model's training: 404 right, 24 wrong; round 39 396 right.
 *
 * Round 42 (420, four blind writers, two for the questions, written a session ahead and kept unread; 100 equal to an
 * earlier round's question in the same context left out; six equal to older training phrases) on the code at the start
 * of its session (532254a): 379 right, 33 wrong, one emergency reply, 6 questions back (2 with the right reading among
 * the choices), 2 out of scope. The second model relearnt with round 41 moved one answer of round 38 to a question back
 * (counted, not read one by one). Round 41, now in the second model's training: 369 right, 36 wrong.
 *
 * Round 43 (424, four blind writers, two for the questions, written a session ahead and kept unread; 96 equal to an
 * earlier round's question in the same context left out; six equal to older training phrases) on the code at the start
 * of its session (338ce3c): 377 right, 38 wrong, two emergency replies, 7 questions back (3 with the right reading among
 * the choices), 2 out of scope. The second model relearnt with round 42 moved one answer each of rounds 8, 30 and 39
 * from right (round 30's to wrong) and one of round 38 to wrong (counted, not read one by one). Round 42, now in the second model's training:
 * 382 right, 31 wrong.
 *
 * Round 44 (386, four blind writers, two for the questions, written a session ahead and kept unread; 134 equal to an
 * earlier round's question in the same context left out; ten equal to older training phrases) on the code at the start
 * of its session (d9f90b6): 364 right, 15 wrong, no emergency reply, 7 questions back (4 with the right reading among
 * the choices), none out of scope; at its end 365 right, 14 wrong, 7 questions back (counts only, never read). The
 * second model relearnt with round 43 moved one answer of round 25 from right and
 * one of round 33 to wrong (counted, not read one by one). Round 43, now in the second model's training: 384 right,
 * 35 wrong. Then the session's reading rules, each found in the wrong answers of rounds 34-43 and checked over every
 * round and the readers' questions (scratch-local/outcomes.ts): a relative's talks for themselves, a thanks after an
 * answer, an "ok" before a question, signing up, NADA, matters outside the documents, help for the one who drinks, a
 * "no" that only refuses, who assesses, one's own drinking, GIV named alone, whether a young person can come at all.
 * 23 rounds gained (round 43: 393 right, 27 wrong; round 42: 396, 21); round 12 lost one to the rule that a citizen's "hvem visiterer" is how to get help (rounds 8 and 12
 * labelled that question the referral, rounds 35, 37 and 43 how to get help).
 *
 * Round 46 (387, four blind writers, two for the questions, written a session ahead and kept unread; 133 equal to an
 * earlier round's question in the same context left out; nine equal to older training phrases) on the code at the
 * start of its session (64ec6bc): 356 right, 24 wrong, one emergency reply, 6 questions back, 1 out of scope; at its end
 * the same (counts only, never read). Round 45, now in the second model's training and read with words written without
 * vowels: 374 right, 24 wrong (round 3 381, round 10 434, round 43 392 after the second model relearnt; counted, not
 * read one by one).
 *
 * Round 47 (398, four blind writers, two for the questions, written a session ahead and kept unread; 122 equal to an
 * earlier round's question in the same context left out; eleven equal to older training phrases) on the code at the
 * start of its session (c1f731a): 361 right, 28 wrong, one emergency reply, 9 questions back, none out of scope. Round
 * 46, now in the second model's training: 358 right, 25 wrong; the relearnt second model moved one answer each of
 * rounds 1, 3, 15, 38 and 43 and two of round 39 (round 1: an employer question now answered as outpatient help; the
 * floors follow). Then the session's reading rules, each found in round 46's wrong answers (played with itself left
 * out of the second model) or older rounds', and the day's emergency patterns: round 46 368 right, 16 wrong; round 45
 * 378, 20; rounds 16, 17, 30, 33, 39, 40, 43 and 44 one or two more right; no false emergency reply left on rounds
 * 40-46 (eight before).
 *
 * Round 48 (426, four blind writers, two for the questions, written a session ahead and kept unread; 94 equal to an
 * earlier round's question in the same context left out; nine equal to older training phrases) on the code at the
 * start of its session (ca8a759): 385 right, 32 wrong, no emergency reply, 8 questions back, one out of scope. Round
 * 47 is now in the second model's training (366 right, 26 wrong); the relearnt second model moved one answer of round
 * 30 (right to wrong) and one of round 44 (one more wrong; the floors follow). Round 48 at the end of its session
 * (18d0bcc): 386 right, 33 wrong, no emergency reply (counts only, never read).
 *
 * Round 49 (407, four blind writers, two for the questions, written a session ahead and kept unread; 113 equal to an
 * earlier round's question in the same context left out) on the code at the start of its session (36dc1c7): 374
 * right, 25 wrong, three emergency replies, 8 questions back, none out of scope; at its end (b97bba2) the same
 * (counts only, never read). Round 48 is now in the second model's training and its readings were learnt (392 right,
 * 26 wrong).
 *
 * Round 50 (374, four blind writers, two for the questions, written a session ahead and kept unread; 146 equal to an
 * earlier round's question in the same context left out; six equal to older training phrases) on the code at the start
 * of its session (70b6ac5): 316 right, 45 wrong, no emergency reply, 11 questions back, two out of scope; at its end
 * (78477ef) 319 right, 42 wrong, the same 11 back and 2 out of scope (counts only, never read). Round 49 is now in the second model's training; the relearnt second model moved one answer of round 19
 * (the floors follow). Then reading rules from round 49's wrong answers (what happens when a course is over, coming home
 * from residential treatment, a relative's "what about for me", a private rehab's price, pets and neighbours outside
 * the documents, …): round 49 399 right, 8 wrong; rounds 5, 13, 41, 47 and 48 one or two more right, none fewer. A
 * question announced after an "ok" ("fedt nok. lige et spørgsmål til: skal man …") is asked: round 49 400 right, 7 wrong.
 * Reading rules from rounds 46-48's wrong answers (a new parent, joint work with the children's services, treatment
 * abroad, health insurance, pay during treatment, detox at home, changing one's counsellor, whether parents must sign,
 * a talk for a club, …): rounds 46-48 377, 384 and 407 right (7, 11 and 14 wrong); rounds 7, 15 and 39 one more right.
 *
 * Round 51 (402, four blind writers, two for the questions, written a session ahead and kept unread; 118 equal to an
 * earlier round's question in the same context left out) on the code at the start of its session (24e7fb6): 360
 * right, 34 wrong, one emergency reply, 6 questions back, two out of scope; at its end (9d9ed9e) the same (counts only,
 * never read). Round 50 is now in
 * the second model's training; the relearnt model moved one answer each of rounds 1, 20, 39, 42, 44 and 47 and three
 * of the readers'. Reading rules from round 50's wrong answers (whether the job centre or an employer is told, a
 * psychiatrist asked for, a text message instead of a call, from when the 14 days count, what the municipality offers,
 * a driving licence or money to live on outside the documents, …) mended those and round 50: 366 right, 8 wrong; rounds
 * 2, 7, 32, 33, 40, 43 and 48 one or two more right. A parent's own child who drinks is no longer Projekt GIV (round 14
 * one more right).
 * Then reading rules from rounds 41-45's remaining wrong answers (a second helper; rounds 41-45 each read, 102 answers
 * better over rounds 1-50 and the readers' questions, none worse).
 *
 * Round 52 (416, four blind writers, two for the questions, written a session ahead and kept unread; 104 equal to an
 * earlier round's question in the same context left out) on the code at the start of its session (9d9ed9e): 368
 * right, 32 wrong, three emergency replies, 14 questions back, two out of scope (counts only, never read). Round 51 is
 * now in the second model's training (and the emergency classifier's); the relearnt models moved one answer each of
 * rounds 11, 30, 43 and 50 (round 30's question whether there is help for young people of 18 to 25 now gets the
 * emergency reply from the classifier alone, at 0.758; round 43's cutting down on hash is asked back). Then the kinds
 * round 51's held-out wrong answers shared (its confusion list as measured on 9d9ed9e): help asked for a named drug
 * read as outside the documents, "and for me?" from a relative, whether the jobcentre will hear of it, which kind would
 * suit someone, the guarantee by its length, and a second helper's (grandparents, a relapse after finished treatment,
 * whom to contact, the law against another act, requests outside the field): round 51 383 right, 16 wrong; rounds 11
 * and 50 mended; round 14 one fewer right (a father's taper at home, after his dependence on sleeping pills was
 * answered as how to get help). Round 52 at the end of its session (9197617): the same counts.
 *
 * Round 53 (413, four blind writers, two for the questions, written a session ahead and kept unread; 107 equal to an
 * earlier round's question in the same context left out) on the code at the start of its session (646e24c): 371
 * right, 30 wrong, one emergency reply, 11 questions back, one out of scope (counts only, never read); at the end of
 * its session (bc1ce15) 372 right, 29 wrong, the rest the same. Round 52 is now in the second model's training (and
 * the emergency classifier's); the relearnt models moved answers of rounds 8, 13, 28 and 38 and three of the readers'.
 * Reading rules widened for them (health help once stopped, what happens once treatment is over, a relative asking to
 * come to anything themselves, whether one's booking went through) mended all but round 13's "is that like a rehab?"
 * after a school nurse's mention of Pitstop, now read as residential treatment. A reading rule for whether someone is an
 * alcoholic, asked ("er han alkoholiker eller er det bare sådan han er", "is that alcoholism or am i overreacting": what
 * abuse is, not the help for alcohol problems) mended two of round 52's, and one for which drug is more addictive or
 * dangerous (outside the documents) a third. Floors raised to the counts after these (rounds 10, 28, 37, 38, 49, 51 and
 * 52 one to eight more right).
 *
 * Round 54 (394, four blind writers, two for the questions, written a session ahead and kept unread; 126 equal to an
 * earlier round's question in the same context left out) on the code at the start of its session (d256942): 361
 * right, 27 wrong, two emergency replies, 5 questions back, one out of scope (counts only, never read). Round 53 is
 * now in the second model's training (and the emergency classifier's); the relearnt models moved answers of rounds 8,
 * 15, 16, 17, 33, 37, 38 and 43 and of the readers'. A conversation's first message is no longer read as the help for
 * pregnant women and parents without a pregnancy, a child or a parent named (round 16's "jeg er 24 og ryger hash
 * dagligt og tager coke i weekenderne", pulled there by round 53's parents who use on weekends), an emergency
 * message's words count for the next message (rounds 17 and 27, whose first message gets the emergency reply), a
 * professional who only says who they are is asked what they want to know, the fixed-counsellor rule reads a tie with
 * the guarantee, and a caller who got no answer is no emergency (round 37). Left: round 15's "Will my employer be told
 * if I go into treatment?" is asked back between anonymity and "not in the documents" (the readers label its Danish
 * twin anonymity), and round 37's "… tør ikke ringe. kan jeg overhovedet komme tilbage" is offered a booking (not
 * calling books a time); floors set to the counts after these (rounds 8, 9, 22, 27, 33, 43 and 53 one to seven more
 * right, rounds 15 and 37 one fewer).
 *
 * Round 55 (397, four blind writers, two for the questions, written a session ahead and kept unread; 123 equal to an
 * earlier round's question in the same context left out) on the code at the start of its session (bc9fded): 377
 * right, 14 wrong, one emergency reply, 5 questions back, one out of scope (counts only, never read); at its end
 * (e0354b2) the same but no emergency reply. Round 54 is now in the second model's training (and the emergency
 * classifier's); the relearnt models moved answers of rounds 8, 37, 43 and 51 (a leading reading now asked back, a
 * thanks after a story asked back), one each, left as they are. Reading rules for a letter closed with "på forhånd
 * tak", a remark ending in a thanks after an answer, a place to stay instead of the help one has had, and how long
 * until one can begin; floors set to the counts after these (rounds 10, 15, 53 and 54 one to eight more right, rounds
 * 8, 37, 43 and 51 one fewer).
 *
 * Round 56 (415, four blind writers, two for the questions, written a session ahead and kept unread; 105 equal to an
 * earlier round's question in the same context left out) on the code at the start of its session (013d0e9): 384
 * right, 26 wrong, no emergency reply, 4 questions back, one out of scope (counts only, never read); at its end
 * (15e1389) 385 right, 25 wrong. Round 55 is now in the second model's training (and the emergency classifier's); the
 * relearnt models read "er det kun stoffer i hjælper med" as relatives, and rounds 17 and 53's "hvad så med sprut?"
 * after it followed. Reading rules for it, for a thanks before a remark that asks nothing, a "not what I'm looking for",
 * something to take instead of an opioid against withdrawal, someone to talk to after Projekt GIV and a relative's
 * "help too"; floors set to the counts after these (rounds 13, 17, 23, 37, 43, 45, 51, 52, 53 and 55 one to seven more
 * right than their floors before).
 *
 * Round 57 (406, four blind writers, two for the questions, written a session ahead and kept unread; 114 equal to an
 * earlier round's question in the same context left out) on the code at the start of its session (45e6cb4): 373
 * right, 28 wrong, 3 emergency replies, 5 questions back (1 with the right answer among), none out of scope (counts
 * only, never read); at its end (8364043) the same. Round 56 is now in the second model's training (and the emergency
 * classifier's); the relearnt models moved one answer of round 49.
 *
 * Round 58 (418, four blind writers, two for the questions, written a session ahead and kept unread; 102 equal to an
 * earlier round's question in the same context left out) on the code at the start of its session (d6b5101): 375
 * right, 40 wrong, 1 emergency reply, 3 questions back (2 with the right answer among), none out of scope (counts
 * only, never read); at its end (4c0347e, and the same at 8ed1636) 376 right, 39 wrong, 1 emergency reply, 3
 * questions back. Round 57 is now in the second model's training (and the emergency classifier's); the relearnt
 * models moved one answer each of rounds 37 and 42 ("hvis jeg får et tilbagefald midt i behandlingen mister jeg så min
 * plads" asked back; a wait asked after a first reading of day treatment read as its length), floors lowered by one.
 * Whether a kind of help reaches someone, asked right after it ("er det også for små børn?" after Projekt GIV, "kan man
 * få det hvis man er under 18" after outpatient treatment), is now asked of that help: round 33's "kan man få det hvis
 * man kun er 15" after outpatient treatment, labelled young, now gets the outpatient answer, which gives its age from
 * 15 (the readers' same question is labelled outpatient); its floor lowered by one.
 *
 * Round 59 (404, four blind writers, two for the questions, written a session ahead and kept unread; 116 equal to an
 * earlier round's question in the same context left out) on the code at the start of its session (b6ea417): 364
 * right, 30 wrong, no emergency reply, 10 questions back (4 with the right answer among), none out of scope (counts
 * only, never read); at its end (896066c) 363 right, 30 wrong, no emergency reply, 11 questions back (5 with the right
 * answer among): one answer fewer right, asked back instead (which one was not looked for), so its right floor is one
 * lower than the start. Round 58's floors are raised to the end of that session's rules (397 right, 21 wrong, no
 * emergency reply). Round 58 is now in the second model's training (and the emergency classifier's); the relearnt
 * models asked back one relatives question each of rounds 41 and 45 (a teenager about a brother of 15 or a classmate
 * who smokes hash: relatives, young people or Projekt GIV), floors lowered by one. Whether the staff may tell a
 * relative what the person says in the talks is confidentiality, answered by anonymity (a reading rule, and round
 * 58's three writers); round 39's writer labelled a parent's "har jeg ret til at se hvad han fortæller behandleren"
 * not in the documents, asked back before and answered with anonymity now: its wrong floor raised by one.
 *
 * Round 60 (430, four blind writers, two for the questions, written a session ahead and kept unread; 90 equal to an
 * earlier round's question in the same context left out) on the code at the start of its session (6e9eba9): 394
 * right, 26 wrong, 2 emergency replies, 9 questions back (7 with the right answer among), 1 out of scope (counts only,
 * never read); at its end (b89bd0e) the same. Round 59 is now in the second model's training (and the emergency
 * classifier's); its floors are raised to the end of this session's rules (374 right, 22 wrong, no emergency reply).
 *
 * Round 61 (398, four blind writers, two for the questions, written a session ahead and kept unread; 122 equal to an
 * earlier round's question in the same context left out) on the code at the start of its session (cf92d28): 356
 * right, 32 wrong, 2 emergency replies, 9 questions back (6 with the right answer among), 1 out of scope (counts only,
 * never read); at its end (b7e3884) 356 right, 32 wrong, 2 emergency replies, 9 back (5 with the right answer among).
 * Round 60 is now in the second model's training (and the emergency classifier's); the floors of rounds 51-60 are
 * raised to the end of this session's rules (round 60: 422 right, 8 wrong, no emergency reply).
 *
 * Round 62 (406, four blind writers, two for the questions, written a session ahead and kept unread; 114 equal to an
 * earlier round's question in the same context left out) on the code at the start of its session (ab2b072): 368
 * right, 31 wrong, 3 emergency replies, 6 questions back (3 with the right answer among), 1 out of scope (counts only,
 * never read); at its end (f630d9a) the same. Round 61 is now in the second model's training (and the emergency
 * classifier's); the floors of the rounds this session's rules improved (rounds 4-61) are raised to its end (round 61:
 * 384 right, 12 wrong, 2 emergency replies).
 *
 * Round 63 (418, four blind writers, two for the questions, written a session ahead and kept unread; 102 equal to an
 * earlier round's question in the same context left out) on the code at the start of its session (012b67b): 357
 * right, 49 wrong, 1 emergency reply, 10 questions back (4 with the right answer among), 2 out of scope (counts only,
 * never read); at its end (aa97ed5) 358 right, 49 wrong, 1 emergency reply, 9 back (3 with the right answer among).
 * Round 62 is now in the second model's training (and the emergency classifier's); the floors of the rounds this
 * session's rules improved are raised to its end.
 */
const FLOORS: Record<string, { right: number; wrong: number; emergencies: number }> = {
  'realistic-round1.json': { right: 250, wrong: 2, emergencies: 0 },
  'realistic-round2.json': { right: 229, wrong: 0, emergencies: 0 },
  'realistic-round3.json': { right: 380, wrong: 3, emergencies: 0 },
  'realistic-round4.json': { right: 483, wrong: 5, emergencies: 0 },
  'realistic-round5.json': { right: 484, wrong: 6, emergencies: 0 },
  'realistic-round6.json': { right: 483, wrong: 8, emergencies: 0 },
  'realistic-round7.json': { right: 486, wrong: 10, emergencies: 0 },
  'realistic-round8.json': { right: 475, wrong: 10, emergencies: 0 },
  'realistic-round9.json': { right: 462, wrong: 11, emergencies: 0 },
  'realistic-round10.json': { right: 436, wrong: 15, emergencies: 0 },
  'realistic-round11.json': { right: 461, wrong: 1, emergencies: 0 },
  'realistic-round12.json': { right: 470, wrong: 12, emergencies: 0 },
  'realistic-round13.json': { right: 458, wrong: 7, emergencies: 0 },
  'realistic-round14.json': { right: 469, wrong: 9, emergencies: 0 },
  'realistic-round15.json': { right: 448, wrong: 6, emergencies: 0 },
  'realistic-round16.json': { right: 463, wrong: 4, emergencies: 0 },
  'realistic-round17.json': { right: 459, wrong: 2, emergencies: 0 },
  'realistic-round18.json': { right: 454, wrong: 0, emergencies: 0 },
  'realistic-round19.json': { right: 447, wrong: 14, emergencies: 0 },
  'realistic-round20.json': { right: 432, wrong: 12, emergencies: 0 },
  'realistic-round21.json': { right: 454, wrong: 1, emergencies: 0 },
  'realistic-round22.json': { right: 425, wrong: 2, emergencies: 0 },
  'realistic-round23.json': { right: 432, wrong: 4, emergencies: 0 },
  'realistic-round24.json': { right: 418, wrong: 11, emergencies: 0 },
  'realistic-round25.json': { right: 414, wrong: 6, emergencies: 0 },
  'realistic-round26.json': { right: 451, wrong: 7, emergencies: 0 },
  'realistic-round27.json': { right: 417, wrong: 15, emergencies: 0 },
  'realistic-round28.json': { right: 402, wrong: 15, emergencies: 0 },
  'realistic-round29.json': { right: 392, wrong: 10, emergencies: 0 },
  'realistic-round30.json': { right: 423, wrong: 7, emergencies: 0 },
  'realistic-round31.json': { right: 416, wrong: 5, emergencies: 0 },
  'realistic-round32.json': { right: 386, wrong: 9, emergencies: 0 },
  'realistic-round33.json': { right: 466, wrong: 13, emergencies: 0 },
  'realistic-round34.json': { right: 445, wrong: 6, emergencies: 0 },
  'realistic-round35.json': { right: 470, wrong: 3, emergencies: 0 },
  'realistic-round36.json': { right: 418, wrong: 6, emergencies: 0 },
  'realistic-round37.json': { right: 433, wrong: 5, emergencies: 0 },
  'realistic-round38.json': { right: 413, wrong: 12, emergencies: 0 },
  'realistic-round39.json': { right: 417, wrong: 11, emergencies: 0 },
  'realistic-round40.json': { right: 420, wrong: 11, emergencies: 0 },
  'realistic-round41.json': { right: 403, wrong: 7, emergencies: 1 },
  'realistic-round42.json': { right: 410, wrong: 8, emergencies: 0 },
  'realistic-round43.json': { right: 421, wrong: 2, emergencies: 0 },
  'realistic-round44.json': { right: 381, wrong: 3, emergencies: 0 },
  'realistic-round45.json': { right: 401, wrong: 2, emergencies: 0 },
  'realistic-round46.json': { right: 379, wrong: 7, emergencies: 0 },
  'realistic-round47.json': { right: 390, wrong: 7, emergencies: 1 },
  'realistic-round48.json': { right: 415, wrong: 9, emergencies: 0 },
  'realistic-round49.json': { right: 404, wrong: 3, emergencies: 0 },
  'realistic-round50.json': { right: 366, wrong: 8, emergencies: 0 },
  'realistic-round51.json': { right: 386, wrong: 14, emergencies: 1 },
  'realistic-round52.json': { right: 401, wrong: 11, emergencies: 0 },
  'realistic-round53.json': { right: 400, wrong: 10, emergencies: 1 },
  'realistic-round54.json': { right: 384, wrong: 10, emergencies: 2 },
  'realistic-round55.json': { right: 393, wrong: 4, emergencies: 0 },
  'realistic-round56.json': { right: 404, wrong: 9, emergencies: 0 },
  'realistic-round57.json': { right: 392, wrong: 14, emergencies: 0 },
  'realistic-round58.json': { right: 398, wrong: 20, emergencies: 0 },
  'realistic-round59.json': { right: 385, wrong: 16, emergencies: 0 },
  'realistic-round60.json': { right: 422, wrong: 8, emergencies: 0 },
  'realistic-round61.json': { right: 384, wrong: 12, emergencies: 2 },
  'realistic-round62.json': { right: 394, wrong: 11, emergencies: 3 },
  'realistic-round63.json': { right: 358, wrong: 49, emergencies: 1 },
};

/**
 * The newest round's questions that equal a training phrase (folded) written before the round was: common
 * questions that its writers and earlier training writers both chose (each phrase's commit is older than the round).
 * No other may join them, so the held-out round is never trained on.
 */
const NEWEST_ROUND = 'realistic-round63.json';
const NEWEST_ROUND_ALREADY_TRAINED = [
  'Har I åbent i weekenden?',
  'er det anonymt?',
  'er det gratis',
  'gaelder de 14 dage ogsaa hvis man er under 18',
  'hvor længe varer det?',
  'hvordan henviser jeg en borger?',
  'og dagbehandling?',
  'where do i go first if i want to stop using',
];

let app: App;
beforeAll(async () => {
  app = await testApp();
});

afterAll(() => app.close());

describe('Realistic questions', () => {
  it('never trains on the newest (held-out) round beyond the generic phrases it shared with training before it was written', () => {
    const trained = new Set(learntTrainingExamples(app.content).map(({ text }) => fold(text)));
    const leaked = realisticRound(NEWEST_ROUND)
      .filter(({ text }) => trained.has(fold(text)))
      .map(({ text }) => text);
    expect(leaked.sort()).toEqual([...NEWEST_ROUND_ALREADY_TRAINED].sort());
    // The accuracy script reports the last registered round as counts only: it must be this one.
    expect(REALISTIC_ROUNDS[REALISTIC_ROUNDS.length - 1].file).toBe(NEWEST_ROUND);
  });

  it('learns every earlier round as `npm run learn:questions` writes it, and no question of the newest', () => {
    expect(readFileSync(path.join(defaultContentDir(), CONTENT_FILES.learnt), 'utf8')).toBe(learntQuestionsFile());
    const learnt = new Set(Object.values(app.content.learnt).flat().map(fold));
    expect(realisticRound(NEWEST_ROUND).filter(({ text }) => learnt.has(fold(text)))).toEqual([]);
    // The round before the newest is learnt: its first question asked without context.
    const before = REALISTIC_ROUNDS[REALISTIC_ROUNDS.length - 2].file;
    expect(learnt.has(fold(realisticRound(before).find(({ context }) => !context)?.text ?? ''))).toBe(true);
  });

  for (const { file, name } of REALISTIC_ROUNDS) {
    const questions = realisticRound(file);
    const floor = FLOORS[file];

    it(`${name}: answers at least ${floor.right} of ${questions.length} right, at most ${floor.wrong} wrong, at most ${floor.emergencies} with the emergency reply`, async () => {
      const counts = { right: 0, wrong: 0, emergencies: 0 };
      for (const q of questions) {
        const replies = await replyTo(app, q);
        if (keysOf(replies).includes('crisis.acute')) counts.emergencies += 1;
        const outcome = outcomeOf(app.content, q.expected, replies);
        if (outcome === 'right' || outcome === 'wrong') counts[outcome] += 1;
      }
      expect(counts.right).toBeGreaterThanOrEqual(floor.right);
      expect(counts.wrong).toBeLessThanOrEqual(floor.wrong);
      expect(counts.emergencies).toBeLessThanOrEqual(floor.emergencies);
    });
  }
});
