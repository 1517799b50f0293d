import { useId, useState } from 'react';
import type { PersonHold } from '../api.ts';
import type { ActionRunner } from '../components/action-feedback.tsx';
import { DateField } from '../components/fields.tsx';
import { useI18n } from '../language.tsx';
import { today } from '../zoned-time.ts';
import { ActionBox } from './action-box.tsx';
import { liftHold } from './api.ts';
import { RunButton } from './run-button.tsx';

/** Lifting a hold in force, on a date: the transfers it held return to screened and need approval again. */
export function LiftHolds({
  personId,
  holds,
  runner,
}: {
  personId: string;
  holds: PersonHold[];
  runner: ActionRunner;
}) {
  const { t, label, fmt } = useI18n();
  const id = useId();
  const [lifted, setLifted] = useState(today());
  const inForce = holds.filter((h) => h.inForce);
  if (inForce.length === 0) return null;
  return (
    <ActionBox title={t('transfer.liftHold')} note={t('transfer.liftNote')}>
      <DateField id={`${id}-lifted`} label={t('transfer.liftedOn')} value={lifted} onChange={setLifted} />
      <ul className="custodia-plain-list margin-top-2">
        {inForce.map((hold) => (
          <li key={hold.holdId}>
            <span>
              {label('holdType', hold.type)}, {hold.court}, {hold.case} ({fmt.date(hold.issued)})
            </span>{' '}
            <RunButton
              runner={runner}
              className="usa-button usa-button--outline"
              onClick={() =>
                runner.run(
                  `lift:${hold.holdId}`,
                  () => liftHold(personId, hold.holdId, lifted),
                  ({ t }, result) => t('transfer.holdLifted', { n: result.transfersReleased.length }),
                )
              }
            >
              {t('transfer.liftThis')}
            </RunButton>
          </li>
        ))}
      </ul>
    </ActionBox>
  );
}
