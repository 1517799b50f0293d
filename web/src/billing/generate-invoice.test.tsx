import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderIn } from '../test-support/render.tsx';
import { GenerateInvoice } from './generate-invoice.tsx';

const WORDS = {
  en: { month: 'Month', generate: 'Generate invoice', invalid: 'Enter a month as YYYY-MM, e.g. 2025-04.' },
  es: { month: 'Mes', generate: 'Generar factura', invalid: 'Indique un mes como AAAA-MM, p. ej. 2025-04.' },
} as const;

afterEach(() => {
  vi.restoreAllMocks();
});

describe.each(['en', 'es'] as const)('the form that generates a month (%s)', (lang) => {
  const w = WORDS[lang];

  it('refuses a month that is not YYYY-MM, and sends nothing', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch');
    renderIn(<GenerateInvoice agreements={[]} initial={null} onGenerated={() => {}} />, lang);
    const month = screen.getByLabelText(w.month);
    fireEvent.change(month, { target: { value: '' } });
    await userEvent.click(screen.getByRole('button', { name: w.generate }));
    expect(screen.getByRole('alert').textContent).toBe(w.invalid);
    expect(month.getAttribute('aria-invalid')).toBe('true');
    expect(month.getAttribute('aria-describedby')).toContain(`${month.id}-error`);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('sends the agreement and the month', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch').mockImplementation(
      async () =>
        new Response(
          JSON.stringify({
            action: 'unchanged',
            month: '2025-04',
            documents: [],
            bill: { totalDays: 0, totalCents: 0, lines: 0 },
          }),
          { status: 200 },
        ),
    );
    renderIn(<GenerateInvoice agreements={[]} initial="cecot-2025" onGenerated={() => {}} />, lang);
    fireEvent.change(screen.getByLabelText(w.month), { target: { value: '2025-04' } });
    await userEvent.click(screen.getByRole('button', { name: w.generate }));
    const [path, init] = fetch.mock.calls[0] ?? [];
    expect(path).toBe('/api/v1/invoices/generate');
    expect(JSON.parse(String(init?.body))).toEqual({ agreement: 'cecot-2025', month: '2025-04' });
  });
});
