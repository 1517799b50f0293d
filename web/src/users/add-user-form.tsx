import { type FormEvent, useId, useState } from 'react';
import { userNameSchema } from '../../../src/auth/model.ts';
import { partiesOfRole } from '../../../src/auth/policy.ts';
import { ActionFeedback, useAction } from '../components/action-feedback.tsx';
import { SelectField, TextField } from '../components/fields.tsx';
import { Section } from '../components/section.tsx';
import { useI18n } from '../language.tsx';
import { addUser, PARTIES_PATH, type PartyList } from '../parties/api.ts';
import { useApi } from '../use-api.ts';
import { isRole, ROLES } from './api.ts';
import { OneTimePassword } from './one-time-password.tsx';

type Field = 'name' | 'role' | 'parties';

/**
 * The admin adds a user: name, role, and the parties they act for, chosen among the parties of the kinds
 * the role acts for (several for a court user). The server answers a one-time password, shown this once.
 */
export function AddUserForm({ onAdded }: { onAdded: () => void }) {
  const { t, label } = useI18n();
  const id = useId();
  const action = useAction(onAdded);
  const [parties] = useApi<PartyList>(PARTIES_PATH);
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [oneTime, setOneTime] = useState<{ name: string; password: string } | null>(null);
  const acts = partiesOfRole(role);
  const offered =
    parties.status === 'ok' ? parties.data.items.filter((p) => acts.kinds.includes(p.kind)) : [];

  const changeRole = (next: string) => {
    setRole(next);
    setChosen([]);
  };
  const toggle = (code: string, on: boolean) =>
    setChosen((list) => (on ? [...list, code] : list.filter((c) => c !== code)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (!userNameSchema.safeParse(name).success) found.name = t('users.nameInvalid');
    if (!isRole(role)) found.role = t('users.roleRequired');
    else if (acts.required && chosen.length === 0) found.parties = t('users.partyRequired');
    setErrors(found);
    if (Object.keys(found).length > 0 || !isRole(role)) return;
    const done = await action.run(
      'add',
      async () => {
        const created = await addUser({ name, role, parties: chosen });
        setOneTime({ name: created.user.name, password: created.password });
      },
      ({ t }) => t('users.added', { name }),
    );
    if (done) {
      setName('');
      changeRole('');
    }
  };

  const partyChoices = offered.map((p) => ({ value: p.code, label: `${p.name} (${p.code})` }));
  return (
    <Section title={t('users.add')}>
      <ActionFeedback state={action.state} />
      {oneTime && <OneTimePassword {...oneTime} onHide={() => setOneTime(null)} />}
      <form className="usa-form usa-form--large" noValidate onSubmit={submit}>
        <TextField
          id={`${id}-name`}
          label={t('users.name')}
          hint={t('users.nameHint')}
          value={name}
          onChange={setName}
          error={errors.name}
          maxLength={64}
          required
        />
        <SelectField
          id={`${id}-role`}
          label={t('users.role')}
          value={role}
          onChange={changeRole}
          placeholder={t('users.chooseRole')}
          choices={ROLES.map((r) => ({ value: r, label: label('role', r) }))}
          error={errors.role}
          required
        />
        {role.length > 0 && acts.several && (
          <fieldset
            className={
              errors.parties
                ? 'usa-fieldset usa-form-group usa-form-group--error'
                : 'usa-fieldset usa-form-group'
            }
            aria-describedby={errors.parties ? `${id}-parties-error` : undefined}
          >
            <legend className="usa-legend">{t('users.partiesSeveral')}</legend>
            {errors.parties && (
              <span className="usa-error-message" id={`${id}-parties-error`} role="alert">
                {errors.parties}
              </span>
            )}
            {partyChoices.map((p) => (
              <div className="usa-checkbox" key={p.value}>
                <input
                  className="usa-checkbox__input"
                  type="checkbox"
                  id={`${id}-party-${p.value}`}
                  checked={chosen.includes(p.value)}
                  onChange={(event) => toggle(p.value, event.target.checked)}
                />
                <label className="usa-checkbox__label" htmlFor={`${id}-party-${p.value}`}>
                  {p.label}
                </label>
              </div>
            ))}
          </fieldset>
        )}
        {role.length > 0 && !acts.several && acts.kinds.length > 0 && (
          <SelectField
            id={`${id}-party`}
            label={t('users.party')}
            value={chosen[0] ?? ''}
            onChange={(value) => setChosen(value ? [value] : [])}
            placeholder={t('users.noParty')}
            choices={partyChoices}
            error={errors.parties}
            required={acts.required}
          />
        )}
        <button type="submit" className="usa-button" disabled={action.state.busy !== null}>
          {t('users.addSubmit')}
        </button>
      </form>
    </Section>
  );
}
