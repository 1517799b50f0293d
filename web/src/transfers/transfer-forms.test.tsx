import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderIn } from '../test-support/render.tsx';
import { HoldForm } from './hold-form.tsx';
import { ReasonForm } from './reason-form.tsx';
import { ReturnForm } from './return-form.tsx';
import { alerts, mockApi, respond, WithRunner, writes } from './test-fixtures.tsx';

afterEach(() => {
  vi.restoreAllMocks();
});

function renderHoldForm(lang: 'en' | 'es' = 'en') {
  renderIn(<WithRunner>{(runner) => <HoldForm personId="p-1" runner={runner} />}</WithRunner>, lang);
}

describe('the legal hold form', () => {
  it('refuses a hold without its court and case, says which, and sends nothing', async () => {
    const sent = mockApi(() => respond(500, {}));
    renderHoldForm();
    await userEvent.click(screen.getByRole('button', { name: 'Record a legal hold' }));
    expect(alerts()).toEqual([
      'Give the court, the case and the issue date.',
      'Give the court.',
      'Give the case number.',
    ]);
    const court = screen.getByLabelText('Court');
    expect(court.getAttribute('aria-invalid')).toBe('true');
    expect(court.getAttribute('aria-describedby')).toBe(`${court.id}-error`);
    expect(writes(sent)).toEqual([]);
  });

  it('refuses it in Spanish', async () => {
    const sent = mockApi(() => respond(500, {}));
    renderHoldForm('es');
    await userEvent.click(screen.getByRole('button', { name: 'Registrar una orden judicial' }));
    expect(alerts()).toEqual([
      'Indique el tribunal, la causa y la fecha de emisión.',
      'Indique el tribunal.',
      'Indique el número de causa.',
    ]);
    expect(writes(sent)).toEqual([]);
  });

  it('refuses a hold without its issue date', async () => {
    const sent = mockApi(() => respond(500, {}));
    renderHoldForm();
    await userEvent.type(screen.getByLabelText('Court'), 'D.D.C.');
    await userEvent.type(screen.getByLabelText('Case'), '1:26-cv-1');
    fireEvent.change(screen.getByLabelText('Issued'), { target: { value: '' } });
    await userEvent.click(screen.getByRole('button', { name: 'Record a legal hold' }));
    expect(alerts()).toEqual([
      'Give the court, the case and the issue date.',
      'Give the date the hold was issued.',
    ]);
    expect(writes(sent)).toEqual([]);
  });

  it('says the issue date is missing in Spanish', async () => {
    mockApi(() => respond(500, {}));
    renderHoldForm('es');
    await userEvent.type(screen.getByLabelText('Tribunal'), 'D.D.C.');
    await userEvent.type(screen.getByLabelText('Causa'), '1:26-cv-1');
    fireEvent.change(screen.getByLabelText('Emitida'), { target: { value: '' } });
    await userEvent.click(screen.getByRole('button', { name: 'Registrar una orden judicial' }));
    expect(alerts()).toContain('Indique la fecha en que se emitió la orden judicial.');
  });

  it('sends a complete hold and says how many transfers it put on hold', async () => {
    const sent = mockApi(() => respond(201, { holdId: 'h-1', transfersHeld: ['t-1'], alerts: [] }));
    renderHoldForm();
    await userEvent.selectOptions(screen.getByLabelText('Type of hold'), 'habeas_petition');
    await userEvent.type(screen.getByLabelText('Court'), ' D.D.C. ');
    await userEvent.type(screen.getByLabelText('Case'), '1:26-cv-1');
    fireEvent.change(screen.getByLabelText('Issued'), { target: { value: '2026-03-01' } });
    await userEvent.click(screen.getByRole('button', { name: 'Record a legal hold' }));
    await screen.findByText('Legal hold recorded. Transfers put on hold: 1.');
    expect(writes(sent)).toEqual([
      {
        method: 'POST',
        path: '/api/v1/people/p-1/holds',
        body: { type: 'habeas_petition', court: 'D.D.C.', case: '1:26-cv-1', issued: '2026-03-01' },
      },
    ]);
  });
});

const REASONS = [
  { code: 'duplicate', label: { en: 'duplicate transfer', es: 'traslado duplicado' } },
  { code: 'no_space', label: { en: 'no space within the bed allotment', es: 'sin plazas en el cupo' } },
];

describe('the reject and cancel form', () => {
  const render = (lang: 'en' | 'es') =>
    renderIn(
      <WithRunner>
        {(runner) => <ReasonForm action="reject" reasonCodes={REASONS} transferId="t-1" runner={runner} />}
      </WithRunner>,
      lang,
    );

  it('refuses a step without its reason and sends nothing', async () => {
    const sent = mockApi(() => respond(500, {}));
    render('en');
    await userEvent.click(screen.getByRole('button', { name: 'Reject' }));
    expect(alerts()).toEqual(['Choose the reason for this step.']);
    expect(screen.getByLabelText('Reason').getAttribute('aria-invalid')).toBe('true');
    expect(writes(sent)).toEqual([]);
  });

  it('refuses it in Spanish, listing the reasons in Spanish', async () => {
    const sent = mockApi(() => respond(500, {}));
    render('es');
    expect(screen.getByRole('option', { name: 'Traslado duplicado' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Rechazar' }));
    expect(alerts()).toEqual(['Elija el motivo de este paso.']);
    expect(writes(sent)).toEqual([]);
  });

  it('sends the step with the reason chosen', async () => {
    const sent = mockApi(() => respond(200, { transferId: 't-1', status: 'rejected' }));
    render('en');
    await userEvent.selectOptions(screen.getByLabelText('Reason'), 'duplicate');
    await userEvent.click(screen.getByRole('button', { name: 'Reject' }));
    await screen.findByText('Done. The transfer is now Rejected.');
    expect(writes(sent)).toEqual([
      {
        method: 'POST',
        path: '/api/v1/transfers/t-1/actions',
        body: { action: 'reject', reasonCode: 'duplicate' },
      },
    ]);
  });
});

describe('the court-ordered return form', () => {
  const render = (lang: 'en' | 'es') =>
    renderIn(<WithRunner>{(runner) => <ReturnForm transferId="t-1" runner={runner} />}</WithRunner>, lang);

  it('refuses an order without its court and case and sends nothing', async () => {
    const sent = mockApi(() => respond(500, {}));
    render('en');
    await userEvent.click(screen.getByRole('button', { name: 'Order the return' }));
    expect(alerts()).toEqual(['Give the court.', 'Give the case number.']);
    expect(writes(sent)).toEqual([]);
  });

  it('refuses it in Spanish', async () => {
    const sent = mockApi(() => respond(500, {}));
    render('es');
    await userEvent.type(screen.getByLabelText('Tribunal'), 'Juzgado 1');
    await userEvent.click(screen.getByRole('button', { name: 'Ordenar el retorno' }));
    expect(alerts()).toEqual(['Indique el número de causa.']);
    expect(writes(sent)).toEqual([]);
  });

  it('sends the court order', async () => {
    const sent = mockApi(() => respond(200, { transferId: 't-1', status: 'returned' }));
    render('en');
    await userEvent.type(screen.getByLabelText('Court'), 'Juzgado 1');
    await userEvent.type(screen.getByLabelText('Case'), 'R-7');
    await userEvent.click(screen.getByRole('button', { name: 'Order the return' }));
    await screen.findByText('Done. The transfer is now Returned.');
    expect(writes(sent)).toEqual([
      {
        method: 'POST',
        path: '/api/v1/transfers/t-1/actions',
        body: { action: 'order_return', courtOrder: { court: 'Juzgado 1', case: 'R-7' } },
      },
    ]);
  });
});
