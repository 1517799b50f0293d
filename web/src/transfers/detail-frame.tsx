import type { ReactNode } from 'react';
import { DetailLoadError, LiveStatus } from '../components/load-status.tsx';
import { useI18n } from '../language.tsx';
import { Link } from '../router.tsx';
import type { Loadable } from '../use-api.ts';

/**
 * A detail page around its record: the link back to its list, then while the record loads or when it
 * failed the page's title with the loading status or the failure (not found, not allowed, or retry), and
 * once loaded the record as `children` draws it (with its own heading).
 */
export function DetailFrame<T>({
  state,
  reload,
  backHref,
  backText,
  title,
  notFoundText,
  children,
}: {
  state: Loadable<T>;
  reload: () => void;
  backHref: string;
  backText: string;
  title: string;
  notFoundText: string;
  children: (data: T) => ReactNode;
}) {
  const { t } = useI18n();
  return (
    <>
      <p className="margin-top-0">
        <Link href={backHref} className="usa-link">
          ← {backText}
        </Link>
      </p>
      {state.status !== 'ok' && <h1>{title}</h1>}
      <LiveStatus text={state.status === 'loading' ? t('app.loading') : ''} />
      {state.status === 'error' && (
        <DetailLoadError error={state.error} onRetry={reload} notFoundText={notFoundText} />
      )}
      {state.status === 'ok' && children(state.data)}
    </>
  );
}
