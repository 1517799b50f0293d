import { useId } from 'react';
import { useErrorText } from '../components/load-status.tsx';
import { useI18n } from '../language.tsx';
import type { UploadState } from './regime-upload-state.ts';

/** Problems listed at once; the rest are counted. */
const ISSUES_SHOWN = 200;

/** The upload's progress while it runs, then what it recorded and every problem by line of the file. */
export function UploadProgress({ state }: { state: UploadState }) {
  const { t, fmt } = useI18n();
  const errorText = useErrorText();
  const id = useId();
  if (state.phase === 'idle') return null;
  const sending = state.phase === 'sending' || state.phase === 'reading';
  const refusedLines = new Set(state.issues.map((i) => i.line)).size;
  const progressText =
    state.phase === 'reading'
      ? t('regime.upload.reading', { file: state.file })
      : state.allOrNothing
        ? t('regime.upload.sendingAll', { n: fmt.number(state.total) })
        : t('regime.upload.progress', { sent: fmt.number(state.sent), total: fmt.number(state.total) });
  return (
    <div className="custodia-upload-result" data-phase={state.phase}>
      {sending && (
        <div className="custodia-progress">
          <label htmlFor={`${id}-progress`}>{progressText}</label>
          {state.allOrNothing || state.phase === 'reading' ? (
            <progress id={`${id}-progress`} />
          ) : (
            <progress id={`${id}-progress`} max={state.total} value={state.sent} />
          )}
        </div>
      )}
      <div role="status" aria-live="polite">
        {!sending && (
          <div
            className={`usa-alert usa-alert--slim custodia-feedback ${
              state.issues.length === 0 && !state.error && state.phase === 'done'
                ? 'usa-alert--success'
                : state.recorded > 0
                  ? 'usa-alert--warning'
                  : 'usa-alert--error'
            }`}
          >
            <div className="usa-alert__body">
              <h3 className="usa-alert__heading">
                {state.recorded > 0
                  ? t(
                      state.recorded === 1
                        ? 'regime.upload.recordedHeadingOne'
                        : 'regime.upload.recordedHeading',
                      {
                        n: fmt.number(state.recorded),
                        file: state.file,
                      },
                    )
                  : t('regime.upload.nothingHeading', { file: state.file })}
              </h3>
              <p className="usa-alert__text">
                {t('regime.upload.summary', {
                  recorded: fmt.number(state.recorded),
                  refused: fmt.number(refusedLines),
                })}{' '}
                {state.nothingRecorded && state.issues.length > 0 && t('regime.upload.nothingRecorded')}
                {state.phase === 'stopped' &&
                  state.stoppedAt !== null &&
                  ` ${t('regime.upload.stoppedAt', { line: state.stoppedAt })}`}
              </p>
              {state.error && (
                <p className="usa-alert__text" lang={state.error.status === 0 ? undefined : 'en'}>
                  {errorText(state.error)}
                </p>
              )}
            </div>
          </div>
        )}
      </div>
      {!sending && state.issues.length > 0 && (
        <div className="usa-table-container--scrollable">
          <table className="usa-table usa-table--borderless usa-table--compact custodia-table custodia-upload-issues">
            <caption>
              {t('regime.upload.issuesCaption', { n: fmt.number(state.issues.length) })}
              {state.issues.length > ISSUES_SHOWN && (
                <span className="custodia-caption-page">
                  {' '}
                  {t('regime.upload.issuesFirst', { n: fmt.number(ISSUES_SHOWN) })}
                </span>
              )}
            </caption>
            <thead>
              <tr>
                <th scope="col" className="text-right">
                  {t('regime.upload.line')}
                </th>
                <th scope="col">{t('regime.upload.field')}</th>
                <th scope="col">{t('regime.upload.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {state.issues.slice(0, ISSUES_SHOWN).map((issue) => (
                <tr key={`${issue.line}|${issue.field}|${issue.message}`} data-line={issue.line}>
                  <th scope="row" className="text-right text-tabular">
                    {fmt.number(issue.line)}
                  </th>
                  <td className="custodia-mono">{issue.field}</td>
                  <td lang={issue.server ? 'en' : undefined}>{issue.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
