import { lazy } from 'react';
import { useCan } from '../access.tsx';
import { DashboardPage } from './dashboard-page.tsx';
import { WhatYouMaySee } from './what-you-may-see.tsx';

const CounselHome = lazy(() =>
  import('../counsel/counsel-home.tsx').then((m) => ({ default: m.CounselHome })),
);
const HoldLookup = lazy(() =>
  import('../transfers/hold-lookup.tsx').then((m) => ({ default: m.HoldLookup })),
);
const CourtDayLink = lazy(() =>
  import('../hearings/court-day-link.tsx').then((m) => ({ default: m.CourtDayLink })),
);
const FamilyPage = lazy(() => import('../family/family-page.tsx').then((m) => ({ default: m.FamilyPage })));

/**
 * Each role's home, chosen by what the session allows (never by role name): a family contact lands on
 * where their person is, counsel on their clients, everyone else on the dashboard; each says what the
 * role may see. Whoever records holds (a court, sending legal) finds the person a hold is for from there.
 */
export function HomePage() {
  const can = useCan();
  if (can('family:read')) return <FamilyPage />;
  if (can('representation:file')) return <CounselHome />;
  return (
    <>
      <DashboardPage />
      {can('holds:record') && <HoldLookup />}
      {can('hearings:write') && <CourtDayLink />}
      <WhatYouMaySee />
    </>
  );
}
