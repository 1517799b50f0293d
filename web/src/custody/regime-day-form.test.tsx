import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderIn } from '../test-support/render.tsx';
import { A_FACILITY, fakeApi } from './fake-api.ts';
import { RecordDay } from './regime-day-form.tsx';

afterEach(() => {
  vi.restoreAllMocks();
});

const WORDS = {
  en: {
    cell: 'Cell',
    water: 'Drinking water per person, in litres',
    submit: 'Record the regime log',
    summary: 'Correct the fields marked below.',
    cellMissing: 'Give at least one cell code, e.g. M1-C01.',
    notNumber: 'Give a number, or leave the field empty if it was not measured.',
  },
  es: {
    cell: 'Celda',
    water: 'Agua potable por persona, en litros',
    submit: 'Registrar el régimen',
    summary: 'Corrija los campos señalados abajo.',
    cellMissing: 'Indique al menos un código de celda, p. ej. M1-C01.',
    notNumber: 'Indique un número, o deje el campo vacío si no se midió.',
  },
} as const;

const render = (lang: 'en' | 'es', onRecorded = () => {}) =>
  renderIn(
    <RecordDay id="SV-CECOT" facility={A_FACILITY} today="2025-12-31" onRecorded={onRecorded} />,
    lang,
  );

describe('the regime day form', () => {
  it.each(['en', 'es'] as const)(
    'refuses no cell and a value that is not a number, at their fields, and sends nothing (%s)',
    async (lang) => {
      const sent = fakeApi(() => undefined);
      render(lang);
      const words = WORDS[lang];
      await userEvent.type(screen.getByLabelText(words.water), 'plenty');
      await userEvent.click(screen.getByRole('button', { name: words.submit }));
      expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual([
        words.summary,
        words.cellMissing,
        words.notNumber,
      ]);
      const cell = screen.getByLabelText(words.cell, { exact: true });
      expect(cell.getAttribute('aria-invalid')).toBe('true');
      expect(cell.getAttribute('aria-describedby')).toMatch(/-cell-hint .*-cell-error$/);
      expect(screen.getByLabelText(words.water).getAttribute('aria-invalid')).toBe('true');
      expect(sent).toEqual([]);
    },
  );

  it('sends the cells typed as one all-or-nothing batch, an empty field as not measured', async () => {
    const sent = fakeApi(() => ({
      status: 201,
      body: { facility: 'SV-CECOT', rows: 2, recorded: 2, rejected: [], rolledBack: false },
    }));
    const recorded = vi.fn();
    render('en', recorded);
    await userEvent.type(screen.getByLabelText('Cell', { exact: true }), 'm1-c01, M1-C02');
    await userEvent.type(screen.getByLabelText(WORDS.en.water), '2,5');
    await userEvent.click(screen.getByRole('button', { name: WORDS.en.submit }));
    expect(await screen.findByText('Recorded 2 entries: M1-C01 and M1-C02 on Dec 31, 2025.')).toBeTruthy();
    expect(sent).toHaveLength(1);
    expect(sent[0]?.body).toMatchObject({
      allOrNothing: true,
      entries: [
        { cell: 'M1-C01', date: '2025-12-31', drinkingWaterLitresPerPerson: 2.5, minutesOutOfCell: null },
        { cell: 'M1-C02', date: '2025-12-31', drinkingWaterLitresPerPerson: 2.5, beddingProvided: null },
      ],
    });
    expect(recorded).toHaveBeenCalledWith('2025-12-31');
  });

  it("shows the server's refusal next to its field, in English, naming the cells", async () => {
    fakeApi(() => ({
      status: 422,
      body: {
        facility: 'SV-CECOT',
        rows: 2,
        recorded: 0,
        rejected: [1, 2].map((line) => ({
          line,
          issues: [
            { field: 'minutesOutOfCell', line, message: 'minutesOutOfCell cannot exceed 1440 (a day)' },
          ],
        })),
        rolledBack: true,
      },
    }));
    render('es');
    await userEvent.type(screen.getByLabelText('Celda', { exact: true }), 'M1-C01 M1-C02');
    await userEvent.type(screen.getByLabelText('Minutos fuera de la celda'), '2000');
    await userEvent.click(screen.getByRole('button', { name: WORDS.es.submit }));
    const refusal = await screen.findByText('M1-C01, M1-C02: minutesOutOfCell cannot exceed 1440 (a day)');
    expect(refusal.getAttribute('lang')).toBe('en');
    expect(screen.getByLabelText('Minutos fuera de la celda').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getAllByRole('alert')[0]?.textContent).toContain('el servidor rechazó 2 entradas');
  });
});
