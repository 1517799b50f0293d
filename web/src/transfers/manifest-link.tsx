import type { ReactNode } from 'react';
import { useCan } from '../access.tsx';
import { useI18n } from '../language.tsx';
import { Link } from '../router.tsx';

/**
 * A link to a transfer's flight manifest for a reader who may read manifests; anyone else (counsel, a
 * court) learns only that the transfer is on one, since the manifest names every other person aboard.
 */
export function ManifestLink({ manifestId, children }: { manifestId: string; children: ReactNode }) {
  const can = useCan();
  const { t } = useI18n();
  if (!can('manifests:read')) return <>{t('transfer.onManifest')}</>;
  return (
    <Link href={`/manifests/${encodeURIComponent(manifestId)}`} className="usa-link">
      {children}
    </Link>
  );
}
