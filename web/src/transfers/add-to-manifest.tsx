import { type FormEvent, useId, useState } from 'react';
import type { Direction } from '../../../src/transfers/states.ts';
import type { ManifestList } from '../api.ts';
import type { ActionRunner } from '../components/action-feedback.tsx';
import { SelectField } from '../components/fields.tsx';
import { LiveStatus, LoadError } from '../components/load-status.tsx';
import { useI18n } from '../language.tsx';
import { Link } from '../router.tsx';
import { useApi } from '../use-api.ts';
import { ActionBox } from './action-box.tsx';
import { addToManifest, manifestsPath } from './api.ts';
import { RunButton } from './run-button.tsx';

/**
 * Scheduling: the transfer goes onto an open manifest, chosen from the open ones of its direction (a
 * repatriation: of its country), the only ones the server would take it on.
 */
export function AddToManifest({
  transferId,
  direction = 'outbound',
  country = null,
  runner,
}: {
  transferId: string;
  direction?: Direction;
  country?: string | null;
  runner: ActionRunner;
}) {
  const { t, fmt } = useI18n();
  const id = useId();
  const [list, reload] = useApi<ManifestList>(manifestsPath('open'));
  const [chosen, setChosen] = useState('');
  const manifests =
    list.status === 'ok'
      ? list.data.manifests.filter(
          (m) => m.direction === direction && (direction !== 'repatriation' || m.country === country),
        )
      : [];
  const selected = chosen || manifests[0]?.manifestId || '';
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!selected) return;
    const manifest = manifests.find((m) => m.manifestId === selected);
    runner.run(
      'schedule',
      () => addToManifest(selected, transferId),
      ({ t }) => t('transfer.added', { flight: manifest?.flightNumber ?? selected }),
    );
  };
  return (
    <ActionBox
      title={t('transfer.addToManifest')}
      note={t(direction === 'outbound' ? 'transfer.addNote' : 'transfer.addNoteLeaving')}
      onSubmit={submit}
    >
      {list.status === 'loading' && <LiveStatus text={t('app.loading')} />}
      {list.status === 'error' && <LoadError error={list.error} onRetry={reload} />}
      {list.status === 'ok' && manifests.length === 0 && (
        <p>
          {t('transfer.noOpenManifest')}{' '}
          <Link href="/manifests" className="usa-link">
            {t('transfer.createManifest')}
          </Link>
        </p>
      )}
      {manifests.length > 0 && (
        <>
          <SelectField
            id={`${id}-manifest`}
            label={t('transfer.openManifests')}
            value={selected}
            onChange={setChosen}
            choices={manifests.map((m) => ({
              value: m.manifestId,
              label: `${m.flightNumber} · ${m.carrier} · ${m.origin} → ${m.destination} · ${fmt.zoned(m.scheduledDeparture.instant, m.scheduledDeparture.zone)}`,
            }))}
          />
          <RunButton runner={runner} runKey="schedule" submit className="usa-button margin-top-2">
            {t('transfer.addToManifest')}
          </RunButton>
        </>
      )}
    </ActionBox>
  );
}
