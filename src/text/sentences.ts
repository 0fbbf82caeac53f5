/** A text's sentences with their end marks ("Jeg er 34. Hvordan klager jeg?" → two), so a question keeps its "?". */
export function sentencesWithMarks(text: string): string[] {
  return text.match(/[^.!?\n]+[.!?\n]*/g) ?? [];
}
