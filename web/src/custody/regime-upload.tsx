import { type FormEvent, useId, useRef, useState } from 'react';
import { FieldGroup } from '../components/fields.tsx';
import { ScrollRegion } from '../components/scroll-region.tsx';
import { Section } from '../components/section.tsx';
import { useI18n } from '../language.tsx';
import { type CsvIssue, parseRegimeCsv, REGIME_COLUMNS, REGIME_MAX_ENTRIES } from './api.ts';
import { UploadProgress } from './regime-upload-result.tsx';
import { CHUNK, IDLE, type LineIssue, sendEntries, type UploadState } from './regime-upload-state.ts';
import './regime-upload.css';

/**
 * Uploads a regime CSV. All or nothing: the whole file goes in ONE request, which the server records in one
 * transaction or not at all (so a file takes at most 20,000 entries). Otherwise the entries go in requests
 * of 2,000 with a progress bar; each request records its good entries, and every refused entry is listed
 * with its line in the file.
 */
export function BulkUpload({ id, onDone }: { id: string; onDone: () => void }) {
  const { t, fmt } = useI18n();
  const formId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [allOrNothing, setAllOrNothing] = useState(true);
  const [missing, setMissing] = useState(false);
  const [state, setState] = useState<UploadState>(IDLE);
  const stop = useRef(false);
  const busy = state.phase === 'reading' || state.phase === 'sending';

  /** A problem with the whole file, said at line 1. */
  const bad = (message: string): LineIssue => ({
    line: 1,
    field: t('regime.upload.file'),
    message,
    server: false,
  });
  /** A problem the page found in the file, in the reader's language. */
  const said = (issue: CsvIssue): LineIssue => ({
    line: issue.line,
    field:
      issue.field === '(header)'
        ? t('regime.upload.header')
        : issue.field === '(line)'
          ? t('regime.upload.lineField')
          : issue.field,
    message: t(`regime.upload.${issue.code}`, issue.params),
    server: false,
  });

  const upload = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setMissing(true);
      return;
    }
    setMissing(false);
    stop.current = false;
    const base: UploadState = { ...IDLE, phase: 'reading', file: file.name, allOrNothing };
    setState(base);
    const parsed = parseRegimeCsv(await file.text());
    if (parsed.headerIssues.length > 0) {
      setState({ ...base, phase: 'done', issues: parsed.headerIssues.map(said), nothingRecorded: true });
      return;
    }
    const total = parsed.entries.length;
    const local = parsed.issues.map(said);
    if (total === 0 && local.length === 0) {
      setState({ ...base, phase: 'done', issues: [bad(t('regime.upload.empty'))], nothingRecorded: true });
      return;
    }
    if (allOrNothing && local.length > 0) {
      // Nothing is sent: the server would record the other rows, and all or nothing means none of them.
      setState({ ...base, phase: 'done', total, issues: local, nothingRecorded: true });
      return;
    }
    if (allOrNothing && total > REGIME_MAX_ENTRIES) {
      const tooBig = t('regime.upload.tooBig', { n: fmt.number(total), max: fmt.number(REGIME_MAX_ENTRIES) });
      setState({ ...base, phase: 'done', total, issues: [bad(tooBig)], nothingRecorded: true });
      return;
    }
    const sending: UploadState = { ...base, phase: 'sending', total, issues: [...local] };
    setState(sending);
    const final = await sendEntries(id, parsed.entries, sending, setState, () => stop.current);
    setState(final);
    if (final.recorded > 0) onDone();
  };

  return (
    <Section title={t('regime.upload.title')} className="custodia-regime-upload">
      <p className="margin-top-0">{t('regime.upload.intro')}</p>
      <p className="margin-bottom-1">{t('regime.upload.columns')}</p>
      <ScrollRegion label={t('regime.upload.example')}>
        <pre className="custodia-note custodia-csv-example">
          <code>
            {REGIME_COLUMNS.join(',')}
            {'\n'}M1-C01,2025-04-01,30,0,12,no,,3,0,0,0,no,"{t('regime.upload.exampleNote')}"
          </code>
        </pre>
      </ScrollRegion>
      <ul className="custodia-plain-list custodia-upload-rules">
        <li>{t('regime.upload.ruleEmpty')}</li>
        <li>{t('regime.upload.ruleBoolean')}</li>
        <li>{t('regime.upload.ruleCorrection')}</li>
      </ul>
      <form className="usa-form usa-form--large" onSubmit={upload} noValidate>
        <FieldGroup
          id={`${formId}-file`}
          label={t('regime.upload.file')}
          hint={t('regime.upload.fileHint')}
          error={missing ? t('regime.upload.fileMissing') : undefined}
        >
          <input
            ref={fileRef}
            className="usa-input custodia-file"
            id={`${formId}-file`}
            type="file"
            accept=".csv,text/csv"
            aria-describedby={`${formId}-file-hint${missing ? ` ${formId}-file-error` : ''}`}
            aria-invalid={missing || undefined}
            disabled={busy}
          />
        </FieldGroup>
        <div className="usa-checkbox margin-top-2">
          <input
            className="usa-checkbox__input"
            id={`${formId}-all`}
            type="checkbox"
            checked={allOrNothing}
            onChange={(event) => setAllOrNothing(event.target.checked)}
            disabled={busy}
            aria-describedby={`${formId}-all-hint`}
          />
          <label className="usa-checkbox__label" htmlFor={`${formId}-all`}>
            {t('regime.upload.allOrNothing')}
          </label>
        </div>
        <p className="usa-hint margin-top-1" id={`${formId}-all-hint`}>
          {allOrNothing
            ? t('regime.upload.allOrNothingHint', { max: fmt.number(REGIME_MAX_ENTRIES) })
            : t('regime.upload.chunkedHint', { n: fmt.number(CHUNK) })}
        </p>
        <div className="custodia-row-actions margin-top-2">
          <button type="submit" className="usa-button" aria-disabled={busy || undefined}>
            {busy ? t('action.working') : t('regime.upload.submit')}
          </button>
          {busy && !state.allOrNothing && (
            <button
              type="button"
              className="usa-button usa-button--outline"
              onClick={() => {
                stop.current = true;
              }}
            >
              {t('regime.upload.stop')}
            </button>
          )}
        </div>
      </form>
      <UploadProgress state={state} />
    </Section>
  );
}
