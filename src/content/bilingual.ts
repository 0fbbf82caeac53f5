import { type BilingualTree, LANGUAGES, type Language, type LocaleTree } from './content-schema';

const isText = (node: BilingualTree[string]): node is Partial<Record<Language, string>> =>
  Object.keys(node).every((key) => (LANGUAGES as readonly string[]).includes(key));

/**
 * Texts written side by side ("answer: { da: …, en: … }") as one tree per language, the shape i18next
 * reads. A text missing in a language is left out of that language's tree, where validate-content finds it.
 */
export function splitBilingual(tree: BilingualTree): Record<Language, LocaleTree> {
  const split = { da: {}, en: {} } as Record<Language, LocaleTree>;
  for (const [key, node] of Object.entries(tree)) {
    if (isText(node)) {
      for (const language of LANGUAGES) {
        const text = node[language];
        if (text !== undefined) split[language][key] = text;
      }
      continue;
    }
    const inner = splitBilingual(node);
    for (const language of LANGUAGES) split[language][key] = inner[language];
  }
  return split;
}
