import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { DocumentSyntaxError, type DuplicateKey, LinesByPath, type PositionedDocument } from './positioned-document';

/** Reads a YAML content file, remembering the line where each key (or list item) is written. */
export function parseYamlWithPositions(text: string): PositionedDocument {
  const lineCounter = new LineCounter();
  // Duplicates are reported as their own kind of finding (with both lines), not as a syntax error.
  const document = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false });
  const [error] = document.errors;
  if (error) throw new DocumentSyntaxError(`not valid YAML: ${error.message.split('\n')[0]}`, lineCounter.linePos(error.pos[0]).line);

  const lineAt = (offset: number): number => lineCounter.linePos(offset).line;
  const lines = new LinesByPath();
  const duplicateKeys: DuplicateKey[] = [];
  const visit = (node: unknown, path: string[]): void => {
    if (isMap(node)) {
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
    lineOf: (path) => lines.lineOf(path),
  };
}
