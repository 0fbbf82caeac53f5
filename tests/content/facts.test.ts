import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { defaultContentDir } from '../../src/base/project-paths';
import { loadContent } from '../../src/content/load-content';
import { defaultSourcesDir } from '../../src/sources/source-library';

const { facts, documents } = loadContent(defaultContentDir());
const sourcesDir = defaultSourcesDir();

/** A source document's text with PDF line-break hyphenation inside words undone and white space folded, so facts can be searched. */
function seed(file: string): string {
  return readFileSync(path.join(sourcesDir, file), 'utf8')
    .replace(/(\p{L})-\s*\n\s*(\p{Ll})/gu, '$1$2')
    .replace(/\s+/g, ' ');
}

describe('facts', () => {
  it('holds the phone numbers the issue and documents give', () => {
    expect(facts.phones).toEqual({
      pitstop: '20 69 28 33',
      socialservice: '43 57 75 75',
      emergency: '112',
      livslinien: '70 201 201',
      giftlinjen: '82 12 12 12',
    });
  });

  it('holds the deadlines, ages and counts of the quality standard', () => {
    expect(facts.values).toMatchObject({
      pitstopAddress: 'Søstedet, Ishøj Søvej 1, 2635 Ishøj',
      guaranteeDays: '14',
      complaintWeeks: '4',
      counsellingSessions: '3–5',
      outpatientMinAge: '13',
      outpatientPerWeek: '1–2',
      dayTreatmentMaxDays: '5',
      conferenceWeeks: '6',
      conferenceDays: '180',
      aftercareFirstMonth: '3',
      aftercareSecondMonth: '9',
      relativeConversationsMax: '5',
      givAges: '8–24',
      qualityStandardYear: '2018',
      goalReducedPct: '50',
      goalDrugFreePct: '30',
      goalReadmissionPct: '50',
      goalReadmissionMonths: '12',
      complaintsBody: 'Center for Socialservice, Ishøj Kommune',
      patientSafetyBody: 'Styrelsen for Patientsikkerhed',
    });
  });
});

describe('facts in the source documents', () => {
  it('finds the documents the content cites in the repository (sources/), not beside it', () => {
    for (const { file } of Object.values(documents)) expect(existsSync(path.join(sourcesDir, file))).toBe(true);
  });

  const qualityStandard = () => seed(documents.qs.file);
  const policy = () => seed(documents.policy.file);
  const actionPlan = () => seed(documents.actionplan.file);

  it.each([
    ['Pitstop phone', () => qualityStandard(), 'Telefon: 20692833'],
    ['address in force (the later wording)', () => qualityStandard(), 'Søstedet, Ishøj Søvej 1 2635 Ishøj'],
    ['guarantee', () => qualityStandard(), 'gratis behandling for stofmisbrug inden for 14 dage'],
    ['under 18 covered', () => qualityStandard(), 'omfatter desuden tilbud om behandling til unge under 18 år'],
    ['counselling sessions', () => qualityStandard(), 'som udgangspunkt 3-5 anonyme rådgivningssamtaler'],
    ['outpatient age', () => qualityStandard(), 'unge og voksne borgere fra 13 år'],
    ['outpatient frequency', () => qualityStandard(), 'fremmøde 1 til 2 gange om ugen'],
    ['anonymous treatment', () => qualityStandard(), 'SEL § 101a'],
    ['detox length', () => qualityStandard(), 'omkring en måneds varighed'],
    ['day treatment', () => qualityStandard(), 'op til 5 dage om ugen'],
    ['substitution', () => qualityStandard(), 'Sundhedslovens § 142'],
    ['citizen conference', () => qualityStandard(), '6 uger og 180 dage efter indskrivning'],
    ['aftercare in force', () => qualityStandard(), 'samtale efter hhv. 3 og 9 måneder'],
    ['action plan', () => qualityStandard(), 'handleplan efter servicelovens § 141'],
    ['no fee outpatient and day', () => qualityStandard(), 'ingen brugerbetaling i ambulant- og dagtilbud'],
    ['complaints', () => qualityStandard(), 'Center for Socialservice i Ishøj kommune senest 4 uger'],
    ['health complaints', () => qualityStandard(), 'Styrelsen for Patientsikkerhed'],
    ['staff in force', () => qualityStandard(), 'socialpædagoger, psykoterapeut, læge/psykiater, faglig leder og afdelingsleder'],
    ['goals', () => qualityStandard(), 'de 30 pct. være stoffrie'],
    ['readmission goal', () => qualityStandard(), 'Under 50 pct. af borgerne er igen i misbrugsbehandling inden for 12 måneder'],
    ['adoption', () => qualityStandard(), 'Vallensbæk Kommuner i 2018'],
    ['revision', () => qualityStandard(), 'revideres hvert andet år'],
    ['abuse team phone', () => policy(), '43 57 75 75'],
    ['whatever age', () => policy(), 'uanset alder'],
    ['alcohol law', () => policy(), 'Sundhedslovens § 141'],
    ['relatives conversations', () => actionPlan(), 'pårørendesamtaler (op til 5 samtaler)'],
    ['Projekt GIV ages', () => actionPlan(), 'alderen 8- 24 år'],
    ['alcohol consultant days', () => actionPlan(), 'Sundhedshuset (tirsdag) og Sundhedsbutikken (torsdag)'],
    ['Pitstop opened', () => actionPlan(), 'Pitstop startede feb. 2015'],
  ])('finds the %s in its document', (_name, text, phrase) => {
    expect(text()).toContain(phrase);
  });
});
