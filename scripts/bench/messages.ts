/**
 * What the benchmark sends: questions as a worried parent, a young person and a staff member write them,
 * short ones and long ones (about 600 characters, a whole situation in one message). Written for the
 * benchmark, not taken from the training phrases or the blind rounds, and fixed so runs compare.
 */
export const SHORT_MESSAGES = [
  'hvad koster behandling',
  'hvor hurtigt kan jeg komme i behandling?',
  'Er det anonymt?',
  'min søn ryger hash hvad gør jeg',
  'kan man få hjælp hvis man er 16',
  'hvad er dagbehandling',
  'hvem bestemmer om jeg kan komme på døgn',
  'kan jeg selv vælge hvor jeg skal i behandling',
  'hvordan klager man over en afgørelse',
  'og hvad så bagefter?',
  'jeg vil gerne tale med nogen',
  'hvad er 14 dages garantien',
  'hjælp til pårørende',
  'tak for hjælpen',
];

export const LONG_MESSAGES = [
  'Hej. Jeg skriver fordi jeg er rigtig bekymret for min datter på 17. Hun er begyndt at komme sent hjem i weekenderne, ' +
    'og jeg har fundet noget i hendes taske som jeg tror er hash, måske også nogle piller. Hun siger at alle gør det og at det ' +
    'ikke er noget problem, men hendes karakterer er faldet meget og hun sover næsten hele dagen. Jeg har prøvet at tale med ' +
    'hende, men det ender altid i et skænderi. Hendes far og jeg er skilt og vi er ikke enige om hvad vi skal gøre. Kan hun få ' +
    'hjælp uden at det kommer i hendes papirer, og kan jeg som forælder få råd til hvordan jeg skal gribe det an?',
  'jeg er 19 og har røget ret meget de sidste par år, mest hash men også kokain til fester nogle gange. jeg har ikke lyst til ' +
    'at mine forældre skal vide noget og jeg er lidt bange for at blive registreret et sted hvis jeg henvender mig. jeg har et ' +
    'fritidsjob og går på hf så jeg kan ikke være væk i flere uger. er der noget hvor man bare kan snakke med nogen et par gange ' +
    'om ugen efter skole, og koster det noget? hvor lang tid skal man vente før man kan starte, og skal man sige sit navn når man ' +
    'ringer første gang eller kan man være helt anonym hele vejen igennem?',
  'Jeg arbejder som kontaktperson på et bosted i kommunen og har en borger på 34 som selv har sagt at han gerne vil have hjælp ' +
    'til at stoppe med at drikke og med sit forbrug af amfetamin. Han har været i ambulant behandling før men faldt fra efter et ' +
    'par måneder. Jeg vil gerne vide hvordan vi henviser ham, om det er jer eller Borger- og Socialservice der træffer afgørelsen ' +
    'om døgnbehandling, og hvad fristen er for at han kan starte. Kan han selv vælge et behandlingssted i en anden kommune, og hvad ' +
    'sker der med efterbehandlingen når han kommer hjem igen fra et døgnophold?',
  'Min mand drikker hver aften og det er blevet værre det sidste år. Han vil ikke indrømme at det er et problem, og børnene ' +
    'begynder at lægge mærke til det. Jeg ved ikke om jeg kan få hjælp til mig selv, når det er ham der drikker, og jeg er bange ' +
    'for at det får konsekvenser for familien hvis jeg siger det til nogen i kommunen. Findes der noget for pårørende, og er det ' +
    'gratis? Jeg har også læst at man kan få medicin mod alkohol, men han vil nok ikke gå til lægen. Hvad kan jeg gøre lige nu, ' +
    'og kan jeg tale med nogen uden at sige hvem vi er eller hvor vi bor?',
];

/** Mostly short questions, now and then a long one: how the blind rounds say people write. */
export const REALISTIC_MESSAGES = [...SHORT_MESSAGES, ...LONG_MESSAGES];
