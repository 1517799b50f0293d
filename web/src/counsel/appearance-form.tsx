import { type FormEvent, useId, useState } from 'react';
import { ActionFeedback, useAction } from '../components/action-feedback.tsx';
import { DateField, TextField } from '../components/fields.tsx';
import { Section } from '../components/section.tsx';
import { useI18n } from '../language.tsx';
import { fileAppearance } from '../parties/api.ts';

type Field = 'ref' | 'agreement' | 'from';

/**
 * Counsel file a notice of appearance for their own office: the person's reference, the agreement and the
 * date from which the office represents them. Nothing is sent while a field is missing.
 */
export function AppearanceForm({ onFiled }: { onFiled: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const action = useAction(onFiled);
  const [ref, setRef] = useState('');
  const [agreement, setAgreement] = useState('');
  const [from, setFrom] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (ref.trim() === '') found.ref = t('counsel.refRequired');
    if (agreement.trim() === '') found.agreement = t('counsel.agreementRequired');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(from)) found.from = t('counsel.fromRequired');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const filed = ref.trim();
    const done = await action.run(
      'file',
      () => fileAppearance({ ref: filed, agreement: agreement.trim(), from }),
      ({ t }) => t('counsel.filed', { ref: filed }),
    );
    if (done) setRef('');
  };

  return (
    <Section title={t('counsel.file')} intro={t('counsel.fileIntro')}>
      <form className="usa-form usa-form--large" noValidate onSubmit={submit}>
        <TextField
          id={`${id}-ref`}
          label={t('counsel.personRef')}
          hint={t('counsel.personRefHint')}
          value={ref}
          onChange={setRef}
          error={errors.ref}
          maxLength={64}
          required
        />
        <TextField
          id={`${id}-agreement`}
          label={t('counsel.agreement')}
          hint={t('counsel.agreementHint')}
          value={agreement}
          onChange={setAgreement}
          error={errors.agreement}
          maxLength={80}
          required
        />
        <DateField
          id={`${id}-from`}
          label={t('counsel.fromDate')}
          value={from}
          onChange={setFrom}
          error={errors.from}
          required
        />
        <button type="submit" className="usa-button" disabled={action.state.busy !== null}>
          {t('counsel.submit')}
        </button>
      </form>
      <ActionFeedback state={action.state} />
    </Section>
  );
}
