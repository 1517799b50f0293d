import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AccessProvider } from '../access.tsx';
import { json, posted } from '../test-support/fetch.ts';
import { renderIn } from '../test-support/render.tsx';
import { CounselHome } from './counsel-home.tsx';

const REP = {
  personId: 'p1',
  personRef: 'ICE-1',
  agreementId: 'a1',
  officeId: 'o1',
  officeCode: 'Abogados Unidos',
  to: null,
  source: 'recorded',
};
const REPS = [
  { ...REP, id: 'r1', from: '2025-03-01', confirmedAt: '2025-03-01T10:00:00Z' },
  {
    ...REP,
    id: 'r2',
    personId: 'p2',
    personRef: 'ICE-2',
    from: '2025-03-10',
    source: 'appearance',
    confirmedAt: null,
  },
];
const HELD = {
  id: 'p1',
  ref: 'ICE-1',
  names: { given: 'José Luis', paternal: 'Hernández', maternal: null },
  custody: {
    status: 'in_custody',
    facility: { id: 'f1', code: 'SV-CECOT', name: 'CECOT' },
    since: '2025-03-16T02:00:00Z',
    cell: 'M2-C14',
  },
};

function serve() {
  return vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = new URL(String(input), 'http://localhost');
    if (url.pathname === '/api/v1/representations/own') return json({ items: REPS });
    if (url.pathname === '/api/v1/people' && url.searchParams.get('agreement') === 'a1') {
      return json({ items: [HELD], nextCursor: null, total: 1 });
    }
    if (url.pathname === '/api/v1/representations/appearances' && init?.method === 'POST') {
      return json({ ...REP, id: 'r3', ...JSON.parse(String(init.body)), confirmedAt: null }, 201);
    }
    return json({ title: 'Not found', status: 404 }, 404);
  });
}

const WORDS = {
  en: {
    clients: 'Your clients and their custody status',
    pending: 'Notices of appearance awaiting confirmation',
    inCustody: 'In custody',
    ledgerLink: 'Entries and proofs of ICE-1',
    ref: 'Person’s reference',
    agreement: 'Agreement',
    from: 'Represented from',
    submit: 'File notice of appearance',
    refRequired: 'Enter the person’s reference.',
    agreementRequired: 'Enter the agreement.',
    fromRequired: 'Enter the date your office represents the person from, as YYYY-MM-DD.',
    filed: 'Your notice of appearance for ICE-9 is filed; sending legal will confirm it.',
    maySee: 'What you may see',
    fileWords: 'file a notice of appearance',
  },
  es: {
    clients: 'Sus clientes y su situación de custodia',
    pending: 'Escritos de personación pendientes de confirmación',
    inCustody: 'En custodia',
    ledgerLink: 'Entradas y pruebas de ICE-1',
    ref: 'Referencia de la persona',
    agreement: 'Acuerdo',
    from: 'Representada desde',
    submit: 'Presentar escrito de personación',
    refRequired: 'Escriba la referencia de la persona.',
    agreementRequired: 'Escriba el acuerdo.',
    fromRequired: 'Escriba la fecha desde la que su despacho representa a la persona, como AAAA-MM-DD.',
    filed:
      'Su escrito de personación para ICE-9 está presentado; la asesoría jurídica del Estado remitente lo confirmará.',
    maySee: 'Lo que puede ver',
    fileWords: 'presentar un escrito de personación',
  },
} as const;

function home(lang: 'en' | 'es') {
  return renderIn(
    <AccessProvider
      actions={['people:read', 'ledger:read', 'dashboard:read', 'representation:file']}
      userRole="counsel"
    >
      <CounselHome today="2025-03-20" />
    </AccessProvider>,
    lang,
  );
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe.each(['en', 'es'] as const)('the counsel home (%s)', (lang) => {
  const w = WORDS[lang];

  it('shows their clients with custody status but never the cell, and the pending notices', async () => {
    serve();
    const { container } = home(lang);
    const clients = await screen.findByRole('table', { name: w.clients });
    expect(within(clients).getByText('ICE-1')).toBeTruthy();
    expect(within(clients).getByText(w.inCustody)).toBeTruthy();
    expect(within(clients).getByRole('link', { name: w.ledgerLink }).getAttribute('href')).toBe(
      '/people/p1#ledger',
    );
    expect(container.textContent).not.toContain('M2-C14');
    const pending = screen.getByRole('table', { name: w.pending });
    expect(within(pending).getByText('ICE-2')).toBeTruthy();
    expect(within(pending).queryByText('ICE-1')).toBeNull();
    const maySee = screen.getByRole('region', { name: w.maySee });
    expect(maySee.textContent).toContain(w.fileWords);
  });

  it('refuses a notice with missing fields, sending nothing, then files one', async () => {
    const fetch = serve();
    const user = userEvent.setup();
    home(lang);
    await screen.findByRole('table', { name: w.clients });
    await user.click(screen.getByRole('button', { name: w.submit }));
    expect(screen.getByText(w.refRequired)).toBeTruthy();
    expect(screen.getByText(w.agreementRequired)).toBeTruthy();
    expect(screen.getByText(w.fromRequired)).toBeTruthy();
    expect(screen.getByLabelText(w.ref).getAttribute('aria-describedby')).toContain('error');
    expect(posted(fetch)).toEqual([]);
    await user.type(screen.getByLabelText(w.ref), 'ICE-9');
    await user.type(screen.getByLabelText(w.agreement), 'US-SV-2025');
    await user.type(screen.getByLabelText(w.from), '2025-03-18');
    await user.click(screen.getByRole('button', { name: w.submit }));
    expect(await screen.findByText(w.filed)).toBeTruthy();
    expect(posted(fetch)).toEqual([{ ref: 'ICE-9', agreement: 'US-SV-2025', from: '2025-03-18' }]);
  });

  it("lists their clients' references alone, and asks for no record, while the role may not read people", async () => {
    const fetch = serve();
    renderIn(
      <AccessProvider actions={['representation:file']} userRole="counsel">
        <CounselHome today="2025-03-20" />
      </AccessProvider>,
      lang,
    );
    expect(await screen.findByText('ICE-1')).toBeTruthy();
    expect(screen.queryByRole('table', { name: w.clients })).toBeNull();
    expect(fetch.mock.calls.map(([path]) => String(path))).not.toContainEqual(
      expect.stringContaining('/api/v1/people'),
    );
  });
});
