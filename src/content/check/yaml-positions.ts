import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument, Scalar } from 'yaml';
import { LANGUAGES } from '../content-schema';
import { DocumentSyntaxError, type DuplicateKey, LinesByPath, type PositionedDocument, type Slip } from './positioned-document';

/** What to do about the YAML reader's commonest complaints, in words an editor can act on. */
const ADVICE: Record<string, string> = {
  BLOCK_AS_IMPLICIT_KEY: 'a colon followed by a space inside a text without quotes: put the text in double quotes ("…")',
  MULTILINE_IMPLICIT_KEY:
    "a line here is read as a new name, not as part of the text above: indent it like the text's other lines, and start a text of several lines with |- after its language",
  BAD_INDENT: 'the indentation does not line up: names at the same level start in the same column (indent with spaces, two per level)',
  TAB_AS_INDENT: 'a tab: indent with spaces',
  MISSING_CHAR: 'a closing quote or bracket is missing',
  BAD_DQ_ESCAPE: 'a backslash inside double quotes: write the text in single quotes, or \\\\ for one backslash',
};

/** Texts whose quotes or lines YAML reads differently from how they look. */
function slipsOf(node: Scalar, lineAt: (offset: number) => number): Slip[] {
  if (typeof node.value !== 'string' || !node.range) return [];
  const line = lineAt(node.range[0]);
  const slips: Slip[] = [];
  if (node.type === Scalar.PLAIN && node.comment !== undefined) {
    slips.push({
      line,
      message: 'the text stops before " #": the rest of the line is read as a comment. If it belongs to the text, put the text in double quotes',
    });
  }
  const flowing = node.type === Scalar.PLAIN || node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE;
  if (flowing && lineAt(node.range[1]) > line) {
    slips.push({
      line,
      message:
        'this text runs over several lines without |-, so YAML joins them into one line (paragraphs and lists are lost): write |- after its language and the text on the lines below',
    });
  }
  // "en: |-" indented as far as the Danish text above it becomes part of that text.
  const swallowed = node.value.split('\n').findIndex((text) => /^\s*(da|en):(\s|$)/.test(text));
  if (swallowed >= 0) {
    slips.push({
      line: line + 1 + swallowed,
      message: 'this line looks like the next language, but it is indented as part of the text above: start it in the same column as the "da:" above',
    });
  }
  return slips;
}

/** Reads a YAML content file, remembering the line where each key (or list item) is written. */
export function parseYamlWithPositions(text: string): PositionedDocument {
  const lineCounter = new LineCounter();
  // Duplicates are reported as their own kind of finding (with both lines), not as a syntax error.
  const document = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false });
  const [error] = document.errors;
  if (error) {
    const said = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    const advice = ADVICE[error.code];
    throw new DocumentSyntaxError(`not valid YAML: ${advice ? `${advice} (the reader says: ${said})` : said}`, lineCounter.linePos(error.pos[0]).line);
  }

  const lineAt = (offset: number): number => lineCounter.linePos(offset).line;
  const lines = new LinesByPath();
  const duplicateKeys: DuplicateKey[] = [];
  const slips: Slip[] = [];
  const visit = (node: unknown, path: string[]): void => {
    // Only texts (a value under "da:" or "en:"): a comment after a setting ("- guarantee   # title") is meant.
    if (isScalar(node)) {
      if ((LANGUAGES as readonly string[]).includes(path[path.length - 1])) slips.push(...slipsOf(node, lineAt));
    } else if (isMap(node)) {
      const seen = new Map<string, number>();
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const line = lineAt((pair.key as Node | null)?.range?.[0] ?? 0);
        const firstLine = seen.get(key);
        if (firstLine !== undefined) duplicateKeys.push({ path: [...path, key], line, firstLine });
        seen.set(key, line);
        lines.set([...path, key], line);
        visit(pair.value, [...path, key]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, position) => {
        const itemPath = [...path, String(position)];
        lines.set(itemPath, lineAt((item as Node | null)?.range?.[0] ?? 0));
        visit(item, itemPath);
      });
    }
  };
  visit(document.contents, []);

  return {
    value: document.toJS(),
    duplicateKeys,
    slips,
    lineOf: (path) => lines.lineOf(path),
  };
}
