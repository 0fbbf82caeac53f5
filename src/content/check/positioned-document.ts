/** A content file read with the line of every value, so a problem found by its path can be reported at its line. */
export interface PositionedDocument {
  value: unknown;
  /** Keys written twice in one object: JSON.parse keeps the last one silently, and so would a YAML reader told to. */
  duplicateKeys: DuplicateKey[];
  /** Values that read differently from how they look (YAML only: a " #" that starts a comment, lines joined into one). */
  slips: Slip[];
  /** The line of the value at this path, or of its nearest ancestor that exists (a missing key's parent). */
  lineOf(path: readonly string[]): number;
}

export interface DuplicateKey {
  path: string[];
  line: number;
  firstLine: number;
}

export interface Slip {
  line: number;
  message: string;
}

/** The file does not read at all; `line` is where reading stopped. */
export class DocumentSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'DocumentSyntaxError';
  }
}

/** Lines by path, as both readers record them; a path's line is its own or its nearest ancestor's (a missing key's parent). */
export class LinesByPath {
  private readonly lines = new Map<string, number>();

  set(path: readonly string[], line: number): void {
    this.lines.set(path.join('\u0000'), line);
  }

  lineOf(path: readonly string[]): number {
    for (let length = path.length; length > 0; length--) {
      const line = this.lines.get(path.slice(0, length).join('\u0000'));
      if (line !== undefined) return line;
    }
    return 1;
  }
}
