import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { cliActor, type Io, json, readStdin, withContext } from '../cli-support.js';
import { ROLES } from './model.js';
import { createToken, createUser } from './service.js';

/** `custodia user add` and `custodia token create`. */
export function authCommands(program: Command, io: Io): void {
  program
    .command('user')
    .description('users and roles')
    .command('add')
    .description(`add a user with a role (${ROLES.join(', ')})`)
    .argument('<name>', 'user name, e.g. ana.lopez')
    .requiredOption('--role <role>', 'the role')
    .option('--password-stdin', 'read the password from standard input instead of generating one')
    .option('--json', 'machine output')
    .action(
      async (name: string, opts: { role: string; passwordStdin?: boolean; json?: boolean }, cmd: Command) =>
        withContext(cmd.optsWithGlobals(), async (ctx) => {
          const generated = !opts.passwordStdin;
          const password = generated
            ? randomBytes(15).toString('base64url')
            : (await readStdin(io.stdin)).replace(/\r?\n$/, '');
          const user = await createUser(ctx, cliActor(), { name, role: opts.role, password });
          if (opts.json) return json(io, { user, ...(generated ? { password } : {}) });
          io.out(`Added ${user.name} (${user.role}).\n`);
          if (generated) io.out(`Password (shown once): ${password}\n`);
        }),
    );

  program
    .command('token')
    .description('API tokens')
    .command('create')
    .description('create a bearer API token for a user; it is shown once')
    .argument('<name>', 'the user the token acts as')
    .option('--json', 'machine output')
    .action(async (name: string, opts: { json?: boolean }, cmd: Command) =>
      withContext(cmd.optsWithGlobals(), async (ctx) => {
        const { token, user } = await createToken(ctx, cliActor(), name);
        if (opts.json) return json(io, { token, user });
        io.out(`${token}\n`);
        io.err(
          `Token for ${user.name} (${user.role}); send it as "Authorization: Bearer <token>". It is not stored and cannot be shown again.\n`,
        );
      }),
    );
}
