import i18next, { type i18n as I18n } from 'i18next';
import { LANGUAGES, type Language } from './content/content-schema';
import type { Content } from './content/load-content';

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

export function translatorFor(i18n: I18n, language: Language): Translate {
  const fixed = i18n.getFixedT(language);
  return (key, options) => fixed(key, options ?? {});
}
