import { useState } from 'react';
import { ActionFeedback, type ActionRunner, useAction } from '../components/action-feedback.tsx';
import { Section } from '../components/section.tsx';
import { useI18n } from '../language.tsx';
import { Link } from '../router.tsx';
import { type BillingDocument, type InvoiceDetail, invoicePage } from './api.ts';
import { documentName } from './billing-words.ts';
import { CreditNoteForm } from './credit-note-form.tsx';
import { IssueForm } from './issue-form.tsx';
import { PaymentForm } from './payment-form.tsx';

/** Finance's actions on a document: issue a draft, record a payment, draft a credit note. */
export function FinanceActions({
  doc,
  name,
  open,
  onChanged,
}: {
  doc: InvoiceDetail;
  name: string;
  /** An issued invoice with something still owed: it takes payments and credit notes. */
  open: boolean;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const action = useAction(onChanged);
  // A refusal often means the document changed under the reader (another payment, an issue): the figures
  // are fetched again so that the forms work from what is owed now.
  const runner: ActionRunner = {
    ...action,
    run: async (key, call, success) => {
      const ok = await action.run(key, call, success);
      if (!ok) onChanged();
      return ok;
    },
  };
  const [credit, setCredit] = useState<BillingDocument | null>(null);
  const canCredit = open && doc.balanceCents > 0;
  if (doc.status !== 'draft' && !open && !runner.state.done && !runner.state.error) return null;
  return (
    <Section title={t('invoice.actions')} className="custodia-invoice-actions">
      <ActionFeedback state={runner.state} />
      {credit && runner.state.done && (
        <p className="margin-top-0">
          <Link href={invoicePage(credit.number)} className="usa-link text-bold">
            {t('credit.open', { name: documentName(t, credit.kind, credit.number) })}
          </Link>
        </p>
      )}
      {doc.status === 'draft' && <IssueForm doc={doc} name={name} runner={runner} />}
      {open && (
        <div className="custodia-invoice-forms">
          <PaymentForm doc={doc} runner={runner} />
          {canCredit && <CreditNoteForm doc={doc} runner={runner} onCreated={setCredit} />}
        </div>
      )}
    </Section>
  );
}
