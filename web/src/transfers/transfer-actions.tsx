import type { AllowedAction, TransferDetail, User } from '../api.ts';
import type { ActionRunner } from '../components/action-feedback.tsx';
import { useI18n } from '../language.tsx';
import { Link } from '../router.tsx';
import { ActionBox } from './action-box.tsx';
import { AddToManifest } from './add-to-manifest.tsx';
import { HoldForm } from './hold-form.tsx';
import { LiftHolds } from './lift-holds.tsx';
import { ReasonForm } from './reason-form.tsx';
import { RepatriationForm, useRepatriable } from './repatriation-form.tsx';
import { ReturnForm } from './return-form.tsx';
import { RunButton } from './run-button.tsx';
import { useTransferStep } from './transfer-step.ts';

/** The steps taken with one click on the transfer itself: no reason code, no court order. */
const ONE_CLICK = ['screen', 'approve', 'accept'] as const;
type OneClick = (typeof ONE_CLICK)[number];

function oneClick(action: AllowedAction): OneClick | null {
  const found = ONE_CLICK.find((a) => a === action.action);
  return action.via === 'transfer' && found ? found : null;
}

/** The steps the reader's role may take now (the API's `allowedActions`), each as a button or a small form. */
export function TransferActions({
  transfer,
  user,
  runner,
}: {
  transfer: TransferDetail;
  user: User;
  runner: ActionRunner;
}) {
  const { t, label } = useI18n();
  const step = useTransferStep(transfer.transferId, runner);
  const actions = transfer.allowedActions;
  // Repatriation starts a new transfer rather than moving this one, so it is not among allowedActions.
  const repatriable = useRepatriable(transfer);
  if (actions.length === 0 && !repatriable) {
    return <p className="custodia-empty">{t('transfer.noActions', { role: label('role', user.role) })}</p>;
  }
  const simple = actions.flatMap((a) => {
    const action = oneClick(a);
    return action ? [{ action, screening: a.screening }] : [];
  });
  const other = actions.filter((a) => oneClick(a) === null);
  return (
    <div className="custodia-actions">
      <p className="custodia-note-text margin-top-0">
        {t('transfer.actionsIntro', { role: label('role', user.role) })}
      </p>
      {simple.length > 0 && (
        <ul className="usa-button-group">
          {simple.map((a) => (
            <li key={a.action} className="usa-button-group__item">
              <RunButton
                runner={runner}
                runKey={a.action}
                onClick={() => step(a.action, { action: a.action })}
              >
                {label('transferAction', a.action)}
              </RunButton>
              {a.screening !== 'none' && (
                <span className="custodia-action-note">{label('actionScreening', a.screening)}</span>
              )}
            </li>
          ))}
        </ul>
      )}
      {other.map((a) => (
        <OtherAction key={a.action} action={a} transfer={transfer} runner={runner} />
      ))}
      {repatriable && (
        <RepatriationForm
          transferId={transfer.transferId}
          nationalities={transfer.person?.nationalities ?? []}
          runner={runner}
        />
      )}
    </div>
  );
}

/** A step that needs more than a click: a reason, a court order, a manifest, or a legal hold. */
function OtherAction({
  action,
  transfer,
  runner,
}: {
  action: AllowedAction;
  transfer: TransferDetail;
  runner: ActionRunner;
}) {
  const { t, label } = useI18n();
  const person = transfer.person;
  if (action.via === 'transfer' && (action.action === 'reject' || action.action === 'cancel')) {
    return (
      <ReasonForm
        action={action.action}
        reasonCodes={action.reasonCodes}
        transferId={transfer.transferId}
        runner={runner}
      />
    );
  }
  if (action.action === 'order_return')
    return <ReturnForm transferId={transfer.transferId} runner={runner} />;
  if (action.via === 'manifest') {
    if (transfer.manifestId) {
      return (
        <ActionBox title={label('transferAction', action.action)}>
          <p className="margin-y-1">{label('manifestStep', action.action)}</p>
          <Link
            href={`/manifests/${encodeURIComponent(transfer.manifestId)}`}
            className="usa-button usa-button--outline"
          >
            {t('transfer.openManifest')}
          </Link>
        </ActionBox>
      );
    }
    return action.action === 'schedule' ? (
      <AddToManifest
        transferId={transfer.transferId}
        direction={transfer.direction}
        country={transfer.country ?? null}
        runner={runner}
      />
    ) : (
      <p className="custodia-empty">{label('manifestStep', action.action)}</p>
    );
  }
  if (action.via === 'holds' && action.action === 'hold' && person) {
    return <HoldForm personId={person.id} runner={runner} />;
  }
  if (action.via === 'holds' && action.action === 'lift_hold' && person) {
    return <LiftHolds personId={person.id} holds={person.holds} runner={runner} />;
  }
  return null;
}
