import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../context.js';
import { RULE_IDS } from '../eligibility/policy.js';
import { registerFacility } from '../facilities/service.js';
import { anActor, testContext, testEngine } from '../test-support/context.js';
import { aFacility, anAgreement } from '../test-support/factories.js';
import { addFeeScheduleVersion, addPolicyVersion, createAgreement, reviseAgreement } from './service.js';

const admin = anActor('admin');

describe(`agreements on ${testEngine}`, () => {
  let ctx: AppContext;
  let facilityId: string;

  beforeEach(async () => {
    ctx = await testContext();
    facilityId = (await registerFacility(ctx, admin, aFacility())).id;
  });
  afterEach(async () => {
    await ctx.handle.close();
  });

  it('moves through its lifecycle and keeps every policy and fee schedule version', async () => {
    const created = await createAgreement(ctx, admin, anAgreement([facilityId], { status: 'draft' }));
    expect(created.eligibilityPolicies.map((p) => p.version)).toEqual([1]);
    const inForce = await reviseAgreement(ctx, admin, created.code, {
      status: 'in_force',
      bedAllotment: 250,
    });
    expect(inForce).toMatchObject({ status: 'in_force', bedAllotment: 250 });
    await expect(reviseAgreement(ctx, admin, created.code, { status: 'draft' })).rejects.toMatchObject({
      code: 'rule_refusal',
    });
    const v2 = await addPolicyVersion(ctx, admin, created.id, {
      policyId: 'cecot-2025/v2',
      effectiveFrom: '2026-01-01',
      rules: RULE_IDS.map((id) => ({ id, params: id === 'remaining-sentence' ? { minDays: 365 } : {} })),
    });
    expect(v2.eligibilityPolicies.map((p) => [p.version, p.policyId])).toEqual([
      [1, 'cecot-2025/v1'],
      [2, 'cecot-2025/v2'],
    ]);
    const fees = await addFeeScheduleVersion(ctx, admin, created.id, {
      kind: 'per_person_day',
      amountCents: 5_500,
      currency: 'USD',
      billingPeriod: 'month',
      effectiveFrom: '2026-01-01',
      clause: null,
    });
    expect(fees.feeSchedules.map((f) => f.kind)).toEqual(['per_person_year', 'per_person_day']);
  });

  it('refuses a policy version the engine could not apply exactly', async () => {
    const created = await createAgreement(ctx, admin, anAgreement([facilityId]));
    await expect(
      addPolicyVersion(ctx, admin, created.id, {
        policyId: 'cecot-2025/v2',
        effectiveFrom: '2026-01-01',
        rules: [{ id: 'convicted', params: {} }],
      }),
    ).rejects.toThrow(/leaves out the sending state's law/);
  });

  it('refuses an agreement naming an unknown facility or agency, and a non-admin', async () => {
    await expect(
      createAgreement(ctx, admin, anAgreement(['01900000-0000-7000-8000-000000000000'])),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      createAgreement(ctx, admin, anAgreement([facilityId], { sendingAgencies: ['US-NOPE'] })),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(createAgreement(ctx, anActor('finance'), anAgreement([facilityId]))).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});
