import { decideIntent } from '../../../src/nlu/recognizer';
import { sharedNlu } from '../../helpers/test-app';

describe('Recognizer', () => {
  const { recognizer } = sharedNlu();

  /** Each message is read at this emergency tier; a failure names every message read otherwise. */
  function expectTier(tier: 'acute' | 'concern' | 'none', texts: string[]): void {
    const readOtherwise = texts.map((text) => ({ text, tier: recognizer.recognize(text).crisis.tier })).filter((read) => read.tier !== tier);
    expect(readOtherwise).toEqual([]);
  }

  /**
   * No message gets the emergency reply, though the second emergency model (worrying or not) gives each the line of
   * numbers: it reads debt, a baby, weight and a cut as worrying where no pattern does. A failure names every one.
   */
  function expectNoEmergencyReply(texts: string[]): void {
    expect(texts.filter((text) => recognizer.recognize(text).crisis.tier === 'acute')).toEqual([]);
  }

  /** Each message is acute and names Livslinien (suicide among its kinds); a failure names every message that is not. */
  function expectAcuteSuicide(texts: string[]): void {
    const readOtherwise = texts
      .map((text) => ({ text, crisis: recognizer.recognize(text).crisis }))
      .filter(({ crisis }) => crisis.tier !== 'acute' || !crisis.kinds.includes('suicide'))
      .map(({ text, crisis }) => ({ text, tier: crisis.tier, kinds: crisis.kinds }));
    expect(readOtherwise).toEqual([]);
  }

  it('lets an acute emergency win over everything else, with what it is about', () => {
    expect(recognizer.recognize('hvad koster det, min ven har taget en overdosis').intent).toEqual({ kind: 'crisis', kinds: ['poisoning'] });
    expect(recognizer.recognize('Hjælp! Han trækker ikke vejret').intent).toEqual({ kind: 'crisis', kinds: ['poisoning'] });
    expect(recognizer.recognize('I think she is unconscious').intent).toEqual({ kind: 'crisis', kinds: ['poisoning'] });
    expect(recognizer.recognize('jeg vil ikke leve mere').intent).toEqual({ kind: 'crisis', kinds: ['suicide'] });
  });

  it('calls a short direct statement or a sign of danger now acute, whatever frame stands around it', () => {
    expectTier('acute', [
      'Jeg vil slå mig ihjel',
      'jeg tager mit liv i aften',
      'Jeg ved ikke hvor mange piller han har taget, han vågner ikke',
      "I don't know how many pills she took and she won't wake up",
      'Han viser tegn på overdosis og vågner ikke',
      'Jeg har givet ham næsespray men han vågner ikke',
      'I gave him naloxone but he is still not breathing',
      'Han er blevet genoplivet men trækker ikke vejret igen',
      'hun var på hospitalet sidste år for det samme, nu vågner hun ikke',
      // The frames learnt from round 6 (a wish, "I don't want to die", quitting, an appointment) lower only
      // what they frame, never a sign of danger or an overdose said beside them.
      "I don't want to die but I took all my pills",
      'jeg ville ønske jeg kunne sove for evigt, har lige taget hele pakken',
      'G og sprut, hun er helt væk',
      'min søn på 3 har drukket af metadonen, han virker ok nu',
      'stoppede med at drikke i går og nu har han kramper og vågner ikke',
      'det her er sidste gang jeg skriver. har taget alle pillerne',
      'tager resten af pakken nu',
      // Learnt from round 7: a large dose of a painkiller is dangerous while one still feels fine; a belt
      // round the neck; a farewell to the family; saved-up pills with an end said.
      'tog 40 panodil for en time siden, har det fint nu',
      'han sidder med et bælte om halsen',
      'fandt en seddel hvor hun skriver undskyld for alt, pas på hinanden',
      'hun har sparet sine piller sammen og siger hun ikke gider mere',
      // A second reader's checks that the frames and masks learnt from round 7 silence no emergency.
      'I need guidance on what to do, my sister swallowed a whole pack of panodil',
      'I took 20 panodil an hour ago, what happens to the body?',
      'jeg har tænkt mig at tage livet af mig, at se min familie lide er for meget',
      'jeg ved ikke, jeg vil gøre noget dumt i aften, jeg vil ikke leve mere',
      'he took something and now his hands are ice cold',
    ]);
  });

  it('never lets a joke or a laughing emoji silence a suicide message: at least the numbers', () => {
    for (const text of ['I want to kill myself lol', 'jeg vil ikke leve mere 😂', 'jeg vil ikke leve mere 😅']) {
      expect({ text, tier: recognizer.recognize(text).crisis.tier }).not.toEqual({ text, tier: 'none' });
    }
  });

  it('answers a worrying message as a question, with the concern noted beside it', () => {
    const recognition = recognizer.recognize('jeg er bange for at få kramper hvis jeg stopper med at drikke, kan jeg få afrusning?');
    expect(recognition.crisis).toEqual({ tier: 'concern', kinds: ['poisoning'] });
    expect(recognition.intent.kind).not.toBe('crisis');
  });

  it('gives worries learnt from round 11 the line of numbers: falls, fainting, voices, low tolerance, a past attempt, debt collectors, small children with a drinking parent', () => {
    expectTier('concern', [
      'min far drikker og falder tit på trappen',
      'my mate keeps fainting after doing keta',
      'jeg hører stemmer når jeg har røget',
      'he just got out of rehab and his tolerance is down',
      'jeg endte på psyk efter piller sidste år',
      'min lillebror skylder penge og de ved hvor han bor',
      'en elev tænker på at forsvinde',
      'naboens børn er tit alene om aftenen og hun drikker',
    ]);
    // ...and no line where the words mean something else: going out, "stemmer det", a break's tolerance, cutting contact.
    expectTier('none', [
      'Vi går ud nogle gange om måneden og drikker øl',
      'Jeg har hørt at det stemmer',
      'How long for my weed tolerance to go down',
      'Jeg har cuttet kontakten til mine gamle venner der drikker',
      'Jeg falder hele tiden i søvn efter jeg drikker vin',
      'Jeg henter mine børn efter arbejde og drikker ikke',
    ]);
  });

  it('learnt from round 12: a goodbye beside pills taken names both helplines; means at hand, "not joking" and waiting for the pills to work make it acute', () => {
    expectAcuteSuicide([
      'han har sagt at han har taget alle sine hjertepiller og at vi skal klare os uden ham',
      "she said we'd be better off without her and she took all her sleeping pills",
      'hun har lige skrevet at hun har taget det hele og at jeg ikke skal komme',
      'hun slugte et helt kort panodil efter et skænderi med sin mor',
      'har det ok nu, tog 30 piller og venter bare på at falde i søvn',
      'jeg sover nok ind og vågner ikke igen og det er fint',
      'drak klorin for en halv time siden',
    ]);
    expectTier('acute', [
      'hvis jeg stadig er her i morgen. har pillerne ved siden af mig',
      'on the roof and i feel like jumping lol not kidding',
      'whats the number for poison control in denmark, my 3 year old ate weed gummies',
      'min bror har sendt en sms om at min søster skal have hans playstation',
    ]);
    // Worries: ideation said in the past, a drug debt with a threat, withdrawal feared, a stay in hospital after a party.
    expectTier('concern', [
      'min mor siger tit at hun ikke ser nogen mening med livet når hun har drukket',
      "my dad keeps saying what's the point when he drinks",
      'skylder 10.000 for hash til en fyr fra byen og han siger at ellers sker der noget',
      'har hørt at det kan være livsfarligt at stoppe med G',
      'min ven lå på hospitalet et døgn efter en fest med piller',
    ]);
    // ...and no emergency in a dead plant (the classifier alone may still add the line), an idiom about long
    // answers, or statistics.
    expect(recognizer.isAcute('fik lige taget livet af min basilikum, kan ikke holde liv i den')).toBe(false);
    expectTier('none', [
      'I slår mig ihjel med jeres lange svar',
      'is suicide more common among young people who drink?',
      'overdoser er steget i Danmark, hvad gør kommunen?',
      // A second reader's probes: the same words in everyday matters.
      'Udlejeren siger jeg skal have mine ting ud inden fredag',
      'Vi må klare os uden ham nu hvor han er flyttet ud, kan jeg få enkeltydelse?',
      'Hvis jeg stadig er her nu om en time, kan I så hente mig?',
      'Jeg skriver opgave om selvmord, ikke for sjov, det er til eksamen',
      'Selvmord i Danmark',
      'Is suicide common in Denmark?',
    ]);
    expectNoEmergencyReply(['Min baby spiser hver anden time døgnet rundt', 'Jeg skylder SU-styrelsen penge, de henter dem på en anden måde via modregning']);
    // ...and the masks hide no emergency said with the same words; a child's poisoning is not read as self-harm.
    expectTier('acute', ['Jeg slår mig ihjel med de her piller', 'I aften tager jeg livet af mig, min fisk skal min søster have']);
    for (const text of ["my toddler drank bleach, she's coughing", 'min 3-årige har spist en hel pakke piller']) {
      expect({ text, crisis: recognizer.recognize(text).crisis }).toEqual({ text, crisis: { tier: 'acute', kinds: ['poisoning'] } });
    }
  });

  it("calls a small child who found pills in the writer's own bag and ate some poisoning, while a stash found in a teenager's or a brother's bag stays no emergency", () => {
    for (const text of [
      'my 3 year old found pills in my bag and ate some',
      'min søn på 2 fandt piller i min taske og har spist nogle',
      // The medicine named before the child chewed a number of them; a drug a child swallows by mistake.
      'how much tylenol is dangerous for kids that young? she just chewed like 8',
      'my brother says it was just a candy but my 4 year old ate his molly',
    ]) {
      expect({ text, crisis: recognizer.recognize(text).crisis }).toEqual({ text, crisis: { tier: 'acute', kinds: ['poisoning'] } });
    }
    expectTier('none', [
      'jeg fandt hash i hans lomme, er han misbruger?',
      'har fundet weed i min lillebrors taske, han er 14. hvad gør jeg',
      "found weed in my son's bag, what now",
      // A question whether the chat is kept is about its records (the classifier alone had read it as an emergency).
      'bliver det her gemt for evigt?',
      // A word asked in another language, also through the overdose words' copy without the "they are old" frame.
      'how do you say overdose in danish? writing a paper for my danish class',
    ]);
  });

  it('gives a line for a parent who hits when drunk, "unalive" as a wish, a stomach pumped last night, shaking days into stopping drinking, and using again tonight after prison', () => {
    expectTier('concern', [
      'min far slår når han er fuld, jeg tør ikke sige det til nogen',
      'i wanna unalive myself when im high',
      'my stomach got pumped last night after too much vodka, home now',
      'day 2 without booze and im shaking like crazy',
      'kom ud af fængslet i går og skal tage heroin i aften for første gang i et år',
    ]);
  });

  it('learnt from round 13: a goodbye with arrangements made, "sorry, I love you" and no answer, pills and "don\'t tell anyone" are acute suicide', () => {
    expectAcuteSuicide([
      'skriver bare for at sige farvel. mit testamente er skrevet',
      'he sent forgive me love you at 3am, now he wont pick up',
      'tog 10 af min fars sovepiller. ikke fortæl det til nogen',
      'i kommer aldrig til at høre fra mig igen. pas på min hund',
      'if i wake up tomorrow then the tablets didnt work',
    ]);
    expectTier('acute', [
      'jeg mærker at næste anfald er på vej, stoppede med at drikke i mandags',
      'min kæreste er kold og klam og hans pupiller er små som knappenålshoveder',
    ]);
    // Worries: fear of withdrawal, drinking alone with small children, a threat before, wanting to disappear, a past overdose.
    expectTier('concern', [
      'I am scared of the withdrawal when I come off methadone',
      'min mand drikker når han er alene med børnene på 2 og 4',
      'han drikker og er aggressiv og har truet mig, jeg er bange for hvad der sker næste gang',
      'my friend keeps saying she wants to disappear',
      'ODed last year and ended up in hospital, using again now',
    ]);
    // ...and a second reader's false alarms: a complaint, errands before a goodbye, a relationship or a chat ended,
    // pupils asked about as a sign, nerves before an appointment, a threat at work, staying sober.
    expectTier('none', [
      'fint, så hører i ikke fra mig igen. jeg går til min læge',
      'thanks, i sorted everything out with my caseworker. bye!',
      'så ender jeg det bare her, tak for hjælpen',
      'jeg ender det nu med ham, han drikker for meget',
      'why do opioids make your pupils tiny like pinpoints',
      'scared of what happens next time i see my caseworker',
      'chefen var aggressiv og truede mig med en advarsel',
      'no plans to do anything stupid this weekend, just staying home sober',
      'den her ventetid slår mig ihjel, hvornår kan jeg få en tid',
      'Oded fra min klasse ryger hash',
    ]);
    // A second second reader's probes: the frames and masks for those hide no method, time or goodbye said beside them.
    expectTier('acute', [
      'ventetiden er for lang slår mig selv ihjel i aften',
      'jeg ender det i nat med min fars pistol',
      'tak for hjælpen alle sammen. farvel. mit testamente er skrevet',
      'ringer ikke til nogen. undskyld jeg elsker jer. farvel',
      'jeg kan ikke snakke med nogen om det her. i hører aldrig fra mig igen',
    ]);
    expectTier('none', [
      'ok tak, du hører nok ikke fra mig igen, jeg har fået en tid hos pitstop',
      'min dealer skal aldrig høre fra mig igen, jeg er færdig med det lort',
      'alt er på plads til flytningen, farvel og tak',
      'i biologi lærte vi at pupillerne bliver små som prikker i skarpt lys, gælder det også ved stoffer',
      'jeg og oded skal til samtale i morgen',
      'my friends said the kids are better off without him after the divorce, how do I explain it to them',
      'undskyld hvis jeg er irriterende, jeg elsker jer for at hjælpe, men pitstop svarer ikke når jeg ringer',
    ]);
  });

  it('learnt from round 14: everything taken with a goodbye, a wish not to wake, a letter and "don\'t come before tomorrow", where one stands are acute suicide', () => {
    expectAcuteSuicide([
      'tog det hele nu. undskyld far',
      'har taget alt hvad jeg havde, det er bedre sådan',
      'hun drikker og tager piller så det hele kan stoppe',
      'jeg har besluttet mig. det slutter i nat',
      'håber bare jeg ikke vågner i morgen',
      'han har skrevet et brev til mig og siger jeg ikke må komme før i morgen',
      'hun sagde det bedste er at hun forsvinder og nu svarer hun ikke',
      'im at the bridge',
      'jeg står på broen nu',
      'lettere at være død. jeg har pillerne her',
    ]);
    // "not planning on getting on it" (the train) denies no plan; the classifier reads the rest.
    expectTier('acute', ['standing on the platform. not planning on getting on the train']);
    // A clinic's letter and "don't come before tomorrow" is no goodbye (the classifier alone may give it a line).
    expect(recognizer.recognize('the clinic wrote me a letter, they said dont come before tomorrow').crisis.tier).not.toBe('acute');
    // A thanks that puts a decision off is no goodbye to the classifier; a plan after "I'll think about it" still is.
    expect(recognizer.recognize('thanks a lot, I will think about it tonight').crisis.tier).not.toBe('acute');
    expectTier('acute', ["I will think about it tonight, then I'll take all the pills"]);
    // A goodbye to walk the dog, and painkillers always carried in a bag, are no emergency to the classifier alone
    // (both were read as one); a goodbye with a plan beside the dog still gets the numbers.
    for (const text of ['farvel, jeg skal ud med hunden', 'bye, got to walk the dog', 'I always keep paracetamol in my bag just in case']) {
      expect({ text, tier: recognizer.recognize(text).crisis.tier }).not.toEqual({ text, tier: 'acute' });
    }
    expect(recognizer.recognize('farvel, jeg skal ud med hunden og så er det slut for altid').crisis.tier).not.toBe('none');
    // A thanks for everything that says the guide helped is a thanks to it: the line, not the emergency reply; without
    // that, or with a farewell for ever, a thanks for everything and a goodbye stay an emergency.
    expectTier('concern', ['mange tak for alt, det har hjulpet meget. farvel', 'thank you for everything, you helped a lot. bye']);
    expectTier('acute', ['tak for alt. farvel', 'tak for alt, det har hjulpet. farvel for altid']);
    // Worries: an earlier withdrawal one thought one would die of, a debt to dangerous people, pregnant ("i 6. måned",
    // one sentence) and using, passing out after drinking, a relative who says being dead would be easier.
    expectTier('concern', [
      'sidst jeg stoppede fik jeg det så dårligt at jeg troede jeg skulle dø',
      'jeg skylder nogle farlige typer penge for hash',
      'er i 6. måned og ryger stadig hash',
      'my brother passes out after drinking most weekends',
      'min mor siger tit at det ville være lettere at være død',
    ]);
    // ...and a second reader's false alarms for those: a party that ends tonight, a bridge as a place, boys by the
    // tracks, a medicine "so it all stops", a clinic's letter, the hash that should disappear, idioms, a negated debt,
    // a month of treatment, a concert that "killed" one, suicide prevention, a school assignment on overdoses.
    expectTier('none', [
      'festen slutter i nat, hvor meget kan man drikke når man er 16',
      'jeg er ved broen nu, hvor er indgangen til pitstop',
      'Drengene i min klasse går ned til togskinnerne efter skole og ryger hash',
      'Jeg tager antabus piller hver dag nu så det hele kan stoppe med druk',
      'Det bedste er hvis hashen forsvinder helt fra hans liv, men han svarer ikke',
      'da jeg så prisen på en øl troede jeg jeg skulle dø haha',
      'Jeg er i 5. måned af min behandling og har ikke drukket siden januar',
      'den koncert slog mig helt ihjel haha, har i noget for unge der tager molly',
      'har i noget med selvmordsforebyggelse for unge i ishøj',
      'vores lærer siger vi skal undersøge hvorfor folk tager overdoser',
    ]);
    expectNoEmergencyReply(['Han skylder ikke farlige folk noget, men han drikker hver dag']);
  });

  it('learnt from training set 101: "not a problem much longer", hoping the answer is yes, pills because she was sad, "will it be enough" are acute suicide', () => {
    expectAcuteSuicide([
      'jeg er ikke et problem for nogen meget længere. tak for alt',
      'hun smider mig ud. så slipper de for mig, farvel',
      'har taget 30 panodil og håber svaret er ja',
      'har sagt undskyld til alle. i nat er det slut',
      'tog 20 piller fordi hun var ked af det',
      'hvis jeg tager alle mine piller i nat vil det så være nok',
      'jeg er oppe på broen nu',
    ]);
    // Signs now: drunk until he cannot answer and pale, something in her drink and she cannot stand.
    expectTier('acute', ['min ven har drukket så meget at han ikke kan svare og er helt bleg', 'der er kommet noget i drinken, hun kan ikke stå']);
    // Delirium when drinking or benzos stop: seeing things and shaking ("drikker ikke" alone is masked as not drinking).
    expectTier('acute', [
      'far drikker ikke i dag for første gang i år, han ser insekter på væggen, sveder og ryster',
      'har stoppet med at drikke og nu ser jeg dyr på væggen og ryster',
      '14 dage siden jeg stoppede med benzo, jeg ser ting der ikke er der og ryster',
    ]);
    // Worries: a past overdose now home, old cuts, brought back with naloxone, pregnant and drinking, wanting to disappear.
    expectTier('concern', [
      'han var på hospitalet for 2 uger siden efter en overdosis og er hjemme nu, hvordan kommer han i behandling',
      'min kæreste har mærker på armene der ligner snit',
      'my sister was brought back with narcan last week',
      'she is 6 months pregnant and still drinks',
    ]);
    // ...and no alarm for 30 days sober said to someone, medicine locked away, or what an overdose is.
    // (The patterns read "30 dage uden sprut i dag" as staying sober; since 567 more topic phrases were learnt the
    // classifier alone gives it the line, p 0.46 against 0.45, never the emergency reply.)
    expect(recognizer.recognize('30 dage uden sprut i dag, ville bare sige det til nogen').crisis.tier).not.toBe('acute');
    expectTier('none', [
      'min søn har sat alt medicin op i et låst skab, hvordan taler vi om hans misbrug',
      'hvad er en overdosis? er det det samme som en forgiftning?',
    ]);
  });

  it('learnt from round 16 and training sets 105 and 106: a farewell for whoever finds it, a plan found, pills gathered for tonight are acute suicide', () => {
    expectAcuteSuicide([
      'hvis nogen læser det her så sig til min far at det ikke var hans skyld',
      'if anyone finds this tell my mom it wasnt her fault and that i love her',
      'har fundet ud af hvordan jeg gør det. er ikke bange længere',
      'skal ikke noget i morgen. farvel',
      'har gemt mine piller i flere uger. i nat når de sover så er det slut',
      'har skrevet hvem der skal have hvad og jeg har bestemt mig',
      'tak for alt i har gjort. jeg er færdig nu',
      'nu har jeg gjort det. 35 stk',
      'tog alle sovepillerne fordi jeg ikke vil vågne igen',
    ]);
    // A small child who chewed on paracetamol (she seems fine: damage shows late); a swallowed button battery; a
    // neighbour who lies on the floor and does not move.
    expectTier('acute', [
      'my 2 year old chewed on some of my paracetamol, not sure how many. she seems fine',
      'min søn har slugt et af de små runde batterier fra et ur',
      'han ligger på gulvet og han rører sig ikke',
    ]);
    // Worries: fits when drinking stopped last time, an ambulance after G, a past "OD", a debt that "kan gå galt".
    expectTier('concern', [
      'fik kramper sidst jeg stoppede med at drikke og vil stoppe igen nu',
      'blev hentet af ambulance efter ghb på en fest for en måned siden',
      'he relapsed after detox last year and ended up ODing',
      'de siger det kan gå galt hvis han ikke betaler',
    ]);
    // Near-misses a second reader wrote beside the new patterns (/work/reader11, 304 probes).
    expectTier('none', [
      'min telefon sluger batteri, kan jeg skrive herfra i stedet',
      'der rører sig ikke noget i min sag hos kommunen',
      'jeg ved ikke hvordan jeg gør det med at sige nej til drinks i aften',
      'skal ikke noget i morgen, har fri. farvel',
      'ok thank you i am done now, have a nice day',
      'har skrevet hvem der skal have hvad af julegaverne',
      'det her system er ved at slå mig ihjel, tre uger uden svar',
      'min bror er død for mig efter alt det med hans misbrug',
      'jeg sagde farvel til coke for et halvt år siden',
      'vi har læst en roman hvor hovedpersonen tager sit eget liv, kommer i ud på skolerne?',
      'jeg er færdig med livet, taber altid i fifa haha',
    ]);
    // Counted things that are no pills get no emergency reply (the classifier may still give the line).
    for (const text of ['har bagt 40 stk boller til festen, nu har jeg gjort det', 'nu har jeg gjort det. 50 stk flyers printet']) {
      expect({ text, acute: recognizer.recognize(text).crisis.tier === 'acute' }).toEqual({ text, acute: false });
    }
    // ...and the general-question frames leave a sign of danger in the same message acute.
    expectTier('acute', ['hvordan hjælper man en der har taget for meget GHB, hun vågner ikke', 'vi har en instruks om overdosis men han vågner ikke']);
  });

  it('learnt from round 17 and training sets 107 and 108: a drunk driver with a child, the rest of the pills and a goodnight, "for sent nu", a promise broken', () => {
    expectAcuteSuicide([
      'tog alle mine piller. det er for sent nu',
      'i took every single pill i had, too late now',
      'har taget resten af min medicin og går i seng nu. godnat',
      'it would be easier to just die. planned it for tonight',
      'jeg lovede mig selv at hvis jeg tog det igen så var det slut. tog det i dag. nu er det slut',
      'tog en hel plade panodiler fordi jeg var så ked af det',
    ]);
    expectTier('acute', [
      'min far er fuld og er lige kørt afsted med min lillesøster',
      'min ven tog ghb og drak, han er helt slap og vi kan ikke få noget ud af ham',
      'i took 30 about an hour ago, how long does it take paracetamol to work',
    ]);
    // A missing pack from the medicine cabinet in a suicide message also gets Giftlinjen.
    expect(recognizer.recognize('min datter skriver hun vil dø og der mangler en pakke fra medicinskabet').crisis.kinds).toEqual(
      expect.arrayContaining(['suicide', 'poisoning']),
    );
    // Worries: drunk driving "nogle gange", a daily user's fear of stopping, coming off benzos, foil found after a
    // near-fatal overdose, tolerance gone after being clean, a smashed window over hash, "rather be dead than rehab".
    expectTier('concern', [
      'min mor kører nogle gange bil når hun har drukket med min lillebror på bagsædet',
      'kan man dø af at stoppe med alkohol? jeg drikker hver dag',
      'my mum wants to come off her benzos and I am scared of what happens',
      'she nearly died last year and now I found foil in her room',
      'har været clean i et halvt år og min tolerance er væk, er bange for at tage det samme som før',
      'nogen har smadret min søns rude og skrevet han skal betale ellers, det er noget med hash',
      'han siger han hellere vil være død end at komme i behandling',
    ]);
    // Near-misses a second reader wrote beside the new patterns (/work/reader12, 327 probes).
    expectTier('none', [
      'min kæreste er helt død efter nattevagten, kan vi flytte tiden',
      'er pisse død efter julefrokosten haha',
      'har hørt at man kan få en overdosis af fentanyl bare ved at røre ved det, passer det?',
      'Kan I komme ud og fortælle om overdosis i 9. klasse?',
      'hvordan kan man se forskel på en der er fuld og en der har fået en forgiftning? jeg er dørmand',
      'min kæreste var fuld så taxaen kørte os hjem',
      'took what was left of my meds to the pharmacy. good night',
      'jeg vil hellere være død end at gå med de bukser haha',
      'Jeg fandt alufolie i køkkenskuffen og min søn er næsten 16, skal jeg være bekymret?',
    ]);
    expectNoEmergencyReply([
      'bange for at vaegten ikke stopper med at stige, har taget 800 g pa pa en uge',
      'han skal betale huslejen ellers ryger lejligheden, han har gæld',
    ]);
    // (Leaving a party early is no plan, though "bare at forsvinde" alone still gets the line.)
    expect(recognizer.isAcute('nemmere bare at forsvinde tidligt fra julefrokosten, den er planlagt i aften')).toBe(false);
    // The frames leave a sign of danger in the same message acute.
    expectTier('acute', [
      'min ven har taget en overdosis, passer det at man skal give mælk?',
      'its for a school project but i took 12 pills an hour ago how much is an overdose',
    ]);
    expect(recognizer.recognize('Jeg tænker på selvmord, passer det at i har tavshedspligt?').crisis.kinds).toContain('suicide');
  });

  it('learnt from training sets 109 and 110: not coming home again tonight, naloxone wearing off, a cut to the white, pills hidden for when the others sleep', () => {
    expectAcuteSuicide([
      'sig til mor at jeg ikke kommer hjem igen, i nat er det',
      'skåret i armen og man kan se det hvide, det stopper ikke med at bløde',
      'har gemt mine sovepiller og tager dem når de andre sover lol',
      'my brother texted me love u sorry and hes not picking up',
      'han skrev at de skal passe godt på hans hund og nu svarer han ikke',
    ]);
    expectTier('acute', ['vi gav ham narcan og han vågnede men nu nikker han hen igen', 'min ven har taget fentanyl og han får ikke luft']);
    expectTier('concern', [
      'min søn blev indlagt efter for meget ghb for to uger siden',
      'jeg plejede at cutte, nu har jeg fået lyst igen',
      'tænker meget på at følge efter ham efter han døde',
      'my sister odd last month and survived',
      'min kæreste er voldelig og har truet mig, jeg tør ikke tage hjem',
    ]);
    // Near-misses a second reader wrote beside the new patterns (/work/reader14, 296 probes).
    expectTier('none', [
      'katten kommer nok ikke hjem igen, hun er væk',
      'jeg har narcan i tasken til min bror, hvor får man mere',
      'vi ligger langt nede i tabellen i år',
      'jeg får ikke luft i dækkene på cyklen',
      'vi så en voldelig film og nu tør jeg ikke gå hjem alene haha',
      'jeg vil følge efter ham til Aarhus når han flytter',
      'my dad is odd about money',
      'can you get in trouble with the police if you call 112 for a friend who took drugs? just wondering for the future',
    ]);
    expectNoEmergencyReply(['min frisoer skal cutte mit haar og jeg har lyst igen til at farve det']);
    // The frames leave a real emergency acute: a question "for the future" beside an overdose now, "jeg slår mig ihjel".
    expectTier('acute', ['min ven har taget en overdosis, hvad skal jeg gøre? og også til fremtiden', 'jeg slår mig ihjel, kan ikke vente mere']);
    expect(recognizer.recognize('min far døde ved selvmord og jeg tænker selv på det hver dag').crisis.tier).not.toBe('none');
  });

  it('gives distress said in everyday words the line with Livslinien, but not a hangover or feeling bad about something', () => {
    for (const text of [
      'jeg har det skidt',
      'har det ad helvede til',
      'hvem kan jeg ringe til i nat, jeg har det skidt',
      'I feel so alone tonight',
      "i'm not okay right now",
    ]) {
      expect({ text, crisis: recognizer.recognize(text).crisis }).toEqual({ text, crisis: { tier: 'concern', kinds: ['suicide'] } });
    }
    expectTier('none', [
      'jeg har det så dårligt efter i går, tømmermænd fra helvede',
      'jeg har det skidt med at min søn ryger hash',
      'I feel bad about lying to my wife',
      // A second reader's probes: someone else's hardship, a hard task, an illness beside a time word.
      'min bedstemor har det rigtig dårligt efter sin operation',
      'jeg har det så svært ved at finde jeres adresse',
    ]);
    expect(recognizer.recognize('i feel awful tonight, hungover as hell').crisis.kinds).toEqual([]);
    // ...and its mask hides no odd breathing ("dårligt med pauser"); a cost word beside an emergency silences nothing.
    expectTier('acute', [
      'trækker vejret dårligt med pauser',
      'han snorker dårligt med lange pauser efter metadon',
      'how much does the emergency room cost? my son drank something from under the sink',
      'we are tourists without insurance, our friend is shaking and burning hot after molly',
    ]);
  });

  it('sees no emergency in idioms and questions about emergencies as a subject', () => {
    expectTier('none', [
      'det hjalp ikke',
      'jeg døde af grin',
      'hvor mange dør af overdosis i Danmark om året?',
      'what should I do if a friend ever overdoses?',
      // Learnt from round 7 and the realistic questions: idioms with a rope or a cold, a subject question.
      'What help do you offer parents? We are at the end of our rope.',
      "I've tried going cold turkey and it's hell, is there a detox option?",
      'hvad sker der i kroppen ved en overdosis af GHB',
      'Det var ved at tage livet af mig at vente på svar fra kommunen',
    ]);
  });

  it('never lets an idiom or a frame hide a sign of danger beside it', () => {
    for (const text of [
      'Hun trækker ikke vejret, akut!',
      'He has no pulse, emergency!',
      'Hun kan ikke holde øjnene åbne, dør hun?',
      'Han har drukket i en dag og jeg kan ikke vække ham',
      'How do I handle this, my son just overdosed',
      "We had a discussion about his drinking and he says he'll kill himself",
      "I'm killing myself tonight. Not like I'm going to need anything anymore.",
      // Frames and masks added for round 9, each once too wide (a second reader's probes):
      "I asked if she wanted help and she said no, she's standing on the ledge and says tonight is the night",
      'min søn benægter det, men jeg har fundet et reb og et afskedsbrev på hans værelse',
      'jeg har skåret i mig selv, ikke dybt, men jeg har taget alle mine piller',
      'jeg sad med min danskopgave om aftenen og min far faldt om og fik kramper',
      'han har skåret i håndleddet og det er ikke holdt op med at bløde',
      'jeg kan ikke leve sådan her med stofferne, jeg vil dø i nat',
      'he was already back at home when he started seizing',
      'he overdosed and might end up in hospital',
      'keeps happening, he stops breathing for a few seconds then gasps',
      'min bror har spist en hel plade af min mors sovemedicin for sjov og nu er han helt væk',
      "my brother denies being suicidal but he's on the roof of his building right now",
      'ingen puls, blod overalt, hjælp',
      "took 30 mg of oxy and 20 mg valium and i'm scared",
      'mine børn siger de har spist nogle af mine hashkager',
      'ved ikke om det tæller, men jeg vil slå mig selv ihjel',
      'har taget 20 sovepiller for en time siden, har haft søvnproblemer i mange år',
      'snittet er ikke dybt men jeg kan ikke stoppe blødningen',
      'min bror har hængt sig',
      'han kvæler hende lige nu',
      // A second reader's checks of the frames learnt from round 10: a "when young", "long ago", "history of",
      // "if anyone is there", "just checking", "I want to stop now", a date, a film or "no contact" frame
      // lowers nothing said beside it; "viser tegn på" is what is seen now.
      'jeg hænger mig i nat, det er overstået',
      'min datter, som er teenager, har taget en overdosis',
      'he has a long history of depression and says he will hang himself',
      'if anyone is there help me, i want to die',
      'just checking in, i took 30 sleeping pills an hour ago',
      'i want to stop now, i drank a lot and have my dads gun',
      'if i tell you im going to kill myself will you call the police',
      'jeg slår mig selv ihjel næste uge på min fødselsdag',
      'my wife left this month, i am going to shoot myself',
      'hun tog piller i filmen og er faldet om',
      'vi har ingen kontakt til ham, han ligger på gulvet efter at have taget piller',
      'Han viser tegn på overdosis og vågner ikke',
      'what do you tell people when they dont answer after an overdose? my brother isnt answering and took heroin',
      // A probe of ordinary questions for false alarms found these missed: a baby at the pills while the parent
      // breastfeeds, painkillers by brand for a child, GHB and a heavy sleep, "for altid" read as a habit.
      'jeg ammer og min baby har fået fat i mine piller',
      'min datter på 2 har spist 3 panodiler',
      'hun har taget ghb og sover meget tungt, er det normalt',
      'jeg vil bare forsvinde for altid',
      'min mand har taget sin metadon og er lidt søvnig men også svær at vække',
      // A second reader's checks that the probe's fixes hide nothing said beside them.
      'hvis en borger viser tegn på overdosis, han er faldet om lige nu i opgangen',
      'is it true that you should put them in recovery position my friend collapsed',
      'jeg vil ikke leve mere fordi jeg løber tør for penge',
      'im scared that eventually ill just end it, i have the rope ready',
      'min søn har taget min medicin og er lidt sløv, han er 4',
      'han har taget sin metadon og er lidt søvnig men han har også drukket en flaske vodka og taget nogle stesolid',
      'he quit all his pills at once, is that safe? now he is acting really weird, sweating, burning hot and rambling',
      'han tog en masse piller i fredags og har været forvirret i flere dage efter, nu er han gul i øjnene',
      'min kæreste har taget 30 abstinenspiller',
      'jeg vil hellere dø end at være i live',
      'det føles som om jeg skal dø når jeg ikke får luft',
      'hvor farligt er det for barnet hun har spist en hel hashkage',
      'min ven er kollapset efter kokain, nu har jeg det bedre for jeg har ringet til hans mor',
      'jeg har hamstret piller fordi jeg vil dø, og så jeg ikke løber tør',
      // A final reader of the session's whole change: frames that still reached past what they frame.
      'jeg tager livet af mig med gas i garagen i nat',
      'det er nok nu tager jeg livet af mig',
      'er det rigtigt at man kan ringe 112, han har taget for mange',
      'client with a history of od collapsed in our toilet, snoring',
      'som teenager var han voldelig, han kvæler sin mor lige nu',
      'if i break up with her she says she will jump, shes on the bridge',
      'if i call the police he says he will shoot himself, he has a gun in his hand',
      'han vil stoppe nu med at drikke men han har kramper',
      'jeg tager livet af mig og farvel til jer alle',
      'det var alt for nu, pillerne er taget',
      'han har hver morgen kvalme men han kaster blod op',
      'i have been depressed for years and i took the whole bottle',
      'hun drikker hver dag og hun er kollapset',
      'i nat hænger jeg mig',
      // Learnt from round 11: "ikke kan vække" in a subordinate clause, a number of pills "already" taken, a
      // plan for tonight, a reported goodbye, lying still on the floor, delirium, a car running in a garage, a
      // knife at the door, cries for help, blood spurting, pregnancy with severe pains, nodding off on heroin,
      // hallucinations with a racing heart in withdrawal, a "because" that says it is now, "just od'd", gibberish.
      'kan man dø af tramadol? hun sover så tungt at jeg ikke kan vække hende',
      'what happens if you take 30 panodil. i already did',
      'my client has all her pills with her and plans to take them all tonight',
      'min søster har lige skrevet til mig at det er farvel',
      'min far ligger på gulvet og bevæger sig ikke',
      'han plukker i luften og kan ikke genkende mig, han sveder helt vildt',
      'the car is running in the closed garage and she is inside',
      'there is a man with a knife outside my door',
      'naboen råber om hjælp',
      'tager alle mine sovepiller nu',
      'cuttede mig og blodet sprøjter',
      'jeg er gravid og har taget kokain, nu har jeg voldsomme mavesmerter',
      'used heroin again after being clean and im starting to nod really hard',
      'stopped drinking three days ago, now im seeing spiders and my heart is racing',
      'what are the signs of od because my friend is not waking up',
      'hun ville stoppe nu og har lige odet',
      'fandt en pose med pulver, min søn er helt sløv og taler volapyk',
      // A second reader's probes of those: masks and frames that swallowed a danger beside them.
      'hes not moving what to do',
      'my son is not breathing passed out after he tried to cut down on heroin',
      "she's not breathing she hurt herself, she was cutting down on her meds",
      'Min søn har kramper, hvad gør jeg hvis de ikke stopper',
      "he's having a seizure what if it doesn't stop",
      'hungover again, honestly i want to die and i have the pills right here',
      'I keep thinking how easy it would be to commit suicide',
      "he isn't conscious",
      'my friend stopped moving here help',
      'drukket noget fra rengøringsskabet og det brænder i halsen',
      'han tog kvælertag på mig for en time siden og nu kan jeg ikke synke',
    ]) {
      expect({ text, acute: recognizer.isAcute(text) }).toEqual({ text, acute: true });
    }
    for (const text of [
      'Thanks, I got what I need',
      'How do I make it stop?',
      "After a fight with my girlfriend I relapsed and now I'm drinking again",
      "I'm scared he's going to drink himself to death",
      'what are some signs someone is overdosing',
      'how do i hide alcohol from my husband now that he is in treatment',
      "a lot of blood tests came back bad for my dad's liver",
      'hvor mange mg sertralin skal til før man mærker en effekt',
      'den fest i gaar var sindssyg, vi var helt smadrede, jeg er stadig doed i dag. kan man blive afhaengig af molly?',
      'jeg har brugt pitstop før, men jeres dør var låst og telefonen svarer ikke',
      'kan man drikke øl når man får sovepiller? min læge svarer ikke på mine beskeder',
      'jeg har sendt et foto af recepten til apoteket men de har ikke svaret endnu',
      'I took my last diazepam yesterday after a 6-month taper with my doctor!',
      // New signals learnt from round 10 (a drooping face, a knife and a threat, pregnancy with bleeding, GHB,
      // methadone drunk by someone new to it) stay narrow.
      'han trak ansigtet skævt da jeg nævnte behandling',
      'my son has a knife collection, saying its a hobby',
      'im pregnant and have cramps now, can i drink a glass of wine',
      'vi er ved at gå ud, har nogen taget ghb før en fest',
      'jeg er i metadonbehandling og har drukket en øl af og til, jeg bliver søvnig af det',
      'he is feeling blue since he quit drinking',
      'abstinenserne tager snart livet af mig',
      'det var alt for nu, god aften',
      'tegn på overdosis',
      // The probe's false alarms: a game, "rather die than tell", a break from it all, a routine dose, a
      // teacher's question about the signs.
      'min søn har låst sig inde på sit værelse og spiller computer',
      'jeg vil hellere dø end at fortælle mine forældre det',
      'I want to disappear for a while and get clean',
      'min mand har taget sin metadon og er lidt søvnig, er det normalt efter dosis',
      'Hvad skal man gøre, hvis en elev viser tegn på en overdosis?',
      // ...and that the new signs stay narrow.
      'min 15 årige har drukket vodka til en fest, hvordan snakker jeg med hende',
      'barnet har fået ipren mod feber, må jeg også give panodil',
      'min teenager er svær at vække i weekenden',
      'er ghb farligt? jeg har læst at man sover tungt bagefter',
      'det er svært at vække hans interesse for behandling, han tager piller',
      'det her job tager livet af mig',
      'han tager livet af sig med sit druk',
      'jeg skyder mig selv i foden hver gang jeg prøver at stoppe',
      // ...and the round-11 ones stay narrow: a plan that names no pills, idioms, negations, questions.
      'jeg vil tage det op med min læge i aften',
      'so hungover i wanna die, do you do alcohol counselling',
      'pillerne er taget af markedet',
      'er der nogen der er død af at gå i behandling hos jer',
      "that's just odd",
      'if i just stop drinking will i get seizures?',
      "she used to self-harm, she isn't hurting herself now",
      "she's never passed out but she drinks all day",
      'sometimes i think how easy it would be to just not wake up, not planning anything',
      'hvad hedder det med aflåst sideleje? vi skal have førstehjælp i skolen',
      // ...and the second reader's false alarms from them.
      'I feel tired and just odd since I stopped drinking',
      'Det føles som om min krop råber om hjælp efter weekenden',
      "I'm getting hit by cravings now that I quit",
      'Jeg har skrevet til min dealer at det er farvel til hash',
      'Tak fordi du prøvede. Farvel',
      'Jeg skriver her fordi kommunen ikke svarer',
      'Skal jeg tage alle pillerne nu eller fordelt over dagen',
      'Jeg har allerede gjort det, hvor mange piller er for mange',
      'My son left his baseball bat outside the door and smokes weed',
      "Må jeg stille et spørgsmål? Min far råber når han drikker og svarer ikke på mine sms'er",
      'Min far ligger på sofaen og rører sig ikke fra den hele weekenden, han drikker',
      'He started to nod along when I talked about rehab',
      'Jeg plukker i luften efter ord når jeg er stresset',
      'Vi sidder og sludrer, og jeg bliver helt sløv af hash, er det normalt',
      'Hver gang jeg ryger skunk ser jeg ting og hjertet hamrer, er det normalt',
      'Jeg er gravid i 5. måned og har kraftige smerter i ryggen nu om dagen',
      'Jeg skar ned på stofferne men bruger stadig sprøjter',
      'im not moving out i just want to stop drinking',
    ]) {
      expect({ text, acute: recognizer.isAcute(text) }).toEqual({ text, acute: false });
    }
  });

  it('keeps the topic answered first in the reading a follow-up is read with, where a rule chose it', () => {
    const recognition = recognizer.recognize('is there anonymous treatment, not just the counselling talks?');
    expect(recognition.intent).toMatchObject({ kind: 'topic', topicId: 'anonymous_treatment' });
    expect(recognition.reading?.[0]?.[0]).toBe('anonymous_treatment');
  });

  it('reads "where is it?" after what Pitstop is as its address', () => {
    const previous = recognizer.recognize('what is pitstop').reading;
    expect(previous?.[0]?.[0]).toBe('pitstop');
    expect(recognizer.recognize('ok and where is it exactly', { previous }).intent).toMatchObject({ kind: 'topic', topicId: 'contact' });
  });

  it('reads a short follow-up that points back ("det", "den", "that", "it") with the question before, as much as itself', () => {
    const substitution = recognizer.recognize('what is substitution treatment').reading;
    expect(recognizer.recognize('does pitstop do that or is it somewhere else', { previous: substitution }).intent).toMatchObject({ topicId: 'substitution' });
    const plan = recognizer.recognize('hvad er en behandlingsplan').reading;
    expect(recognizer.recognize('hvem skriver den?', { previous: plan }).intent).toMatchObject({ topicId: 'treatment_plan' });
    // An aspect asked of it still answers that aspect, and a follow-up naming another subject is about that one.
    expect(recognizer.recognize('hvad koster det?', { previous: plan }).intent).toMatchObject({ topicId: 'fees' });
    expect(recognizer.recognize('og hvad er døgnbehandling så?', { previous: plan }).intent).toMatchObject({ topicId: 'residential' });
    // A second reader's probes: a sure reply of its own stays, and "der"/"there" opens a question, not points back.
    const substitutionDa = recognizer.recognize('hvad er substitutionsbehandling').reading;
    expect(recognizer.recognize('er det farligt at køre bil på det?', { previous: substitutionDa }).intent).toMatchObject({ topicId: 'not_in_documents' });
    const alcohol = recognizer.recognize('jeg drikker for meget').reading;
    expect(recognizer.recognize('er der noget for min familie?', { previous: alcohol }).intent).toMatchObject({ topicId: 'relatives' });
  });

  it('keeps a follow-up that opens with a thanks a follow-up, even without its "?", and a goodbye said of someone else a remark', () => {
    // A second reader's probes, which a thanks-or-goodbye reading of such remarks had lost.
    const counselling = recognizer.recognize('what is the anonymous counselling').reading;
    expect(recognizer.recognize('thanks, tell me a bit more about that', { previous: counselling }).intent).toMatchObject({ topicId: 'counselling' });
    const residential = recognizer.recognize('hvad er døgnbehandling').reading;
    expect(recognizer.recognize('tak, bor man der så', { previous: residential }).intent).toMatchObject({ topicId: 'residential' });
    const son = recognizer.recognize('min søn på 17 ryger hash hver dag, hvad kan jeg gøre').reading;
    expect(recognizer.recognize('han kommer hjem kl 4 om natten og siger ikke engang godnat', { previous: son }).intent).toMatchObject({ kind: 'topic' });
  });

  it('hears a request after a "tak", unclear as a whole: answered or asked back, not only thanked', () => {
    expect(recognizer.recognize('tak, jeg vil gerne have hjælp til min hash').intent).toMatchObject({ kind: 'topic', topicId: 'get_help' });
    expect(recognizer.recognize('tak, jeg ryger for meget hash og vil stoppe').intent).toMatchObject({ kind: 'clarify' });
    // A remark after a thanks stays a thanks, and a greeting with a question word stays a greeting.
    const counselling = recognizer.recognize('hvad er anonym rådgivning').reading;
    expect(recognizer.recognize('tak det var godt at vide', { previous: counselling }).intent).toEqual({ kind: 'command', command: 'thanks' });
    expect(recognizer.recognize('hej hvordan går det').intent).toEqual({ kind: 'command', command: 'greeting' });
    expect(recognizer.recognize('ok hvorfor ikke').intent).toEqual({ kind: 'command', command: 'acknowledge' });
  });

  it('takes "er der nogen" going on to whom it asks for as a question, not a greeting', () => {
    // It was greeted: "er der nogen (der)" alone is how some open a chat, "… der kan hjælpe mig med at stoppe" asks.
    for (const message of ['er der nogen der kan hjælpe mig med at stoppe med hash', 'er der nogen som kan hjælpe min far med hans druk']) {
      expect(recognizer.recognize(message).intent).not.toMatchObject({ kind: 'command' });
    }
    expect(recognizer.recognize('er der nogen').intent).toEqual({ kind: 'command', command: 'greeting' });
    expect(recognizer.recognize('hej er der nogen').intent).toEqual({ kind: 'command', command: 'greeting' });
  });

  it('reads a short follow-up by a rule that holds only after its topic: "hvilke dage?" after the alcohol counselling', () => {
    const previous = recognizer.recognize('er der anonym alkoholrådgivning i vallensbæk').reading;
    expect(previous?.[0]?.[0]).toBe('alcohol');
    expect(recognizer.recognize('hvilke dage?', { previous }).intent).toMatchObject({ kind: 'topic', topicId: 'alcohol' });
    const afterGiv = recognizer.recognize('hvad er projekt giv').reading;
    expect(recognizer.recognize('hvordan kommer hun med?', { previous: afterGiv }).intent).toMatchObject({ kind: 'topic', topicId: 'projekt_giv' });
    const afterPregnancy = recognizer.recognize('jeg er gravid og ryger hash').reading;
    expect(afterPregnancy?.[0]?.[0]).toBe('pregnant_children');
    expect(recognizer.recognize('hvad kan i hjælpe med?', { previous: afterPregnancy }).intent).toMatchObject({ kind: 'topic', topicId: 'pregnant_children' });
    // Without the question before, the same words are not about alcohol.
    expect(recognizer.recognize('hvilke dage?').intent).not.toMatchObject({ topicId: 'alcohol' });
  });

  it('asks whether something is legal only where the question says so, not where drugs are called illegal', () => {
    // A question about the law is no emergency for the crisis classifier alone (a second reader's probe).
    expect(recognizer.isAcute('Can he go to prison for having it?')).toBe(false);
    expect(recognizer.recognize('kan jeg blive straffet for at have hash på mig?').intent).toMatchObject({ topicId: 'not_in_documents' });
    expect(recognizer.recognize('i use illegal drugs and want to stop, where do i start?').intent).toMatchObject({ topicId: 'get_help' });
  });

  it('reads who one talks to at Pitstop as its staff, and whether anyone will be in touch after treatment as aftercare', () => {
    const pitstop = recognizer.recognize('what is pitstop?').reading;
    expect(recognizer.recognize('and the people working there, who are they?', { previous: pitstop }).intent).toMatchObject({ topicId: 'staff_team' });
    expect(recognizer.recognize('hvem er det man snakker med der', { previous: pitstop }).intent).toMatchObject({ topicId: 'staff_team' });
    const finished = recognizer.recognize('I finished treatment at Pitstop last month').reading;
    expect(recognizer.recognize('will anyone contact me now?', { previous: finished }).intent).toMatchObject({ topicId: 'aftercare' });
    // Without the question before, the same words are read alone.
    expect(recognizer.recognize('will anyone contact me now?').intent).not.toMatchObject({ topicId: 'aftercare' });
  });

  it('lets the reading rules decide only where their words ask it, not where the same words tell a story', () => {
    const topicOf = (text: string, previousText?: string): string | undefined => {
      const previous = previousText === undefined ? undefined : recognizer.recognize(previousText).reading;
      const { intent } = recognizer.recognize(text, { previous });
      return intent.kind === 'topic' ? intent.topicId : intent.kind;
    };
    expect(topicOf('kan jeg få hjælp uden at mine forældre finder ud af det?')).toBe('anonymity');
    expect(topicOf('gælder garantien også for alkohol?')).toBe('guarantee');
    expect(topicOf('kan kommunen tvinge min søn i behandling?')).toBe('not_in_documents');
    // A second reader's probes: a cue inside a story, a negation or another question.
    expect(topicOf('Jeg har drukket hver dag i 2 uger, hvad gør jeg?')).not.toBe('guarantee');
    expect(topicOf('Min mand tager kokain uden at nogen ved det, hvad kan jeg gøre som hustru?')).not.toBe('anonymity');
    expect(topicOf('Jeg kan ikke tvinge min søn, men hvad kan jeg selv gøre som mor?')).not.toBe('not_in_documents');
    expect(topicOf("I'm 17 and want to be drug free, can you help?")).not.toBe('fees');
    expect(topicOf('Is Pitstop an option if I need residential treatment?')).not.toBe('pitstop');
    expect(topicOf('Hvordan kan Pitstop hjælpe mig med at komme igennem en svær tid?')).not.toBe('no_answer');
    expect(topicOf('hvornår har pitstop åbent?', 'er der anonym alkoholrådgivning i vallensbæk')).not.toBe('alcohol');
    expect(topicOf('hvor ofte kan man få afgiftning?', 'hvad er afgiftning')).not.toBe('outpatient');
    expect(topicOf('er der hjælp til min kæreste som også tager stoffer?', 'jeg er gravid og ryger hash')).not.toBe('pregnant_children');
    // Rules from round 16's misses: what happens when treatment ends, a parent's own help, being free of withdrawal,
    // the daytime only, the anonymity of the help just named (and not of a help asked about in full).
    expect(topicOf('hvad sker der når man er færdig med behandlingen? følger de op på en?')).toBe('aftercare');
    expect(topicOf('min datter på 15 ryger joints. er der hjælp til mig som forælder, eller skal hun selv henvende sig?')).toBe('relatives');
    expect(topicOf('skal være abstinensfri for at starte ambulant har de sagt. hvordan foregår det')).toBe('detox');
    expect(topicOf('kan man komme hos pitstop om aftenen efter arbejde eller er det kun i dagtimerne')).toBe('contact');
    expect(topicOf('men det er anonymt ik?', 'jeg vil gerne snakke med nogen om mit forbrug af keta')).toBe('anonymity');
    expect(topicOf('Is there treatment where I just come in once or twice a week after work?')).not.toBe('contact');
    // Rules from round 17's misses, and what a second reader (/work/reader13) showed they must leave alone.
    expect(topicOf('can I appeal that somewhere?', 'i applied for anonymous treatment and the municipality said no')).toBe('complaints');
    expect(topicOf('does Pitstop appeal to young people or is it mostly older guys?')).not.toBe('complaints');
    expect(topicOf('kan jeg trappe ud af mine benzo selv derhjemme, hvor hurtigt skal jeg gå ned')).toBe('not_in_documents');
    expect(topicOf('jeg har prøvet at trappe ned selv men det virker ikke, kan jeg komme på afrusning?')).toBe('detox');
    expect(topicOf('I want to keep my job, is it anonymous?')).toBe('anonymity');
    expect(topicOf('hvis jeg skriver min mailadresse her, bliver den så gemt?')).not.toBe('contact');
    expect(topicOf('jeg er læge, hvordan laver jeg en henvisning?', 'hvad er anonym rådgivning')).not.toBe('counselling');
    expect(topicOf('my son is in police custody for drugs, what can I do as his mum?')).not.toBe('not_in_documents');
  });

  it('settles a tie only where a rule or an age says how, and reads distress no topic is sure of as a wish for a person', () => {
    const intentOf = (text: string) => recognizer.recognize(text).intent;
    // A rule's own topic leads a tie with one of its readings: the rule's cue settles it.
    expect(intentOf('I have a 2 year old at home and use coke at weekends, is there help for parents like me?')).toMatchObject({
      kind: 'topic',
      topicId: 'pregnant_children',
    });
    // A young person's age settles a tie the help for young people leads, with help for relatives as the button...
    expect(intentOf('min søn på 17 ryger hash hver dag')).toMatchObject({ kind: 'topic', topicId: 'young', alternatives: ['relatives'] });
    // ...but not one it does not lead, nor a tie with a matter the documents do not cover.
    expect(intentOf('min datter på 13 tager piller')).toMatchObject({ kind: 'clarify', candidates: ['relatives', 'young'] });
    expect(intentOf("My kid is 15 and gaming 10 hours a day. He's stopped going to school. Is that something you treat?")).not.toMatchObject({
      topicId: 'young',
    });
    // Distress that no reading is sure of gets the contact answer (someone to talk to), after the line of numbers.
    expect(recognizer.recognize('jeg har det skidt')).toMatchObject({ intent: { kind: 'topic', topicId: 'contact' }, crisis: { tier: 'concern' } });
  });

  it("answers the law of a subject whose answer names it with that subject, and the law of treatment in general as staff's legal basis", () => {
    const topicOf = (text: string, previousText?: string): string | undefined => {
      const previous = previousText === undefined ? undefined : recognizer.recognize(previousText).reading;
      const { intent } = recognizer.recognize(text, { previous });
      return intent.kind === 'topic' ? intent.topicId : intent.kind;
    };
    expect(topicOf('sundhedslovens § 142 hvad dækker den')).toBe('substitution');
    expect(topicOf('Hvad siger sundhedslovens § 141?')).toBe('alcohol');
    expect(topicOf('hvad siger servicelovens §141')).toBe('action_plan');
    expect(topicOf('hvilken lov er det efter?', 'Hvad er substitutionsbehandling?')).toBe('substitution');
    expect(topicOf('which section of the law is that', 'what is anonymous treatment')).toBe('anonymous_treatment');
    // Numbers named as alternatives are no section; a law asked after a subject without one of its own is the staff's.
    expect(topicOf('Which section of serviceloven is drug treatment based on, 101 or 141? My colleagues keep mixing them up.')).toBe('staff_legal');
    expect(topicOf('hvilken lov er det efter?', 'hvad er dagbehandling')).not.toBe('day_treatment');
  });

  it('reads the question of a message whose other sentences only gave personal data, and the whole message where no other sentence asks', () => {
    const topicOf = (text: string): string => {
      const { intent } = recognizer.recognize(text);
      return intent.kind === 'topic' ? intent.topicId : intent.kind;
    };
    expect(topicOf('Jeg hedder Mette Hansen, cpr [cpr], tlf [phone], mail [email]. Hvad koster det?')).toBe('fees');
    expect(topicOf('My name is Tom, my number is [phone] and my email [email]. How much does it cost?')).toBe('fees');
    expect(topicOf('ring til mig på [phone] og sig hvad det koster')).toBe('fees');
  });

  it('gives small talk no line of numbers from the classifier alone, but keeps what the patterns find in it', () => {
    for (const [text, command] of [
      ['det var alt for nu, god aften', 'goodbye'],
      ['no, none of those fit really', 'decline'],
    ] as const) {
      expect(recognizer.recognize(text)).toMatchObject({ intent: { kind: 'command', command }, crisis: { tier: 'none' } });
    }
    expect(recognizer.recognize('tak for alt, farvel').crisis.tier).toBe('acute');
  });

  it('recognises commands only as the whole message', () => {
    expect(recognizer.recognize('Hjælp').intent).toEqual({ kind: 'command', command: 'help' });
    expect(recognizer.recognize('jeg har brug for hjælp til mit misbrug').intent.kind).toBe('topic');
  });

  it('answers sick leave as not in the documents, and a question about what treatment costs is no emergency for the classifier alone', () => {
    expect(recognizer.recognize('kan jeg blive sygemeldt mens jeg går i ambulant behandling').intent).toMatchObject({
      kind: 'topic',
      topicId: 'not_in_documents',
    });
    expect(recognizer.recognize('Can Pitstop write me a sick note?').intent).toMatchObject({ kind: 'topic', topicId: 'not_in_documents' });
    // An employer named as context is not the question.
    expect(recognizer.recognize('Could I keep my job while doing outpatient treatment? My manager knows nothing.').intent).toMatchObject({
      topicId: 'outpatient',
    });
    expect(recognizer.isAcute('I have a bad benzo and oxy habit going on, is treatment free here or do I need insurance?')).toBe(false);
    expect(recognizer.isAcute('han har taget en overdosis, er det gratis at ringe 112?')).toBe(true);
  });

  it('offers where to get help, the kinds of help and when use is a problem for a drug named alone', () => {
    for (const text of ['hash', 'kokain?', 'stoffer', 'weed']) {
      expect({ text, intent: recognizer.recognize(text).intent }).toEqual({
        text,
        intent: { kind: 'clarify', candidates: ['get_help', 'treatment_types', 'what_is_abuse'] },
      });
    }
    expect(recognizer.recognize('alkohol').intent).toMatchObject({ kind: 'topic', topicId: 'alcohol' });
  });

  it('answers the subject named where its reading is torn with a general or aspect topic', () => {
    expect(recognizer.recognize('how long does detox take').intent).toMatchObject({ kind: 'topic', topicId: 'detox' });
  });

  it('reads a writer who gives an age under 18 as asking for themselves, whoever else they name', () => {
    expect(recognizer.recognize('do my parents have to know if im 15').audience).toBeUndefined();
    expect(recognizer.recognize('jeg er 16 og min bror ryger hash, hvad kan jeg gøre').audience).toBeUndefined();
    expect(recognizer.recognize('jeg er 45 og min bror ryger hash, hvad kan jeg gøre').audience).toBe('relative');
    expect(recognizer.recognize('min søn på 15 ryger hash, hvad kan vi gøre').audience).toBe('relative');
  });

  it('maps a button title in either language to its topic', () => {
    expect(recognizer.recognize('Frit valg af behandlingssted').intent).toEqual({ kind: 'topic', topicId: 'free_choice', confidence: 1 });
    expect(recognizer.recognize('free choice of provider').intent).toEqual({ kind: 'topic', topicId: 'free_choice', confidence: 1 });
    // A title that names a fact is tapped as shown, the fact filled in ("Behandlingsgaranti ({{guaranteeDays}} dage)").
    expect(recognizer.recognize('Behandlingsgaranti (14 dage)').intent).toEqual({ kind: 'topic', topicId: 'guarantee', confidence: 1 });
    expect(recognizer.recognize('Projekt GIV (children and young people 8–24)').intent).toEqual({ kind: 'topic', topicId: 'projekt_giv', confidence: 1 });
  });

  it('finds the subject, the aspect and the audience in a message', () => {
    expect(recognizer.recognize('hvad koster dagbehandling for min søn')).toMatchObject({ subjectId: 'day_treatment', aspect: 'cost', audience: 'relative' });
    expect(recognizer.recognize('how long does detox last')).toMatchObject({ subjectId: 'detox', aspect: 'duration' });
    expect(recognizer.recognize('jeg er sundhedsplejerske og har en elev').audience).toBe('staff');
  });

  it('answers the overview where a message names several kinds of help, or two and compares them, with the named ones as buttons', () => {
    const overview = (text: string) => recognizer.recognize(text).intent;
    expect(overview('ambulant, døgn og afgiftning, jeg forstår ikke ordene. hvad findes der?')).toMatchObject({
      topicId: 'treatment_types',
      alternatives: ['outpatient', 'detox', 'residential'],
    });
    expect(overview('Is it only outpatient or do you also do inpatient and detox?')).toMatchObject({ topicId: 'treatment_types' });
    expect(overview('hvad er forskellen på ambulant behandling og døgnbehandling')).toMatchObject({
      topicId: 'treatment_types',
      alternatives: ['outpatient', 'residential'],
    });
    // An aspect asked of them, a question about one of them, or two named without comparing, is not the overview.
    expect(overview('Jeg har prøvet ambulant og afgiftning, det hele. Kan man få døgnbehandling gennem kommunen?')).toMatchObject({ topicId: 'residential' });
    expect(overview('hvad koster ambulant, døgn og afgiftning')).toMatchObject({ topicId: 'fees' });
    expect(overview('kan man få ambulant behandling efter døgnbehandling')).not.toMatchObject({ topicId: 'treatment_types' });
  });

  it('answers help for alcohol problems where a message names alcohol and no drug, with the other reading as a button', () => {
    expect(recognizer.recognize('hvor kan jeg snakke med nogen om mit druk').intent).toMatchObject({ topicId: 'alcohol' });
    expect(recognizer.recognize('kan man få anonym rådgivning om alkohol et sted i kommunen').intent).toMatchObject({ topicId: 'alcohol' });
    // Drugs named too: Pitstop's counselling stays the answer.
    expect(recognizer.recognize('kan man få anonym rådgivning om hash og alkohol').intent).toMatchObject({ topicId: 'counselling' });
  });

  it('reads a writer saying only that they use a drug as the drug named alone, unless someone else uses or it asks something', () => {
    const bareDrug = { kind: 'clarify', candidates: ['get_help', 'treatment_types', 'what_is_abuse'] };
    for (const text of ['jeg ryger for meget hash', 'I smoke too much weed', 'i do too much coke']) expect(recognizer.recognize(text).intent).toEqual(bareDrug);
    expect(recognizer.recognize('min søn ryger for meget hash').intent).not.toEqual(bareDrug);
    expect(recognizer.recognize('jeg ryger hash, hvad koster behandling').intent).toMatchObject({ topicId: 'fees' });
  });

  it('reads "gælder det også for alkohol?" as about the answer before where that covers alcohol, else as about alcohol', () => {
    const guarantee = recognizer.recognize('hvad er behandlingsgarantien');
    expect(recognizer.recognize('gælder det også for alkohol?', { previous: guarantee.reading }).intent).toMatchObject({ topicId: 'guarantee' });
    const outpatient = recognizer.recognize('hvad er ambulant behandling');
    expect(recognizer.recognize('gælder det også for alkohol?', { previous: outpatient.reading }).intent).toMatchObject({ topicId: 'alcohol' });
  });

  it('answers help for alcohol to a follow-up that names no substance in a conversation that named only alcohol, after a general or alcohol answer', () => {
    const first = recognizer.recognize('min mand drikker en flaske vodka hver dag');
    expect(first.substance).toBe('alcohol');
    const context = { previous: first.reading, said: first.evidence, substance: first.substance };
    expect(recognizer.recognize('hvilken hjælp kan han få?', context).intent).toMatchObject({ kind: 'topic', topicId: 'alcohol' });
    expect(recognizer.recognize('hvilken hjælp kan han få?', { ...context, substance: 'drugs' }).intent).toMatchObject({
      kind: 'topic',
      topicId: 'treatment_types',
    });
    // After Projekt GIV (a drinking father's child), the follow-up is about the child's help, not alcohol.
    const giv = recognizer.recognize('hvad er projekt giv');
    expect(recognizer.recognize('hvordan kommer hun med?', { previous: giv.reading, substance: 'alcohol' }).intent).toMatchObject({ topicId: 'projekt_giv' });
    expect(recognizer.recognize('min bror ryger hash og drikker').substance).toBe('drugs');
  });

  it('answers Projekt GIV to a young person who asks for help because of a parent or sibling, and help for relatives to one past its ages', () => {
    expect(recognizer.recognize("I'm 17 and my dad uses coke every weekend. Is there any help for me?").intent).toMatchObject({ topicId: 'projekt_giv' });
    expect(recognizer.recognize('jeg er 20 og min storebror sælger og tager stoffer. hvad findes der til søskende?').intent).toMatchObject({
      topicId: 'projekt_giv',
      alternatives: ['relatives'],
    });
    expect(recognizer.recognize('Min far har drukket hele min barndom. Jeg er 35 nu. Kan jeg komme i Projekt GIV?').intent).toMatchObject({
      topicId: 'relatives',
      alternatives: ['projekt_giv'],
    });
    // A parent asking for their children names no parent or sibling of their own: GIV stays.
    expect(recognizer.recognize('Jeg er 35 og drikker, kan mine børn komme i Projekt GIV?').intent).toMatchObject({ topicId: 'projekt_giv' });
  });

  it('answers a message that is one of the training phrases as its topic', () => {
    expect(recognizer.recognize('behandling').intent).toEqual({ kind: 'topic', topicId: 'treatment_types', confidence: 1 });
    expect(recognizer.recognize('hvor gammel skal man være').intent).toEqual({ kind: 'topic', topicId: 'young', confidence: 1 });
  });

  it('answers the last question of a long message where it is read surer than the whole, with the whole as a button', () => {
    // The whole reads as anonymous treatment, the question is a complaint. (An earlier example, "Min søn har været i
    // anonym behandling i et halvt år, men nu siger de at det stopper …", is read as a complaint as a whole since the
    // training set train-o.)
    const text =
      'Min søn har gået i anonym behandling hos Pitstop i et halvt år uden at nogen vidste det. Nu siger de at forløbet stopper, men han er ikke færdig. Hvordan kan vi klage og til hvem?';
    expect(recognizer.recognize(text).intent).toMatchObject({ topicId: 'complaints', alternatives: ['anonymous_treatment'] });
    // From blind round 5 (a regression set): once answered through this rule, now read as a complaint as a whole.
    const round5 =
      'Kommunen har afvist min søns ansøgning om anonym behandling uden at forklare hvorfor. Vi synes det er helt urimeligt. Hvordan kan vi klage og til hvem?';
    expect(recognizer.recognize(round5).intent).toMatchObject({ topicId: 'complaints' });
  });

  it('answers cost asked of a general topic with the fees, the topic as a button, and cost asked of a specific one with that one', () => {
    expect(recognizer.recognize('er pitstop gratis eller hvad').intent).toMatchObject({ kind: 'topic', topicId: 'fees', alternatives: ['pitstop'] });
    expect(recognizer.recognize('hvor længe har pitstop eksisteret').intent).toMatchObject({ kind: 'topic', topicId: 'pitstop' });
    expect(recognizer.recognize('er anonym rådgivning gratis').intent).toMatchObject({ kind: 'topic', topicId: 'counselling' });
  });

  it('answers "not in the documents" where a message asks about a matter they do not cover, with the readings as buttons where none is sure', () => {
    // The model that learnt the blind rounds knows such questions well: sick leave is surely not in the documents.
    expect(recognizer.recognize('kan jeg blive sygemeldt hvis jeg starter i behandling?').intent).toEqual({
      kind: 'topic',
      topicId: 'not_in_documents',
      confidence: expect.any(Number),
    });
    // After a subject, what the documents say of it stays a button.
    const substitution = recognizer.recognize('hvad er substitutionsbehandling?');
    expect(recognizer.recognize('hvilken dosis får man typisk?', { previous: substitution.reading, said: substitution.evidence }).intent).toMatchObject({
      kind: 'topic',
      topicId: 'not_in_documents',
      alternatives: ['substitution'],
    });
    expect(recognizer.recognize('hvad hedder den behandler jeg skal snakke med').intent).toMatchObject({ kind: 'topic', topicId: 'not_in_documents' });
    // A sure reading still answers: sick leave named beside outpatient treatment asks whether one can go.
    expect(recognizer.recognize('kan jeg gå i ambulant behandling selvom jeg er sygemeldt?').intent).toMatchObject({
      kind: 'topic',
      topicId: 'outpatient',
    });
    // Urine tests in treatment are a question of their own (a reading rule), with the treatment as a button.
    expect(recognizer.recognize('skal jeg aflevere urinprøver når jeg går i ambulant behandling?').intent).toMatchObject({
      kind: 'topic',
      topicId: 'not_in_documents',
      alternatives: ['outpatient'],
    });
  });

  it("reads drinking treatment in another municipality than one's own as free choice, and one's own municipality alone not", () => {
    expect(recognizer.recognize('kan jeg få alkoholbehandling i en anden kommune?').intent).toMatchObject({ kind: 'topic', topicId: 'free_choice' });
    expect(recognizer.recognize('tilbyder min egen kommune alkoholbehandling?').intent).not.toMatchObject({ topicId: 'free_choice' });
    expect(recognizer.recognize('does my own municipality offer help for alcohol problems?').intent).not.toMatchObject({ topicId: 'free_choice' });
    expect(recognizer.recognize('my dad drinks and lives in another municipality, where can he get help?').intent).not.toMatchObject({
      topicId: 'free_choice',
    });
  });

  it('calls an empty message empty', () => {
    expect(recognizer.recognize(' ?! ').intent).toEqual({ kind: 'empty' });
  });
});

describe('decideIntent', () => {
  const ranking = (pairs: Array<[string, number]>) =>
    pairs.map(([label, probability]) => ({ label, probability })).sort((a, b) => b.probability - a.probability);

  it('answers when the best topic is sure and clearly ahead', () => {
    expect(
      decideIntent(
        ranking([
          ['fees', 0.8],
          ['duration', 0.1],
          ['none', 0.1],
        ]),
      ),
    ).toEqual({ kind: 'topic', topicId: 'fees', confidence: 0.8 });
  });

  it('answers a reading that clearly leads without being sure, with the close runner-ups beside it', () => {
    expect(
      decideIntent(
        ranking([
          ['fees', 0.4],
          ['duration', 0.2],
          ['guarantee', 0.1],
          ['none', 0.05],
        ]),
      ),
    ).toEqual({
      kind: 'topic',
      topicId: 'fees',
      confidence: 0.4,
      alternatives: ['duration', 'guarantee'],
    });
  });

  it('offers the likeliest topics when two are close', () => {
    expect(
      decideIntent(
        ranking([
          ['fees', 0.4],
          ['duration', 0.35],
          ['none', 0.05],
          ['crisis', 0.01],
          ['guarantee', 0.09],
        ]),
      ),
    ).toEqual({
      kind: 'clarify',
      candidates: ['fees', 'duration', 'guarantee'],
    });
  });

  it('answers the one plausible topic with its opening line (no alternatives to offer) instead of asking about it alone', () => {
    // "Did you mean fees?" with one button is no question; the answer names what it answers instead.
    expect(
      decideIntent(
        ranking([
          ['fees', 0.28],
          ['none', 0.1],
          ['duration', 0.05],
        ]),
      ),
    ).toEqual({ kind: 'topic', topicId: 'fees', confidence: 0.28, alternatives: [] });
    // Where nothing we answer is about as likely ("hvad bliver vejret"), the one topic is only offered.
    expect(
      decideIntent(
        ranking([
          ['fees', 0.28],
          ['none', 0.25],
          ['duration', 0.05],
        ]),
      ),
    ).toEqual({ kind: 'clarify', candidates: ['fees'] });
    expect(
      decideIntent(
        ranking([
          ['none', 0.35],
          ['fees', 0.3],
          ['duration', 0.05],
        ]),
      ),
    ).toEqual({ kind: 'clarify', candidates: ['fees'] });
  });

  it("leaves emergencies to the crisis detector: the classifier's crisis label never decides", () => {
    expect(
      decideIntent(
        ranking([
          ['crisis', 0.5],
          ['fees', 0.45],
          ['none', 0.05],
        ]),
      ),
    ).toEqual({ kind: 'topic', topicId: 'fees', confidence: 0.45 });
  });

  it('says out of scope when nothing is likely', () => {
    expect(
      decideIntent(
        ranking([
          ['none', 0.7],
          ['fees', 0.2],
        ]),
      ),
    ).toEqual({ kind: 'out_of_scope' });
    expect(
      decideIntent(
        ranking([
          ['none', 0.3],
          ['fees', 0.05],
          ['duration', 0.05],
        ]),
      ),
    ).toEqual({ kind: 'out_of_scope' });
  });
});
