import { useEffect, useRef } from 'react';
import { useI18n } from '../language.tsx';

interface ConfirmActProps {
  /** The question: what will happen, to whom. */
  question: string;
  /** The confirm button's words, e.g. "Yes, disable ana.lopez". */
  confirm: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * The second step of an act on a user: the question in words, then Confirm or Cancel. It takes the focus
 * when it opens (the question is the group's legend, so a screen reader reads it); nothing is sent until Confirm.
 */
export function ConfirmAct({ question, confirm, busy, onConfirm, onCancel }: ConfirmActProps) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), []);
  return (
    <div ref={box} tabIndex={-1} className="usa-alert usa-alert--warning usa-alert--slim custodia-confirm">
      <fieldset className="usa-alert__body usa-fieldset">
        <legend className="usa-alert__text">{question}</legend>
        <div className="usa-button-group margin-top-1">
          <button
            type="button"
            className="usa-button usa-button--secondary"
            disabled={busy}
            onClick={onConfirm}
          >
            {busy ? t('users.working') : confirm}
          </button>
          <button type="button" className="usa-button usa-button--unstyled" onClick={onCancel}>
            {t('users.cancel')}
          </button>
        </div>
      </fieldset>
    </div>
  );
}
