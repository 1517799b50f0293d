import { type RenderResult, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { LANG_STORAGE_KEY, type Lang } from '../i18n.ts';
import { LanguageProvider } from '../language.tsx';

/** Renders a component as the app does, in the given language (English unless said). */
export function renderIn(ui: ReactElement, lang: Lang = 'en'): RenderResult {
  localStorage.setItem(LANG_STORAGE_KEY, lang);
  return render(<LanguageProvider>{ui}</LanguageProvider>);
}
