import { useI18n } from '../language.tsx';

/** The USWDS two-language switch: one button, written in the other language and marked with its `lang`. */
export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  const other = lang === 'en' ? 'es' : 'en';
  return (
    <div className="usa-language-container usa-language--small">
      <ul className="usa-language__primary usa-accordion">
        <li className="usa-language__primary-item">
          <button
            type="button"
            className="usa-button usa-language__link"
            lang={other}
            onClick={() => setLang(other)}
          >
            {t('lang.switchTo')}
          </button>
        </li>
      </ul>
    </div>
  );
}
