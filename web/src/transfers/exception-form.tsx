import { type FormEvent, useId, useState } from 'react';
import type { ManifestExceptionKind, ManifestView, ManifestViewEntry } from '../api.ts';
import type { ActionRunner } from '../components/action-feedback.tsx';
import { TextAreaField } from '../components/fields.tsx';
import { useI18n } from '../language.tsx';
import { recordException } from './api.ts';
import { personName } from './manifest-entry.tsx';
import { RunButton } from './run-button.tsx';
import './exception-form.css';

/**
 * Buttons for the exceptions allowed now; choosing one asks for the explanation the record needs, and
 * nothing is sent without one.
 */
export function ExceptionControl({
  manifest,
  entry,
  runner,
  kinds,
}: {
  manifest: ManifestView;
  entry: ManifestViewEntry;
  runner: ActionRunner;
  kinds: ManifestExceptionKind[];
}) {
  const { t, label } = useI18n();
  const id = useId();
  const [kind, setKind] = useState<ManifestExceptionKind | null>(null);
  const [explanation, setExplanation] = useState('');
  const [missing, setMissing] = useState(false);
  const name = personName(entry);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!kind) return;
    setMissing(!explanation.trim());
    if (!explanation.trim()) return;
    const ok = await runner.run(
      `exception:${entry.transferId}`,
      () => recordException(manifest.manifestId, entry.transferId, kind, explanation.trim()),
      ({ t, label }) => t('manifest.exceptionRecorded', { kind: label('exceptionKind', kind), name }),
    );
    if (ok) {
      setKind(null);
      setExplanation('');
    }
  };
  if (!kind) {
    return (
      <div className="custodia-row-actions">
        {kinds.map((k) => (
          <button
            key={k}
            type="button"
            className="usa-button usa-button--outline usa-button--small custodia-button--small"
            onClick={() => setKind(k)}
          >
            {label('exceptionKind', k)}
            <span className="usa-sr-only"> {name}</span>
          </button>
        ))}
      </div>
    );
  }
  return (
    <form className="custodia-exception" onSubmit={submit} noValidate>
      <TextAreaField
        id={`${id}-explanation`}
        label={t('manifest.explanationFor', { kind: label('exceptionKind', kind) })}
        hint={t('manifest.explanationHint')}
        error={missing ? t('manifest.explanationMissing') : undefined}
        rows={3}
        maxLength={2000}
        value={explanation}
        onChange={setExplanation}
      />
      <div className="custodia-row-actions margin-top-1">
        <RunButton runner={runner} submit className="usa-button usa-button--secondary">
          {t('manifest.recordException')}
        </RunButton>
        <button type="button" className="usa-button usa-button--unstyled" onClick={() => setKind(null)}>
          {t('manifest.cancelException')}
        </button>
      </div>
    </form>
  );
}
