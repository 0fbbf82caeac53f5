import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defaultContentDir } from '../../../src/base/project-paths';
import { loadContent } from '../../../src/content/load-content';
import { citedSections, defaultSourcesDir, loadSourceLibrary, paragraphs, SourceError } from '../../../src/sources/source-library';

const library = loadSourceLibrary();

interface IndexFile {
  documents: Record<string, { year: unknown; sections: Record<string, { lines: number[] }>; superseded: Array<{ inForce: string }> }>;
}

/** A copy of sources/ with index.json changed by edit, for the loader to refuse. */
function brokenCopy(edit: (index: IndexFile) => void): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sources-'));
  cpSync(defaultSourcesDir(), dir, { recursive: true });
  const index = JSON.parse(readFileSync(path.join(dir, 'index.json'), 'utf8')) as IndexFile;
  edit(index);
  writeFileSync(path.join(dir, 'index.json'), JSON.stringify(index));
  return dir;
}

function loadError(dir: string): string {
  try {
    loadSourceLibrary(dir);
    return 'loaded';
  } catch (error) {
    expect(error).toBeInstanceOf(SourceError);
    return (error as Error).message;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('SourceLibrary', () => {
  it('holds the five documents, each the seed file byte for byte, with title, year and date', () => {
    expect([...library.documents.keys()]).toEqual(['qs', 'policy', 'actionplan', 'actionplan2014', 'project2014']);
    for (const document of library.documents.values()) {
      const bytes = readFileSync(path.join(defaultSourcesDir(), document.file));
      expect({ file: document.file, sha256: createHash('sha256').update(bytes).digest('hex') }).toEqual({ file: document.file, sha256: document.sha256 });
      expect(document.title.length).toBeGreaterThan(10);
      expect(document.year).toMatch(/^20\d\d/);
    }
    expect(library.document('qs')?.year).toBe('2018');
    expect(library.precedence).toEqual(['qs', 'actionplan', 'actionplan2014', 'project2014']);
  });

  it('has a section for every source the content cites', () => {
    const { topics, documents } = loadContent(defaultContentDir());
    expect(library.missing(citedSections(topics))).toEqual([]);
    for (const [docId, { file }] of Object.entries(documents)) expect(library.document(docId)?.file).toBe(file);
  });

  it('reads the later of two wordings as the one in force (the seeds README)', () => {
    expect(library.inForceText({ doc: 'qs', section: 'aftercare' })).toContain('3 og 9 måneder');
    expect(library.inForceText({ doc: 'qs', section: 'aftercare' })).not.toContain('1, 3, 6 og 12');
    expect(library.inForceText({ doc: 'qs', section: 'staff' })).toContain('socialpædagoger, psykoterapeut, læge/psykiater, faglig leder og afdelingsleder');
    expect(library.inForceText({ doc: 'qs', section: 'staff' })).not.toContain('misbrugskonsulenter');
    expect(library.inForceText({ doc: 'qs', section: 'outpatient' })).toContain(
      'Ved ambulant behandling er der som udgangspunkt fremmøde 1 til 2 gange om ugen',
    );
    expect(library.inForceText({ doc: 'qs', section: 'detox' })).toContain('omkring en måneds varighed');
    expect(library.inForceText({ doc: 'qs', section: 'detox' })).not.toContain('time out');
  });

  it('nests a section inside the one that holds it, and leaves neighbours apart', () => {
    const types = library.document('qs')?.passages.find((passage) => passage.id === 'types');
    expect(types?.children.map((passage) => `${passage.kind}:${passage.id}`)).toEqual([
      'section:counselling',
      'section:outpatient',
      'section:anonymous_treatment',
      'section:detox',
      'section:day_treatment',
      'section:residential',
      'section:pregnant',
    ]);
    expect(types?.children[1].children.map((passage) => passage.kind)).toEqual(['superseded']);
  });

  it('refuses a section that does not begin where the index says, naming the document, section and line', () => {
    const message = loadError(brokenCopy((index) => (index.documents.qs.sections.guarantee.lines = [9, 12])));
    expect(message).toContain('qs, section "guarantee": line 9 should begin "Behandlingsgaranti" but reads "inden for 14 dage');
  });

  it('refuses a range past the end of the document, two passages that overlap, and an earlier wording replaced by no section', () => {
    expect(loadError(brokenCopy((index) => (index.documents.qs.sections.adoption.lines = [316, 999])))).toContain('lines 316-999, but the document has');
    expect(loadError(brokenCopy((index) => (index.documents.qs.sections.user_involvement.lines = [264, 270])))).toContain(
      'section "fees" (lines 268-278) overlaps "user_involvement" (lines 264-270)',
    );
    expect(loadError(brokenCopy((index) => (index.documents.qs.superseded[0].inForce = 'nothing')))).toContain('inForce names no section "nothing"');
    expect(loadError(brokenCopy((index) => (index.documents.qs.year = 18)))).toContain('documents.qs.year');
  });
});

describe('paragraphs', () => {
  it('joins wrapped lines and undoes hyphenation, but keeps a hyphen that stands for a word left out', () => {
    expect(paragraphs(['Behandlingsgarantien omfatter desuden tilbud om behand- ', 'ling til unge under 18 år.'])).toEqual([
      'Behandlingsgarantien omfatter desuden tilbud om behandling til unge under 18 år.',
    ]);
    expect(paragraphs(['familier med stof- ', 'eller alkoholproblemer'])).toEqual(['familier med stof- eller alkoholproblemer']);
  });

  it('ends a paragraph at a blank line after a sentence, not at a blank line inside one, and drops page numbers', () => {
    expect(
      paragraphs([
        'forpligtet til at iværksætte en behandling senest 14 ',
        '',
        'dage efter borgerens henvendelse.',
        '',
        'Vallensbæk Kommune tilbyder desuden',
        '',
        '4',
        '',
      ]),
    ).toEqual(['forpligtet til at iværksætte en behandling senest 14 dage efter borgerens henvendelse.', 'Vallensbæk Kommune tilbyder desuden']);
  });
});
