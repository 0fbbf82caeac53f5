import { DocumentSyntaxError, type DuplicateKey, LinesByPath, type PositionedDocument } from './positioned-document';

/**
 * A small JSON reader that remembers where each value starts, so a content problem found by JSON path
 * can be reported at its line. JSON.parse forgets positions; this reads the same grammar (RFC 8259).
 */

export function parseJsonWithPositions(text: string): PositionedDocument {
  const lineStarts = [0];
  for (let index = 0; index < text.length; index++) if (text[index] === '\n') lineStarts.push(index + 1);
  const lineAt = (offset: number): number => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };

  const lines = new LinesByPath();
  const duplicateKeys: DuplicateKey[] = [];
  let at = 0;

  const fail = (what: string): never => {
    const found = at < text.length ? `"${text[at]}"` : 'the end of the file';
    throw new DocumentSyntaxError(`not valid JSON: ${what}, found ${found}`, lineAt(Math.min(at, text.length)));
  };
  const skipSpace = (): void => {
    while (at < text.length && (text[at] === ' ' || text[at] === '\t' || text[at] === '\n' || text[at] === '\r')) at++;
  };
  const expect = (char: string): void => {
    skipSpace();
    if (text[at] !== char) fail(`expected "${char}"`);
    at++;
  };

  const readString = (): string => {
    const start = at;
    at++;
    while (at < text.length && text[at] !== '"') {
      if (text[at] === '\\') at++;
      else if (text.charCodeAt(at) < 0x20) fail('a line break or control character inside a text (write \\n)');
      at++;
    }
    if (at >= text.length) fail('a text that is never closed with "');
    at++;
    try {
      return JSON.parse(text.slice(start, at)) as string;
    } catch {
      at = start;
      return fail('a text with a broken \\ escape');
    }
  };

  const readValue = (path: string[]): unknown => {
    skipSpace();
    lines.set(path, lineAt(at));
    const char = text[at];
    if (char === '{') return readObject(path);
    if (char === '[') return readArray(path);
    if (char === '"') return readString();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(at, at + 64));
    if (!literal) return fail('expected a value (a "text", a number, true, false, null, { or [)');
    at += literal[0].length;
    return JSON.parse(literal[0]) as unknown;
  };

  /** After an object's or array's item: true at its closing bracket, false after a comma. */
  const endOfItems = (closing: '}' | ']'): boolean => {
    skipSpace();
    if (text[at] === ',') {
      at++;
      return false;
    }
    if (text[at] === closing) {
      at++;
      return true;
    }
    return fail(`expected "," or "${closing}" (is a comma missing?)`);
  };

  const readObject = (path: string[]): Record<string, unknown> => {
    const object: Record<string, unknown> = {};
    const seen = new Map<string, number>();
    at++;
    skipSpace();
    if (text[at] === '}') {
      at++;
      return object;
    }
    for (;;) {
      skipSpace();
      if (text[at] !== '"') fail('expected a "key" (is there a comma too many?)');
      const keyLine = lineAt(at);
      const key = readString();
      const firstLine = seen.get(key);
      if (firstLine !== undefined) duplicateKeys.push({ path: [...path, key], line: keyLine, firstLine });
      seen.set(key, keyLine);
      expect(':');
      // Defined as an own property: a key "__proto__" must not change the object's prototype.
      Object.defineProperty(object, key, { value: readValue([...path, key]), enumerable: true, writable: true, configurable: true });
      if (endOfItems('}')) return object;
    }
  };

  const readArray = (path: string[]): unknown[] => {
    const array: unknown[] = [];
    at++;
    skipSpace();
    if (text[at] === ']') {
      at++;
      return array;
    }
    for (;;) {
      array.push(readValue([...path, String(array.length)]));
      if (endOfItems(']')) return array;
    }
  };

  const value = readValue([]);
  skipSpace();
  if (at < text.length) fail('expected the end of the file after the value');

  return {
    value,
    duplicateKeys,
    slips: [],
    lineOf: (path) => lines.lineOf(path),
  };
}
