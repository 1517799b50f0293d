import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../core/errors.js';
import {
  AGREEMENT_STATUSES,
  type AgreementState,
  decideFeeScheduleVersion,
  decidePolicyVersion,
  decideStatusChange,
  STATUS_TRANSITIONS,
} from './model.js';

const state = (overrides: Partial<AgreementState> = {}): AgreementState => ({
  agreementId: 'a',
  status: 'draft',
  policyVersions: 0,
  feeScheduleVersions: 0,
  latestPolicyFrom: null,
  latestFeeFrom: null,
  ...overrides,
});

describe('agreement lifecycle', () => {
  it('allows exactly the documented transitions, for every pair of statuses', () => {
    for (const from of AGREEMENT_STATUSES) {
      for (const to of AGREEMENT_STATUSES) {
        const decide = () => decideStatusChange(state({ status: from }), to);
        if (from === to) expect(decide()).toBeNull();
        else if (STATUS_TRANSITIONS[from].includes(to))
          expect(decide()).toEqual({ agreementId: 'a', from, to });
        else expect(decide).toThrow(/cannot go from/);
      }
    }
  });

  it('never leaves terminated', () => {
    for (const to of AGREEMENT_STATUSES.filter((s) => s !== 'terminated')) {
      expect(() => decideStatusChange(state({ status: 'terminated' }), to)).toThrow(/terminated is final/);
    }
  });
});

describe('versioned policies and fee schedules', () => {
  const date = fc
    .date({ min: new Date('2020-01-01'), max: new Date('2035-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

  it('numbers versions consecutively and refuses a version that takes effect before the current one', () => {
    fc.assert(
      fc.property(fc.array(date, { minLength: 1, maxLength: 8 }), (dates) => {
        let s = state();
        for (const effectiveFrom of dates) {
          const input = {
            policyId: 'cecot-2025/v1',
            effectiveFrom,
            rules: [{ id: 'convicted', params: {} }],
          };
          if (s.latestPolicyFrom && effectiveFrom < s.latestPolicyFrom) {
            expect(() => decidePolicyVersion(s, input)).toThrow(/before the current one/);
            continue;
          }
          const event = decidePolicyVersion(s, input);
          expect(event.version).toBe(s.policyVersions + 1);
          s = { ...s, policyVersions: event.version, latestPolicyFrom: effectiveFrom };
        }
      }),
    );
  });

  it('does the same for fee schedules', () => {
    const fee = {
      kind: 'per_person_year' as const,
      amountCents: 2_000_000,
      currency: 'USD',
      billingPeriod: 'month' as const,
      clause: null,
    };
    const first = decideFeeScheduleVersion(state(), { ...fee, effectiveFrom: '2025-03-14' });
    expect(first.version).toBe(1);
    const s = state({ feeScheduleVersions: 1, latestFeeFrom: '2025-03-14' });
    expect(decideFeeScheduleVersion(s, { ...fee, effectiveFrom: '2026-01-01' }).version).toBe(2);
    expect(() => decideFeeScheduleVersion(s, { ...fee, effectiveFrom: '2025-01-01' })).toThrow();
  });
});

describe('agreement refusals in Spanish', () => {
  it('a lifecycle refusal names both states and the allowed ones in Spanish words', () => {
    let caught: unknown;
    try {
      decideStatusChange(state({ status: 'draft' }), 'suspended');
    } catch (error) {
      caught = error;
    }
    if (!(caught instanceof DomainError)) throw new Error('expected a DomainError');
    expect(caught.message).toBe(
      'An agreement cannot go from draft to suspended. From draft it may go to: in_force, terminated.',
    );
    expect(caught.localized('es')).toBe(
      'Un acuerdo no puede pasar de «borrador» a «suspendido». Desde «borrador» puede pasar a: «en vigor» o «terminado».',
    );
    expect(() => decideStatusChange(state({ status: 'terminated' }), 'draft')).toThrow(
      expect.objectContaining({ messageKey: 'agreement.status_transition' }),
    );
  });

  it('a backdated policy version is refused in Spanish too', () => {
    const current = state({ policyVersions: 1, latestPolicyFrom: '2025-03-01' });
    let caught: unknown;
    try {
      decidePolicyVersion(current, { policyId: 'p/v2', effectiveFrom: '2025-02-01', rules: [] });
    } catch (error) {
      caught = error;
    }
    if (!(caught instanceof DomainError)) throw new Error('expected a DomainError');
    expect(caught.localized('es')).toBe(
      'Una versión nueva de la política no puede entrar en vigor (2025-02-01) antes que la actual (2025-03-01); las evaluaciones anteriores deben conservar su política.',
    );
  });
});
