import { type FormEvent, useEffect, useId, useState } from 'react';
import type { Dashboard } from '../api.ts';
import { describedBy, FieldGroup, SelectField } from '../components/fields.tsx';
import { Icon } from '../components/icon.tsx';
import { useI18n } from '../language.tsx';
import { Link } from '../router.tsx';
import './people-page.css';

type Agreement = Dashboard['agreements'][number];

/**
 * The agreement to list (when there are several) and the search form. `onSearch` gets the words typed,
 * trimmed; `clearHref` is the list without a search, offered while one is shown.
 */
export function PeopleSearch({
  agreements,
  agreement,
  q,
  onAgreement,
  onSearch,
  clearHref,
}: {
  agreements: readonly Agreement[];
  agreement: Agreement;
  q: string;
  onAgreement: (id: string) => void;
  onSearch: (q: string) => void;
  clearHref: string;
}) {
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const field = { id: `${id}-q`, label: t('people.searchLabel'), hint: t('people.searchHint') };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSearch(text.trim());
  };

  return (
    <div className="grid-row grid-gap-lg flex-align-end">
      {agreements.length > 1 && (
        <div className="tablet:grid-col-5">
          <SelectField
            id={`${id}-agreement`}
            label={t('people.agreement')}
            value={agreement.id}
            onChange={onAgreement}
            choices={agreements.map((a) => ({ value: a.id, label: `${a.code} — ${a.title}` }))}
          />
        </div>
      )}
      <div className="tablet:grid-col-7">
        <search aria-label={t('people.searchLabel')}>
          <form className="usa-search custodia-search" onSubmit={submit}>
            <FieldGroup {...field}>
              <div className="custodia-search__row">
                <input
                  className="usa-input"
                  id={field.id}
                  type="search"
                  name="q"
                  value={text}
                  onChange={(event) => setText(event.target.value)}
                  aria-describedby={describedBy(field)}
                />
                <button className="usa-button" type="submit">
                  <span className="usa-search__submit-text">{t('people.searchButton')}</span>
                  <Icon name="search" className="usa-search__submit-icon" />
                </button>
              </div>
            </FieldGroup>
          </form>
        </search>
        {q && (
          <p className="margin-top-1">
            <Link href={clearHref} state={{ cursors: [] }} className="usa-link">
              {t('people.clear')}
            </Link>
          </p>
        )}
      </div>
    </div>
  );
}
