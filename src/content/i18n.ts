import i18next, { type i18n as I18n } from 'i18next';
import { LANGUAGES, type Language } from './content-schema';
import type { Content } from './load-content';

export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** Values from configuration that texts may name, such as how long state is kept. */
export interface RuntimeVariables {
  stateTtlMinutes: number;
}

/** One i18next instance per app; facts are default variables so every text can name them. */
export async function createI18n(content: Content, runtime: RuntimeVariables): Promise<I18n> {
  const instance = i18next.createInstance();
  await instance.init({
    resources: Object.fromEntries(LANGUAGES.map((language) => [language, { translation: content.locales[language] }])),
    supportedLngs: [...LANGUAGES],
    lng: 'da',
    fallbackLng: 'da',
    load: 'languageOnly',
    returnNull: false,
    interpolation: { escapeValue: false, defaultVariables: { ...content.variables, ...runtime } },
  });
  return instance;
}

/** Enough for every text of the content in every variant; past it texts are rendered each time. */
const MAX_KEPT_TEXTS = 20_000;

const translators = new WeakMap<I18n, Map<Language, Translate>>();

/** Whether a call's text depends on its key and content alone: no options, or only a content variant. */
function rendersFromContent(options: Record<string, unknown> | undefined): options is undefined | { context: string } {
  if (options === undefined) return true;
  const names = Object.keys(options);
  return names.length === 1 && names[0] === 'context' && typeof options.context === 'string';
}

/**
 * The app's translator for a language, made once. i18next resolves, interpolates and nests on every
 * call (a tenth of a turn's CPU); a text without variables is the same every time, so it is rendered
 * once and kept. Texts with variables are rendered each time: their values (a booking code, a time)
 * are not the content's and are not kept.
 */
export function translatorFor(i18n: I18n, language: Language): Translate {
  let byLanguage = translators.get(i18n);
  if (!byLanguage) {
    byLanguage = new Map();
    translators.set(i18n, byLanguage);
  }
  let translate = byLanguage.get(language);
  if (!translate) {
    const fixed = i18n.getFixedT(language);
    const rendered = new Map<string, string>();
    translate = (key, options) => {
      if (!rendersFromContent(options)) return fixed(key, options);
      const cacheKey = options ? `${key}\u0000${options.context}` : key;
      let text = rendered.get(cacheKey);
      if (text === undefined) {
        text = fixed(key, options ?? {});
        if (rendered.size < MAX_KEPT_TEXTS) rendered.set(cacheKey, text);
      }
      return text;
    };
    byLanguage.set(language, translate);
  }
  return translate;
}
