/**
 * One matching key for the many ways Danish is typed: "pårørende", "paarorende", "parorende" and
 * "PÅRØRENDE" all fold to "parorende". æ/ø/å become ae/oe/aa first (the ASCII spelling people use),
 * then those pairs collapse, so writers who drop the second letter match too.
 */
export function fold(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/aa/g, 'a')
    .replace(/oe/g, 'o')
    .replace(/ae/g, 'e')
    .replace(/[^\p{L}\p{N}§]+/gu, ' ')
    .replace(/(\p{L})\1{2,}/gu, '$1')
    .trim();
}

export function foldedWords(text: string): string[] {
  const folded = fold(text);
  return folded === '' ? [] : folded.split(' ');
}
