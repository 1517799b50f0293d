import { type FormEvent, useId, useState } from 'react';
import { useCan } from '../access.tsx';
import type { TransferDetail, TransferState } from '../api.ts';
import type { ActionRunner } from '../components/action-feedback.tsx';
import { SelectField } from '../components/fields.tsx';
import { useI18n } from '../language.tsx';
import { ActionBox } from './action-box.tsx';
import { startRepatriation } from './api.ts';
import { RunButton } from './run-button.tsx';

/**
 * True when the reader may start a repatriation from this transfer: an outbound transfer that was
 * received, its person still in custody from it, and no return or repatriation of it yet (decision 0023).
 */
export function useRepatriable(transfer: TransferDetail): boolean {
  const can = useCan();
  return (
    can('transfer:repatriate') &&
    transfer.direction === 'outbound' &&
    transfer.status === 'received' &&
    transfer.custody.some((c) => c.endedAt === null) &&
    !transfer.linked.some((l) => l.relation === 'return')
  );
}

/**
 * Repatriation at the end of a sentence (receiving officer): the person goes to a country of their
 * nationality, chosen from their record. Nothing is sent until a country is chosen; the new transfer is
 * ordered and moves on a repatriation manifest, where custody and billing stop at departure.
 */
export function RepatriationForm({
  transferId,
  nationalities,
  runner,
}: {
  transferId: string;
  nationalities: readonly string[];
  runner: ActionRunner;
}) {
  const { t, fmt } = useI18n();
  const id = useId();
  const [country, setCountry] = useState('');
  const [invalid, setInvalid] = useState(false);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const chosen = nationalities.find((n) => n === country);
    setInvalid(!chosen);
    if (!chosen) return;
    runner.run(
      'repatriate',
      () => startRepatriation(transferId, chosen),
      ({ t, fmt }, started: TransferState) =>
        t('transfer.repatriationStarted', { country: fmt.country(chosen), id: started.transferId }),
    );
  };
  return (
    <ActionBox title={t('transfer.repatriate')} note={t('transfer.repatriateNote')} onSubmit={submit}>
      {nationalities.length === 0 ? (
        <p className="custodia-empty">{t('transfer.noNationality')}</p>
      ) : (
        <>
          <SelectField
            id={`${id}-country`}
            label={t('transfer.repatriationCountry')}
            required
            placeholder={t('transfer.chooseCountry')}
            value={country}
            onChange={setCountry}
            choices={nationalities.map((n) => ({ value: n, label: `${fmt.country(n)} (${n})` }))}
            error={invalid ? t('transfer.repatriationCountryMissing') : undefined}
          />
          <RunButton runner={runner} runKey="repatriate" submit className="usa-button margin-top-2">
            {t('transfer.repatriate')}
          </RunButton>
        </>
      )}
    </ActionBox>
  );
}
