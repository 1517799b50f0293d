import { type KeyboardEvent, useEffect, useState } from 'react';
import { ApiError } from '../api.ts';
import { TextField } from '../components/fields.tsx';
import { useErrorText } from '../components/load-status.tsx';
import { useI18n } from '../language.tsx';
import { findPeople, type PersonListItem, personName } from './api.ts';
import './person-finder.css';

/** Characters typed before the people are searched. */
const MIN_CHARS = 2;
/** How long typing pauses before the search is sent, in milliseconds. */
const PAUSE_MS = 250;

type Search =
  | { status: 'idle' }
  | { status: 'searching' }
  | { status: 'done'; q: string; people: PersonListItem[] }
  | { status: 'error'; error: ApiError };

/** The people matching what is typed, searched once typing pauses; a newer search cancels the older. */
function usePeopleSearch(agreements: readonly string[], text: string): Search {
  const [search, setSearch] = useState<Search>({ status: 'idle' });
  const q = text.trim();
  const key = agreements.join(',');
  useEffect(() => {
    if (q.length < MIN_CHARS || key === '') {
      setSearch({ status: 'idle' });
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setSearch({ status: 'searching' });
      findPeople(key.split(','), q, controller.signal).then(
        (people) => setSearch({ status: 'done', q, people }),
        (error: unknown) => {
          if (controller.signal.aborted) return;
          setSearch({
            status: 'error',
            error: error instanceof ApiError ? error : new ApiError(0, { detail: String(error) }),
          });
        },
      );
    }, PAUSE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q, key]);
  return search;
}

/**
 * Finds the person an incident names by name or ref (the people API's search, in the agreements that
 * place people in the facility) and lets the reader choose one of the matches, each shown with its name,
 * ref and nationality. The chosen person is shown, and can be removed.
 */
export function PersonFinder({
  id,
  agreements,
  chosen,
  onChoose,
  error,
  label,
  hint,
}: {
  /** The search field's id; the results are `${id}-results`. */
  id: string;
  agreements: readonly string[];
  chosen: PersonListItem | null;
  onChoose: (person: PersonListItem | null) => void;
  error?: string;
  /** The search field's label; by default "Person (optional)", as an incident names one. */
  label?: string;
  /** The search field's hint; by default the incident form's. */
  hint?: string;
}) {
  const { t, fmt } = useI18n();
  const errorText = useErrorText();
  const [text, setText] = useState('');
  const search = usePeopleSearch(agreements, text);
  const describe = (person: PersonListItem) =>
    t('incidents.personOption', {
      name: personName(person.names),
      ref: person.ref,
      nationality: person.nationalities.map(fmt.country).join(', '),
    });
  // Enter in the search field searches; it must not send the incident form around it.
  const keepForm = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Enter' && event.target instanceof HTMLInputElement && event.target.id === id) {
      event.preventDefault();
    }
  };
  const status =
    search.status === 'searching'
      ? t('app.loading')
      : search.status === 'done'
        ? search.people.length === 0
          ? t('incidents.personNone', { q: search.q })
          : t(search.people.length === 1 ? 'incidents.personFoundOne' : 'incidents.personFound', {
              n: fmt.number(search.people.length),
            })
        : '';

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the wrapper only stops Enter in the search field from sending the form.
    <div className="custodia-person-finder" onKeyDown={keepForm}>
      <TextField
        id={id}
        label={label ?? t('incidents.person')}
        hint={hint ?? t('incidents.personHint')}
        error={error}
        value={text}
        onChange={setText}
        maxLength={200}
      />
      <p className="custodia-person-finder__status" role="status" aria-live="polite">
        {status}
      </p>
      {search.status === 'error' && (
        <p className="usa-error-message" role="alert">
          {errorText(search.error)}
        </p>
      )}
      {search.status === 'done' && search.people.length > 0 && (
        <fieldset className="usa-fieldset custodia-person-finder__results" id={`${id}-results`}>
          <legend className="usa-legend">{t('incidents.personResults')}</legend>
          {search.people.map((person) => (
            <div className="usa-radio" key={person.id}>
              <input
                className="usa-radio__input"
                id={`${id}-${person.id}`}
                type="radio"
                name={`${id}-results`}
                value={person.id}
                checked={chosen?.id === person.id}
                onChange={() => onChoose(person)}
              />
              <label className="usa-radio__label" htmlFor={`${id}-${person.id}`}>
                {describe(person)}
              </label>
            </div>
          ))}
        </fieldset>
      )}
      {chosen && (
        <p className="custodia-person-finder__chosen" data-person-id={chosen.id}>
          <span className="text-bold">{t('incidents.personChosen')}</span> {describe(chosen)}{' '}
          <button type="button" className="usa-button usa-button--unstyled" onClick={() => onChoose(null)}>
            {t('incidents.personRemove')}
          </button>
        </p>
      )}
    </div>
  );
}
