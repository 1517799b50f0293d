import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliSession } from '../test-support/cli.js';
import { testEngine } from '../test-support/context.js';

/** `custodia user …` and `custodia token …`: the user lifecycle from the command line. */
describe(`custodia user and token commands, ${testEngine}`, () => {
  const cli = cliSession('custodia-users-cli-');
  const { io, run } = cli;

  beforeAll(async () => {
    await cli.open();
    expect(await run('user', 'add', 'ada.admin', '--role', 'admin')).toBe(0);
    expect(await run('user', 'add', 'sol.officer', '--role', 'sending_officer')).toBe(0);
  }, 120_000);

  afterAll(() => cli.close());

  it('lists users with role and state, never a secret', async () => {
    expect(await run('user', 'list')).toBe(0);
    const lines = io.stdout().trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^ada\.admin\tadmin\tenabled\tcreated \d{4}-\d{2}-\d{2}\tlast sign-in never\t0 sessions\t0 tokens\tno party$/,
    );
    expect(await run('user', 'list', '--json')).toBe(0);
    expect(JSON.parse(io.stdout()).items.map((u: { name: string }) => u.name)).toEqual([
      'ada.admin',
      'sol.officer',
    ]);
    expect(io.stdout()).not.toMatch(/scrypt|hash/);
  });

  it('ties a user to their party: counsel acts for a law office, family must name theirs, a court user may name several courts', async () => {
    expect(await run('party', 'add', 'Defensa Legal SV', '--kind', 'law_office')).toBe(0);
    expect(await run('party', 'add', 'D.D.C.', '--kind', 'court')).toBe(0);
    expect(await run('party', 'add', 'S.D. Tex.', '--kind', 'court')).toBe(0);
    expect(await run('user', 'add', 'fe.family', '--role', 'family')).toBe(1);
    expect(io.stderr()).toContain('A family user sees only their party');
    expect(
      await run('user', 'add', 'lia.counsel', '--role', 'counsel', '--party', 'D.D.C.', '--lang', 'es'),
    ).toBe(1);
    expect(io.stderr()).toContain(
      'D.D.C. es un tribunal; un usuario counsel actúa para un despacho de abogados.',
    );
    expect(await run('user', 'add', 'lia.counsel', '--role', 'counsel', '--party', 'defensa legal sv')).toBe(
      0,
    );
    expect(io.stdout()).toMatch(/^Added lia\.counsel \(counsel, for Defensa Legal SV\)\.\n/);
    expect(
      await run('user', 'add', 'jo.judge', '--role', 'court', '--party', 'D.D.C.', '--party', 'S.D. Tex.'),
    ).toBe(0);
    expect(await run('user', 'add', 'al.officer', '--role', 'sending_officer', '--party', 'D.D.C.')).toBe(1);
    expect(await run('user', 'list')).toBe(0);
    expect(io.stdout()).toMatch(/^jo\.judge\tcourt\t.*\tfor D\.D\.C\., S\.D\. Tex\.$/m);
    expect(io.stdout()).toMatch(/^lia\.counsel\tcounsel\t.*\tfor Defensa Legal SV$/m);
    expect(io.stdout()).not.toContain('al.officer');
  });

  it('creates a token with --expires-in, lists it and revokes it by id', async () => {
    expect(await run('token', 'create', 'sol.officer', '--expires-in', '30d', '--json')).toBe(0);
    const created = JSON.parse(io.stdout());
    expect(created.token).toMatch(/^cust_/);
    const days = (Date.parse(created.expiresAt) - Date.now()) / 86_400_000;
    expect(Math.round(days)).toBe(30);
    expect(await run('token', 'create', 'sol.officer', '--expires-in', '2y')).toBe(1);
    expect(io.stderr()).toContain('A token expires in 1 to 365 days ("30d"); "2y" is not that.');
    expect(await run('token', 'list', 'sol.officer')).toBe(0);
    expect(io.stdout()).toContain(`${created.tokenId}\tactive`);
    expect(io.stdout()).not.toContain(created.token);
    expect(await run('token', 'revoke', created.tokenId)).toBe(0);
    expect(io.stdout()).toBe(`Revoked token ${created.tokenId} of sol.officer.\n`);
    expect(await run('token', 'revoke', created.tokenId, '--lang', 'es')).toBe(1);
    expect(io.stderr()).toBe(`custodia: El token de la API ${created.tokenId} ya está revocado.\n`);
  });

  it('disables, enables, changes a role and resets a password', async () => {
    expect(await run('user', 'disable', 'sol.officer')).toBe(0);
    expect(io.stdout()).toBe('Disabled sol.officer; their sessions ended and their tokens are revoked.\n');
    expect(await run('user', 'enable', 'sol.officer')).toBe(0);
    // A court user acts for a court: an officer who acts for none cannot become one.
    expect(await run('user', 'role', 'sol.officer', 'court')).toBe(1);
    expect(io.stderr()).toContain('sol.officer acts for no party, and a court user acts for a court');
    expect(await run('user', 'role', 'sol.officer', 'monitor')).toBe(0);
    expect(io.stdout()).toBe('sol.officer now has the role monitor.\n');
    expect(await run('user', 'reset-password', 'sol.officer')).toBe(0);
    expect(io.stdout()).toMatch(/^One-time password for sol\.officer \(shown once\): [\w-]{20}\n$/);
    expect(await run('user', 'list')).toBe(0);
    expect(io.stdout()).toContain('sol.officer\tmonitor\tenabled, must change password\t');
  });

  it('refuses to disable or demote the last admin, in English or Spanish', async () => {
    expect(await run('user', 'disable', 'ada.admin', '--lang', 'es')).toBe(1);
    expect(io.stderr()).toBe(
      'custodia: ada.admin es el último administrador habilitado: habilite o nombre antes a otro administrador, o nadie podría gestionar los usuarios.\n',
    );
    expect(await run('user', 'role', 'ada.admin', 'monitor')).toBe(1);
    expect(io.stderr()).toContain('ada.admin is the last enabled admin');
  });
});
