import { LANGUAGES, type Language, type SourceRef } from '../../src/content/content-schema';
import { createI18n, translatorFor } from '../../src/content/i18n';
import { textAt } from '../../src/content/locale-tree';
import { ReplyComposer } from '../../src/conversation/compose-reply';
import { planAnswer } from '../../src/conversation/plan-answer';
import { citedSections, loadSourceLibrary } from '../../src/sources/source-library';
import { SOURCE_PAGE_ROOTS, sourcePagePath } from '../../src/sources/source-links';
import { ExpectRepliesClient, useServedApp } from '../helpers/http-client';
import { sharedNlu } from '../helpers/test-app';

const served = useServedApp();
const { content } = sharedNlu();
const library = loadSourceLibrary();

const pages = new Map<string, string>();
async function page(route: string): Promise<string> {
  let html = pages.get(route);
  if (html === undefined) {
    const response = await fetch(`${served.baseUrl}${route}`);
    expect({ route, status: response.status }).toEqual({ route, status: 200 });
    html = await response.text();
    pages.set(route, html);
  }
  return html;
}

const decode = (html: string): string =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_entity, code: string) => String.fromCharCode(Number(code)))
    .replace(/\s+/g, ' ')
    .trim();

/** The HTML of the element with this id (a <section>, nested sections included), or undefined. */
function sectionHtml(html: string, id: string): string | undefined {
  const start = html.indexOf(`<section id="${id}"`);
  if (start < 0) return undefined;
  const tags = /<(\/?)section\b/g;
  tags.lastIndex = start;
  let depth = 0;
  for (let tag = tags.exec(html); tag; tag = tags.exec(html)) {
    depth += tag[1] ? -1 : 1;
    if (depth === 0) return html.slice(start, tag.index + '</section>'.length);
  }
  return undefined;
}

/** A cited section's words in force as the page shows them: earlier wordings left out. */
async function inForceOnPage(ref: SourceRef, language: Language): Promise<string> {
  const section = sectionHtml(await page(sourcePagePath(ref.doc, language)), ref.section);
  if (section === undefined) throw new Error(`no anchor #${ref.section} on ${sourcePagePath(ref.doc, language)}`);
  return decode(section.replace(/<div class="superseded">[\s\S]*?<\/div>/g, ''));
}

/**
 * How the documents write each fact an answer states (the facts file writes them for citizens: "3–5",
 * "SEL § 101 a"). A fact an answer states must be found in a section the answer cites.
 */
const FACT_IN_DOCUMENTS: Record<string, RegExp> = {
  guaranteeDays: /14 dage/,
  counsellingSessions: /3-5 anonyme rådgivningssamtaler/,
  outpatientMinAge: /fra 13 år/,
  outpatientPerWeek: /1 til 2 gange om ugen/,
  dayTreatmentMaxDays: /op til 5 dage om ugen/,
  lawAnonymousTreatment: /SEL § 101a/,
  lawDrugTreatment: /§ 101/,
  lawActionPlan: /servicelovens § 141/,
  lawAlcoholTreatment: /Sundhedslovens § 141/,
  lawSubstitution: /Sundhedslovens § 142/,
  pitstopAddress: /Søstedet, Ishøj Søvej 1/,
  conferenceWeeks: /6 uger/,
  conferenceDays: /180 dage/,
  providerRegistry: /Tilbudsportalen/,
  complaintWeeks: /senest 4 uger/,
  complaintsBody: /Center for Socialservice i Ishøj kommune/,
  patientSafetyBody: /Styrelsen for Patientsikkerhed/,
  familyCentre: /Center for Børn og Forebyggelse/,
  aftercareFirstMonth: /3 og 9 måneder/,
  aftercareSecondMonth: /3 og 9 måneder/,
  relativeConversationsMax: /pårørendesamtaler \(op til 5 samtaler\)/,
  givAges: /alderen 8- ?24 år/,
  alcoholPlaceOne: /Sundhedshuset \(tirsdag\)/,
  alcoholPlaceTwo: /Sundhedsbutikken \(torsdag\)/,
  pitstopOpenedYear: /Pitstop startede feb\. 2015/,
  qualityStandardYear: /Vallensbæk Kommuner i 2018/,
  goalReducedPct: /50 pct\. af de borgere, der afslutter/,
  goalDrugFreePct: /30 pct\. være stoffrie/,
  goalReadmissionPct: /Under 50 pct\./,
  goalReadmissionMonths: /inden for 12 måneder/,
};

/**
 * Answers that state a fact their sources do not hold, left for the content owners: the relatives' text
 * about outpatient treatment states the 14-day guarantee but cites only «Ambulant social
 * stofmisbrugsbehandling» (the guarantee is in «Behandlingsgaranti»). Per-variant sources do not exist;
 * citing the guarantee for every outpatient answer, or dropping the sentence, is their call. The list
 * must match exactly, so a fix shows here.
 */
const KNOWN_GAPS = ['topics.outpatient.answer_relative: guaranteeDays not in qs#outpatient, actionplan#pitstop'];

const ASPECT_KEYS = new Set(['cost', 'duration', 'after', 'where', 'decides']);

/** Every answer text in Danish with the sections it is cited with: the topic's, or its aspect's own. */
function citedTexts(): Array<{ key: string; text: string; refs: SourceRef[] }> {
  return content.topics.flatMap((topic) => {
    const texts = content.locales.da.topics;
    const tree = typeof texts === 'object' ? texts[topic.id] : undefined;
    if (typeof tree !== 'object') return [];
    return Object.keys(tree)
      .filter((name) => name !== 'title')
      .map((name) => {
        const aspect = name.split('_')[0];
        const refs = (ASPECT_KEYS.has(aspect) ? topic.aspects[aspect as keyof typeof topic.aspects] : undefined) ?? topic.sources;
        return { key: `topics.${topic.id}.${name}`, text: textAt(content.locales.da, `topics.${topic.id}.${name}`) ?? '', refs };
      })
      .filter(({ refs }) => refs.length > 0);
  });
}

describe('source pages', () => {
  it('lists every source document with its year, in Danish and English, each linking to its page', async () => {
    for (const language of LANGUAGES) {
      const list = await page(SOURCE_PAGE_ROOTS[language]);
      for (const document of library.documents.values()) {
        expect(list).toContain(`href="${sourcePagePath(document.id, language)}"`);
        expect(list).toContain(`(${document.year})`);
        const html = await page(sourcePagePath(document.id, language));
        expect(html).toContain(`<html lang="${language}"`);
        expect(decode(html)).toContain(document.dated);
      }
    }
    expect(library.documents.size).toBe(5);
  });

  it("has an anchor for every section any content cites, in both languages, with the section's words in it", async () => {
    const cited = citedSections(content.topics);
    expect(cited.length).toBeGreaterThan(25);
    for (const ref of cited) {
      for (const language of LANGUAGES) {
        const text = await inForceOnPage(ref, language);
        // The passage itself, not only a heading: the section's words in force as the library reads them.
        expect({ ref, language, has: text.includes(library.inForceText(ref).slice(0, 80)) }).toEqual({ ref, language, has: true });
      }
    }
  });

  it('finds every fact an answer states in a section that answer cites, in the wording in force', async () => {
    const missing: string[] = [];
    let checked = 0;
    for (const { key, text, refs } of citedTexts()) {
      const facts = [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]).filter((name) => name in FACT_IN_DOCUMENTS);
      const cited = await Promise.all(refs.map((ref) => inForceOnPage(ref, 'da')));
      checked += facts.length;
      for (const fact of facts)
        if (!cited.some((passage) => FACT_IN_DOCUMENTS[fact].test(passage)))
          missing.push(`${key}: ${fact} not in ${refs.map((ref) => `${ref.doc}#${ref.section}`).join(', ')}`);
    }
    expect(checked).toBeGreaterThan(80);
    expect(missing).toEqual(KNOWN_GAPS);
  });

  it('shows an earlier wording as such: the aftercare schedule replaced is marked, the one in force is not', async () => {
    const html = sectionHtml(await page('/kilder/qs'), 'aftercare') ?? '';
    const earlier = /<div class="superseded">([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '';
    expect(decode(earlier)).toContain('Tidligere formulering');
    expect(decode(earlier)).toContain('1, 3, 6 og 12 måneder');
    expect(await inForceOnPage({ doc: 'qs', section: 'aftercare' }, 'da')).toContain('3 og 9 måneder');
    expect(await inForceOnPage({ doc: 'qs', section: 'aftercare' }, 'da')).not.toContain('1, 3, 6 og 12');
    expect(decode(sectionHtml(await page('/en/sources/qs'), 'aftercare') ?? '')).toContain('Earlier wording, replaced by the text that follows');
  });

  it('links every citation an answer can give to a section that exists, in both languages', async () => {
    const i18n = await createI18n(content, { stateTtlMinutes: 30 });
    for (const language of LANGUAGES) {
      const compose = new ReplyComposer(content, translatorFor(i18n, language), language);
      for (const topic of content.topics.filter((candidate) => candidate.sources.length > 0)) {
        const plans = [
          planAnswer(content, topic.id, {}),
          ...Object.keys(topic.aspects).map((aspect) => planAnswer(content, topic.id, { aspect: aspect as 'cost' })),
        ];
        for (const plan of plans) {
          const links = [...compose.answer(plan).text.matchAll(/\]\((\/[^)#]+)#([a-z_]+)\)/g)];
          expect({ key: plan.key, links: links.length }).toEqual({ key: plan.key, links: plan.sources.length });
          for (const [, route, anchor] of links)
            expect({ route, anchor, found: sectionHtml(await page(route), anchor) !== undefined }).toEqual({ route, anchor, found: true });
        }
      }
    }
  });

  it('answers over HTTP with the source as a link that opens the cited passage', async () => {
    const { activities } = await new ExpectRepliesClient(served.baseUrl).say('Hvor hurtigt kan jeg komme i behandling?');
    const answer = activities.find((activity) => activity.text?.includes('Kilde'))?.text ?? '';
    expect(answer).toContain('[«Behandlingsgaranti»](/kilder/qs#guarantee)');
    const passage = await inForceOnPage({ doc: 'qs', section: 'guarantee' }, 'da');
    expect(passage).toContain('gratis behandling for stofmisbrug inden for 14 dage');

    const english = await new ExpectRepliesClient(served.baseUrl, 'en-US').say('How quickly can I get treatment?');
    expect(english.activities.map((activity) => activity.text).join('\n')).toContain('](/en/sources/qs#guarantee)');
  });
});
