import { type FormEvent, useEffect, useId, useState } from 'react';
import type { TransferBoard, TransferStatus } from '../api.ts';
import { describedBy, FieldGroup, TextField } from '../components/fields.tsx';
import { useI18n } from '../language.tsx';
import { Link, navigate } from '../router.tsx';
import { type BoardFilter, boardHref, isCountryCode, isFiltered } from './board-filter.ts';
import { TRANSFER_STATES } from './transfer-states.ts';

/**
 * The board's filters: the states (with the count of each once the board has loaded), a nationality and
 * a name or reference. Applying them changes the URL; the drafts follow the URL when it changes.
 */
export function BoardFilters({
  filter,
  counts,
}: {
  filter: BoardFilter;
  /** The count of transfers in each state, or null while the board is not loaded (nothing to count). */
  counts: TransferBoard['counts'] | null;
}) {
  const { t, label, fmt } = useI18n();
  const id = useId();
  const [statuses, setStatuses] = useState<TransferStatus[]>(filter.status);
  const [nationality, setNationality] = useState(filter.nationality);
  const [q, setQ] = useState(filter.q);
  const [nationalityError, setNationalityError] = useState(false);
  const filtered = isFiltered(filter);
  const statusKey = filter.status.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the drafts follow the URL when it changes.
  useEffect(() => {
    setStatuses(filter.status);
    setNationality(filter.nationality);
    setQ(filter.q);
    setNationalityError(false);
  }, [statusKey, filter.nationality, filter.q]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const code = nationality.trim().toUpperCase();
    setNationalityError(code !== '' && !isCountryCode(code));
    if (code !== '' && !isCountryCode(code)) return;
    navigate(boardHref({ status: statuses, nationality: code, q: q.trim() }));
  };

  const toggle = (status: TransferStatus, on: boolean) =>
    setStatuses((current) => TRANSFER_STATES.filter((s) => (s === status ? on : current.includes(s))));

  const nationalityField = {
    id: `${id}-nationality`,
    hint: t('transfers.nationalityHint'),
    error: nationalityError ? t('transfers.nationalityInvalid') : undefined,
  };
  return (
    <search aria-labelledby={`${id}-filters`}>
      <form className="usa-form custodia-filters" onSubmit={submit} noValidate>
        <h2 id={`${id}-filters`} className="usa-sr-only">
          {t('transfers.filters')}
        </h2>
        <fieldset className="usa-fieldset">
          <legend className="usa-legend usa-legend--large custodia-filters__legend">
            {t('transfers.states')}
          </legend>
          <div className="custodia-state-options">
            {TRANSFER_STATES.map((status) => (
              <div key={status} className="usa-checkbox">
                <input
                  className="usa-checkbox__input"
                  id={`${id}-state-${status}`}
                  type="checkbox"
                  name="status"
                  value={status}
                  checked={statuses.includes(status)}
                  onChange={(event) => toggle(status, event.target.checked)}
                />
                <label className="usa-checkbox__label" htmlFor={`${id}-state-${status}`}>
                  {label('transferStatus', status)}
                  {counts && (
                    <>
                      {' '}
                      <span className="custodia-count">({fmt.number(counts[status] ?? 0)})</span>
                    </>
                  )}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <div className="custodia-filters__row">
          <FieldGroup {...nationalityField} label={t('transfers.nationality')}>
            <input
              className="usa-input custodia-input--code"
              id={nationalityField.id}
              name="nationality"
              maxLength={2}
              autoCapitalize="characters"
              spellCheck={false}
              value={nationality}
              onChange={(event) => setNationality(event.target.value.toUpperCase())}
              aria-describedby={describedBy(nationalityField)}
              aria-invalid={nationalityError || undefined}
            />
          </FieldGroup>
          <TextField
            id={`${id}-q`}
            type="search"
            label={t('transfers.search')}
            hint={t('transfers.searchHint')}
            value={q}
            onChange={setQ}
          />
          <div className="custodia-filters__buttons">
            <button type="submit" className="usa-button">
              {t('transfers.apply')}
            </button>
            {filtered && (
              <Link href="/transfers" className="usa-button usa-button--unstyled">
                {t('transfers.clear')}
              </Link>
            )}
          </div>
        </div>
      </form>
    </search>
  );
}
