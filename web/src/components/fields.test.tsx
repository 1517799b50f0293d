import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { DateField, NumberField, readWholeNumber, SelectField, TextAreaField, TextField } from './fields.tsx';

function Controlled({ error, hint }: { error?: string; hint?: string }) {
  const [value, setValue] = useState('');
  return <TextField id="name" label="Name" value={value} onChange={setValue} error={error} hint={hint} />;
}

describe('fields', () => {
  it('labels the control, and names its hint and error in aria-describedby', () => {
    render(<Controlled hint="As on the passport" error="Enter a name." />);
    const input = screen.getByLabelText('Name');
    expect(input).toHaveProperty('id', 'name');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe('name-hint name-error');
    expect(screen.getByRole('alert').textContent).toBe('Enter a name.');
    expect(input.closest('.usa-form-group')?.className).toContain('usa-form-group--error');
  });

  it('is not invalid and describes nothing without a hint or an error', () => {
    render(<Controlled />);
    const input = screen.getByLabelText('Name');
    expect(input.getAttribute('aria-invalid')).toBeNull();
    expect(input.getAttribute('aria-describedby')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('passes what is typed to onChange', async () => {
    render(<Controlled />);
    await userEvent.type(screen.getByLabelText('Name'), 'Ana');
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Ana');
  });

  it('renders a number field with its bounds, a date, a select and a text area', () => {
    render(
      <>
        <NumberField id="n" label="Count" value="3" onChange={() => {}} min={0} max={1000} />
        <DateField id="d" label="Day" value="2025-04-01" onChange={() => {}} />
        <DateField id="t" label="At" value="2025-04-01T10:00" onChange={() => {}} withTime />
        <SelectField
          id="s"
          label="Kind"
          value=""
          onChange={() => {}}
          placeholder="Choose"
          choices={[{ value: 'a', label: 'A' }]}
        />
        <TextAreaField id="x" label="Notes" value="" onChange={() => {}} />
      </>,
    );
    const count = screen.getByLabelText('Count');
    expect([count.getAttribute('type'), count.getAttribute('min'), count.getAttribute('max')]).toEqual([
      'number',
      '0',
      '1000',
    ]);
    expect(screen.getByLabelText('Day').getAttribute('type')).toBe('date');
    expect(screen.getByLabelText('At').getAttribute('type')).toBe('datetime-local');
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Choose', 'A']);
    expect(screen.getByLabelText('Notes').tagName).toBe('TEXTAREA');
  });
});

describe('readWholeNumber', () => {
  it('accepts digits within bounds', () => {
    expect(readWholeNumber(' 42 ', 0, 100)).toEqual({ ok: true, value: 42 });
    expect(readWholeNumber('0', 0, 100)).toEqual({ ok: true, value: 0 });
  });

  it('refuses an exponent, a sign, decimals and nothing, each with its reason', () => {
    expect(readWholeNumber('1e9', 0, 1_000_000)).toEqual({ ok: false, reason: 'notWhole' });
    expect(readWholeNumber('-1', 0, 10)).toEqual({ ok: false, reason: 'notWhole' });
    expect(readWholeNumber('1.5', 0, 10)).toEqual({ ok: false, reason: 'notWhole' });
    expect(readWholeNumber('', 0, 10)).toEqual({ ok: false, reason: 'missing' });
  });

  it('names the bound crossed', () => {
    expect(readWholeNumber('1000000000', 0, 1_000_000)).toEqual({ ok: false, reason: 'tooLarge' });
    expect(readWholeNumber('99999999999999999999', 0, Number.MAX_SAFE_INTEGER)).toEqual({
      ok: false,
      reason: 'tooLarge',
    });
    expect(readWholeNumber('2', 5, 10)).toEqual({ ok: false, reason: 'tooSmall' });
  });
});
