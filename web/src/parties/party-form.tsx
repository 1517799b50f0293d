import { type FormEvent, useId, useState } from 'react';
import { partyCodeSchema } from '../../../src/parties/model.ts';
import { ActionFeedback, useAction } from '../components/action-feedback.tsx';
import { SelectField, TextField } from '../components/fields.tsx';
import { Section } from '../components/section.tsx';
import { useI18n } from '../language.tsx';
import { isPartyKind, PARTY_KINDS, registerParty } from './api.ts';

type Field = 'kind' | 'code' | 'person';

/**
 * The admin registers a party: its kind, code and name, and for a family contact the one person it is
 * verified for (their reference and agreement). Refused here before anything is sent: no kind, a code the
 * server would refuse, a family contact without a person.
 */
export function PartyForm({ onRegistered }: { onRegistered: () => void }) {
  const { t, label } = useI18n();
  const id = useId();
  const action = useAction(onRegistered);
  const [kind, setKind] = useState('');
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [ref, setRef] = useState('');
  const [agreement, setAgreement] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const family = kind === 'family_contact';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (!isPartyKind(kind)) found.kind = t('parties.kindRequired');
    if (code.trim() === '') found.code = t('parties.codeRequired');
    else if (!partyCodeSchema.safeParse(code).success) found.code = t('parties.codeInvalid');
    if (family && (ref.trim() === '' || agreement.trim() === '')) found.person = t('parties.personRequired');
    setErrors(found);
    if (Object.keys(found).length > 0 || !isPartyKind(kind)) return;
    const person = family ? { ref: ref.trim(), agreement: agreement.trim() } : undefined;
    const done = await action.run(
      'register',
      () =>
        registerParty({
          kind,
          code: code.trim(),
          ...(name.trim() ? { name: name.trim() } : {}),
          ...(person ? { person } : {}),
        }),
      ({ t }) => t('parties.registered', { code: code.trim() }),
    );
    if (done) {
      setCode('');
      setName('');
      setRef('');
      setAgreement('');
    }
  };

  return (
    <Section title={t('parties.register')}>
      <form className="usa-form usa-form--large" noValidate onSubmit={submit}>
        <SelectField
          id={`${id}-kind`}
          label={t('parties.kind')}
          value={kind}
          onChange={setKind}
          placeholder={t('parties.chooseKind')}
          choices={PARTY_KINDS.map((k) => ({ value: k, label: label('partyKind', k) }))}
          error={errors.kind}
          required
        />
        <TextField
          id={`${id}-code`}
          label={t('parties.code')}
          hint={t('parties.codeHint')}
          value={code}
          onChange={setCode}
          error={errors.code}
          maxLength={80}
          required
        />
        <TextField
          id={`${id}-name`}
          label={t('parties.name')}
          hint={t('parties.nameHint')}
          value={name}
          onChange={setName}
          maxLength={200}
        />
        {family && (
          <>
            <TextField
              id={`${id}-ref`}
              label={t('parties.personRef')}
              hint={t('parties.personRefHint')}
              value={ref}
              onChange={setRef}
              error={errors.person}
              maxLength={64}
              required
            />
            <TextField
              id={`${id}-agreement`}
              label={t('parties.agreement')}
              hint={t('parties.agreementHint')}
              value={agreement}
              onChange={setAgreement}
              maxLength={80}
              required
            />
          </>
        )}
        <button type="submit" className="usa-button" disabled={action.state.busy !== null}>
          {t('parties.submit')}
        </button>
      </form>
      <ActionFeedback state={action.state} />
    </Section>
  );
}
