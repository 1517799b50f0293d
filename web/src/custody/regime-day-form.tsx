import { type FormEvent, useId, useState } from 'react';
import { ApiError } from '../api.ts';
import { ActionFeedback, type ActionState } from '../components/action-feedback.tsx';
import { DateField, TextAreaField } from '../components/fields.tsx';
import { Section } from '../components/section.tsx';
import type { MessageKey } from '../i18n.ts';
import { useI18n } from '../language.tsx';
import { type FacilityDetail, type RegimeReport, recordRegime } from './api.ts';
import { CellCodeField } from './cell-code-field.tsx';
import { ErrorList, MeasureInput, YesNoInput } from './regime-day-inputs.tsx';
import {
  cellCodes,
  type Draft,
  draftProblems,
  emptyDraft,
  entryValues,
  type FieldErrors,
  refusedErrors,
} from './regime-draft.ts';
import type { BooleanField, NumberField } from './regime-fields.ts';
import { SubmitButton } from './submit-button.tsx';
import './regime-day-form.css';

/** The form's groups of measured and yes-or-no fields, in docs/domain.md's order. */
const GROUPS: readonly {
  legend: MessageKey;
  measures: readonly NumberField[];
  yesNo: BooleanField | null;
}[] = [
  { legend: 'regime.form.timeOut', measures: ['minutesOutOfCell', 'outdoorExerciseMinutes'], yesNo: null },
  {
    legend: 'regime.form.conditions',
    measures: ['nightLightHours', 'drinkingWaterLitresPerPerson', 'mealsServed'],
    yesNo: 'beddingProvided',
  },
  {
    legend: 'regime.form.contacts',
    measures: ['familyContacts', 'legalVisits', 'consularVisits'],
    yesNo: null,
  },
  { legend: 'regime.form.restraints', measures: [], yesNo: 'restraintsOutsideTransport' },
];

const IDLE: ActionState = { busy: null, error: null, done: null };

/** The form for one day of the regime log, for one cell or several with the same values. */
export function RecordDay({
  id,
  facility,
  today,
  onRecorded,
}: {
  id: string;
  facility: FacilityDetail;
  today: string;
  onRecorded: (date: string) => void;
}) {
  const { t, fmt } = useI18n();
  const formId = useId();
  const [draft, setDraft] = useState<Draft>(() => emptyDraft(today));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<ActionState>(IDLE);
  const set = (field: keyof Draft) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));
  const fieldErrors = (field: string) => errors[field] ?? [];
  const errorOf = (field: string) => {
    const list = fieldErrors(field);
    return list.length > 0 ? <ErrorList errors={list} /> : undefined;
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (outcome.busy) return;
    const cells = cellCodes(draft.cells);
    const local = draftProblems(draft, {
      cellMissing: t('regime.form.cellMissing'),
      dateMissing: t('regime.form.dateMissing'),
      notNumber: t('regime.form.notNumber'),
    });
    setErrors(local);
    if (Object.keys(local).length > 0) {
      setSummary(t('regime.form.fixFields'));
      setOutcome(IDLE);
      return;
    }
    setSummary(null);
    const values = entryValues(draft);
    setOutcome({ busy: 'record', error: null, done: null });
    let report: RegimeReport;
    try {
      // All or nothing: the cells of one form are recorded together or not at all.
      report = await recordRegime(
        id,
        cells.map((cell) => ({ cell, ...values })),
        true,
      );
    } catch (caught) {
      const error = caught instanceof ApiError ? caught : new ApiError(0, { detail: String(caught) });
      setOutcome({ busy: null, error, done: null });
      return;
    }
    if (report.rejected.length === 0) {
      setOutcome({
        busy: null,
        error: null,
        done: ({ t, fmt }) =>
          t(report.recorded === 1 ? 'regime.form.recordedOne' : 'regime.form.recorded', {
            n: fmt.number(report.recorded),
            cells: fmt.list(cells),
            date: fmt.date(draft.date),
          }),
      });
      onRecorded(draft.date);
      return;
    }
    setErrors(refusedErrors(report, cells));
    setSummary(
      t(report.rejected.length === 1 ? 'regime.form.refusedOne' : 'regime.form.refused', {
        n: fmt.number(report.rejected.length),
      }),
    );
    setOutcome(IDLE);
  };

  const measure = (field: NumberField) => (
    <MeasureInput
      key={field}
      formId={formId}
      field={field}
      value={draft[field]}
      errors={fieldErrors(field)}
      onChange={set(field)}
    />
  );
  const yesNo = (field: BooleanField) => (
    <YesNoInput
      key={field}
      formId={formId}
      field={field}
      value={draft[field]}
      errors={fieldErrors(field)}
      onChange={(value) => setDraft((d) => ({ ...d, [field]: value }))}
    />
  );

  return (
    <Section title={t('regime.form.title')} intro={t('regime.form.note')}>
      <form className="usa-form usa-form--large custodia-regime-form" onSubmit={submit} noValidate>
        {summary && (
          <div className="usa-alert usa-alert--error usa-alert--slim" role="alert">
            <div className="usa-alert__body">
              <p className="usa-alert__text">{summary}</p>
              {fieldErrors('(entry)').map((error) => (
                <p key={error.text} className="usa-alert__text" lang="en">
                  {error.text}
                </p>
              ))}
            </div>
          </div>
        )}
        <div className="custodia-form-row">
          <CellCodeField
            id={`${formId}-cell`}
            label={t('regime.cell')}
            hint={t('regime.form.cellHint')}
            error={errorOf('cell')}
            value={draft.cells}
            onChange={set('cells')}
            cells={facility.cells}
          />
          <DateField
            id={`${formId}-date`}
            label={t('regime.form.date')}
            hint={t('regime.form.dateHint', { zone: facility.timeZone })}
            error={errorOf('date')}
            max={today}
            value={draft.date}
            onChange={set('date')}
          />
        </div>

        {GROUPS.map((group) => (
          <fieldset key={group.legend} className="usa-fieldset custodia-regime-form__group">
            <legend className="usa-legend usa-legend--large">{t(group.legend)}</legend>
            {group.measures.length > 0 && (
              <div className="custodia-form-row">{group.measures.map(measure)}</div>
            )}
            {group.yesNo && yesNo(group.yesNo)}
          </fieldset>
        ))}
        <TextAreaField
          id={`${formId}-note`}
          label={t('regime.field.note')}
          hint={t('regime.hint.note')}
          error={errorOf('note')}
          rows={3}
          maxLength={2000}
          value={draft.note}
          onChange={set('note')}
        />
        <ActionFeedback state={outcome} refusedTitle={t('regime.form.failed')} />
        <SubmitButton busy={outcome.busy !== null} spacing="margin-top-3">
          {t('regime.form.submit')}
        </SubmitButton>
      </form>
    </Section>
  );
}
