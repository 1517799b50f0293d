import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AccessProvider } from '../access.tsx';
import { renderIn } from '../test-support/render.tsx';
import { AllocationPage } from './allocation-page.tsx';
import type { AllocationReport, CheckedConstraint } from './api.ts';

/** A plan that houses two people in CECOT, whose checks hold unless `ok` is false. */
function aPlan(ok: boolean): AllocationReport {
  // Only the working capacity fails, by one person too many in the one cell.
  const holds = { ok: true, violations: 0 };
  const constraints: Record<CheckedConstraint, { ok: boolean; violations: number }> = {
    working_capacity: ok ? holds : { ok: false, violations: 1 },
    sex_separation: holds,
    rival_organisations: holds,
    co_defendants: holds,
    separate_from_local: holds,
    active_cell: holds,
    placed_once: holds,
    known_cell: holds,
  };
  return {
    facility: { id: 'facility-1', code: 'SV-CECOT' },
    mode: 'new',
    applied: false,
    placements: [
      { ref: 'P-1', personId: 'person-1', name: 'A. B.', cell: 'M1-001', module: 'M1', moved: false },
      { ref: 'P-2', personId: 'person-2', name: 'C. D.', cell: 'M1-001', module: 'M1', moved: false },
    ],
    unplaced: [],
    checks: {
      ok,
      cellsChecked: 1,
      peopleChecked: 2,
      constraints,
      violations: ok
        ? []
        : [{ constraint: 'working_capacity', cell: 'M1-001', people: ['P-2'], detail: '2 > 1' }],
    },
    evenness: { maxRatio: 1, minRatio: 1, modulesOpened: 1 },
    rules: { rivalries: [], separateFromLocal: false },
  };
}

const WORDS = {
  en: {
    apply: 'Apply placements',
    cannot: 'This plan breaks a hard constraint, so it cannot be applied.',
    applied: 'Placements applied: 2 people housed.',
  },
  es: {
    apply: 'Aplicar las asignaciones',
    cannot: 'Este plan incumple una restricción estricta, así que no puede aplicarse.',
    applied: 'Asignaciones aplicadas: 2 personas alojadas.',
  },
} as const;

/** Answers the plan for a GET of the allocation and for its POST; the facility is not found. */
function serve(plan: AllocationReport) {
  return vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
    const path = String(input);
    if (path.includes('/allocation')) return new Response(JSON.stringify(plan), { status: 200 });
    return new Response(JSON.stringify({ title: 'Not Found', status: 404 }), { status: 404 });
  });
}

function posts(fetch: ReturnType<typeof serve>) {
  return fetch.mock.calls.filter(([, init]) => init?.method === 'POST');
}

function renderPage(lang: 'en' | 'es') {
  return renderIn(
    <AccessProvider actions={['housing:allocate']}>
      <AllocationPage id="SV-CECOT" />
    </AccessProvider>,
    lang,
  );
}

beforeEach(() => {
  window.history.replaceState(null, '', '/facilities/SV-CECOT/allocation');
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe.each(['en', 'es'] as const)('applying an allocation (%s)', (lang) => {
  const w = WORDS[lang];

  it('refuses a plan that breaks a hard constraint: the button is disabled, says why, and sends nothing', async () => {
    const fetch = serve(aPlan(false));
    renderPage(lang);
    const apply = await screen.findByRole('button', { name: w.apply });
    expect(apply).toHaveProperty('disabled', true);
    expect(screen.getByText(w.cannot)).toBeTruthy();
    await userEvent.click(apply);
    expect(posts(fetch)).toHaveLength(0);
  });

  it('applies a plan whose checks hold, and says how many were housed', async () => {
    const fetch = serve(aPlan(true));
    renderPage(lang);
    await userEvent.click(await screen.findByRole('button', { name: w.apply }));
    expect(await screen.findByText(w.applied)).toBeTruthy();
    const [post, ...more] = posts(fetch);
    expect(more).toHaveLength(0);
    expect(post?.[0]).toBe('/api/v1/facilities/SV-CECOT/allocation');
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({ all: false });
  });
});
