import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { cliActor, type Io, json, readStdin, withContext } from '../cli-support.js';
import { invalidInput } from '../core/errors.js';
import type { UserSummary } from './contract.js';
import {
  changeRole,
  disableUser,
  enableUser,
  listUserSummaries,
  listUserTokens,
  resetPassword,
  revokeToken,
} from './lifecycle.js';
import { ROLES, TOKEN_DAYS } from './model.js';
import { createToken, createUser } from './service.js';

type Opts = { json?: boolean };

/** `30d` or `30`: a token's life in whole days, 1 to TOKEN_DAYS.max; anything else is refused naming the bounds. */
export function parseExpiresIn(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d{1,4})d?$/.exec(value.trim());
  const days = match ? Number(match[1]) : Number.NaN;
  if (days >= 1 && days <= TOKEN_DAYS.max) return days;
  throw invalidInput('auth.token_days_invalid', { days: value, max: TOKEN_DAYS.max });
}

/** One line of `user list`: name, role, state, last sign-in, live sessions and tokens. */
function userLine(u: UserSummary): string {
  const state = u.disabledAt ? `disabled ${u.disabledAt.slice(0, 10)}` : 'enabled';
  const reset = u.mustChangePassword ? ', must change password' : '';
  const seen = u.lastSignInAt ? u.lastSignInAt.slice(0, 16).replace('T', ' ') : 'never';
  const parties = u.parties.length > 0 ? `for ${u.parties.join(', ')}` : 'no party';
  return `${u.name}\t${u.role}\t${state}${reset}\tcreated ${u.createdAt.slice(0, 10)}\tlast sign-in ${seen}\t${u.activeSessions} sessions\t${u.activeTokens} tokens\t${parties}\n`;
}

/** `custodia user …` and `custodia token …`: users, roles, passwords and API tokens. */
export function authCommands(program: Command, io: Io): void {
  const user = program.command('user').description('users and roles');
  user
    .command('add')
    .description(`add a user with a role (${ROLES.join(', ')})`)
    .argument('<name>', 'user name, e.g. ana.lopez')
    .requiredOption('--role <role>', 'the role')
    .option(
      '--party <code>',
      'the party the user acts for, by code (repeat for a court user of several courts); counsel, court and family need one',
      (code: string, earlier: string[] = []) => [...earlier, code],
    )
    .option('--password-stdin', 'read the password from standard input instead of generating one')
    .option('--json', 'machine output')
    .action(
      async (
        name: string,
        opts: { role: string; party?: string[]; passwordStdin?: boolean; json?: boolean },
        cmd: Command,
      ) =>
        withContext(cmd.optsWithGlobals(), async (ctx) => {
          const generated = !opts.passwordStdin;
          const password = generated
            ? randomBytes(15).toString('base64url')
            : (await readStdin(io.stdin)).replace(/\r?\n$/, '');
          const user = await createUser(ctx, cliActor(), {
            name,
            role: opts.role,
            password,
            parties: opts.party ?? [],
          });
          if (opts.json) return json(io, { user, ...(generated ? { password } : {}) });
          const acting = user.partyCodes.length > 0 ? `, for ${user.partyCodes.join(', ')}` : '';
          io.out(`Added ${user.name} (${user.role}${acting}).\n`);
          if (generated) io.out(`Password (shown once): ${password}\n`);
        }),
    );
  user
    .command('list')
    .description('list users: role, disabled, last sign-in, live sessions and tokens (never a secret)')
    .option('--json', 'machine output')
    .action(async (opts: Opts, cmd: Command) =>
      withContext(cmd.optsWithGlobals(), async (ctx) => {
        const users = await listUserSummaries(ctx, cliActor());
        if (opts.json) return json(io, { items: users });
        for (const u of users) io.out(userLine(u));
      }),
    );
  user
    .command('disable')
    .description('disable a user: their sessions end and their tokens are revoked at once')
    .argument('<name>', 'the user')
    .option('--json', 'machine output')
    .action(async (name: string, opts: Opts, cmd: Command) =>
      withContext(cmd.optsWithGlobals(), async (ctx) => {
        const u = await disableUser(ctx, cliActor(), name);
        if (opts.json) return json(io, { user: u });
        io.out(`Disabled ${u.name}; their sessions ended and their tokens are revoked.\n`);
      }),
    );
  user
    .command('enable')
    .description('enable a disabled user (revoked tokens stay revoked)')
    .argument('<name>', 'the user')
    .option('--json', 'machine output')
    .action(async (name: string, opts: Opts, cmd: Command) =>
      withContext(cmd.optsWithGlobals(), async (ctx) => {
        const u = await enableUser(ctx, cliActor(), name);
        if (opts.json) return json(io, { user: u });
        io.out(`Enabled ${u.name}.\n`);
      }),
    );
  user
    .command('role')
    .description(`change a user's role (${ROLES.join(', ')})`)
    .argument('<name>', 'the user')
    .argument('<role>', 'the new role')
    .option('--json', 'machine output')
    .action(async (name: string, role: string, opts: Opts, cmd: Command) =>
      withContext(cmd.optsWithGlobals(), async (ctx) => {
        const u = await changeRole(ctx, cliActor(), name, role);
        if (opts.json) return json(io, { user: u });
        io.out(`${u.name} now has the role ${u.role}.\n`);
      }),
    );
  user
    .command('reset-password')
    .description('reset a password to a one-time password, shown once; the user sets a new one at sign-in')
    .argument('<name>', 'the user')
    .option('--json', 'machine output')
    .action(async (name: string, opts: Opts, cmd: Command) =>
      withContext(cmd.optsWithGlobals(), async (ctx) => {
        const { user: u, password } = await resetPassword(ctx, cliActor(), name);
        if (opts.json) return json(io, { user: u, password });
        io.out(`One-time password for ${u.name} (shown once): ${password}\n`);
        io.err('It opens one session, in which they must set a new password before anything else.\n');
      }),
    );

  const token = program.command('token').description('API tokens');
  token
    .command('create')
    .description('create a bearer API token for a user; it is shown once')
    .argument('<name>', 'the user the token acts as')
    .option(
      '--expires-in <days>',
      `how long it lives, e.g. 30d (default ${TOKEN_DAYS.default}d, at most ${TOKEN_DAYS.max}d)`,
    )
    .option('--json', 'machine output')
    .action(async (name: string, opts: Opts & { expiresIn?: string }, cmd: Command) =>
      withContext(cmd.optsWithGlobals(), async (ctx) => {
        const expiresInDays = parseExpiresIn(opts.expiresIn);
        const created = await createToken(ctx, cliActor(), name, { expiresInDays });
        if (opts.json) {
          const { token: secret, user: u, tokenId, expiresAt } = created;
          return json(io, { token: secret, user: u, tokenId, expiresAt });
        }
        io.out(`${created.token}\n`);
        io.err(
          `Token for ${created.user.name} (${created.user.role}); send it as "Authorization: Bearer <token>". It is not stored and cannot be shown again.\n`,
        );
        io.err(`Token id ${created.tokenId}; it expires at ${created.expiresAt}.\n`);
      }),
    );
  token
    .command('list')
    .description("list a user's API tokens: id, created, expires, revoked (never the token)")
    .argument('<name>', 'the user')
    .option('--json', 'machine output')
    .action(async (name: string, opts: Opts, cmd: Command) =>
      withContext(cmd.optsWithGlobals(), async (ctx) => {
        const tokens = await listUserTokens(ctx, cliActor(), name);
        if (opts.json) return json(io, { items: tokens });
        for (const t of tokens) {
          const end = t.revokedAt ? `revoked ${t.revokedAt}` : `expires ${t.expiresAt ?? 'never'}`;
          io.out(`${t.id}\t${t.status}\tcreated ${t.createdAt}\t${end}\n`);
        }
      }),
    );
  token
    .command('revoke')
    .description('revoke an API token by id (see `token list`): the next request with it is 401')
    .argument('<id>', 'the token id')
    .option('--json', 'machine output')
    .action(async (id: string, opts: Opts, cmd: Command) =>
      withContext(cmd.optsWithGlobals(), async (ctx) => {
        const revoked = await revokeToken(ctx, cliActor(), id);
        if (opts.json) return json(io, revoked);
        io.out(`Revoked token ${revoked.tokenId} of ${revoked.name}.\n`);
      }),
    );
}
