/**
 * One matching key for the many ways Danish is typed: "pårørende", "paarorende", "parorende" and
 * "PÅRØRENDE" all fold to "parorende". æ/ø/å become ae/oe/aa first (the ASCII spelling people use),
 * then those pairs collapse, so writers who drop the second letter match too.
 */
export function fold(text: string): string {
  let folded = recentFolds.get(text);
  if (folded === undefined) {
    folded = foldAfresh(text);
    rememberFold(text, folded);
  }
  return folded;
}

/**
 * A message is folded a dozen times while it is read (each phrase list, the classifiers, the sentences):
 * the folds of the texts read in the current task are kept until its microtasks have run, so no text
 * outlives the turn that brought it.
 */
const recentFolds = new Map<string, string>();
const MAX_RECENT_FOLDS = 512;

function rememberFold(text: string, folded: string): void {
  if (recentFolds.size === 0) queueMicrotask(() => recentFolds.clear());
  else if (recentFolds.size >= MAX_RECENT_FOLDS) recentFolds.clear();
  recentFolds.set(text, folded);
}

function foldAfresh(text: string): string {
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
