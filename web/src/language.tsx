import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { setApiLanguage } from './api.ts';
import {
  type Formatters,
  formatters,
  initialLang,
  isMessageKey,
  LANG_STORAGE_KEY,
  type Lang,
  type MessageKey,
  type Params,
  translate,
} from './i18n.ts';

type GroupOf<K> = K extends `${infer G}.${string}` ? G : never;
/** A message group such as `legalStatus` or `category`. */
export type MessageGroup = GroupOf<MessageKey>;

/** What a component needs to speak the reader's language. */
export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: MessageKey, params?: Params) => string;
  /** The name of an enumerated value, e.g. `label('legalStatus', 'no_status')`; unknown values show as given. */
  label: (group: MessageGroup, value: string) => string;
  fmt: Formatters;
}

const I18nContext = createContext<I18n | null>(null);

/** Holds the chosen language, keeps `<html lang>` and localStorage in step with it. */
export function LanguageProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);

  // Set during render, not in an effect: a child's first request must already ask for this language.
  setApiLanguage(lang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(LANG_STORAGE_KEY, next);
    } catch {
      // Storage can be disabled; the choice then lasts for this page only.
    }
  }, []);

  const value = useMemo<I18n>(() => {
    const t = (key: MessageKey, params?: Params) => translate(lang, key, params);
    const label = (group: MessageGroup, value: string) => {
      const key = `${group}.${value}`;
      return isMessageKey(key) ? t(key) : value;
    };
    return { lang, setLang, t, label, fmt: formatters(lang) };
  }, [lang, setLang]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current language's messages and formatters. */
export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n() needs a <LanguageProvider> above it in the tree');
  return value;
}
