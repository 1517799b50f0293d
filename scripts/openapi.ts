/**
 * The API contract check (`npm run lint:api`): builds the app on a throwaway embedded database, writes the
 * OpenAPI document it serves, lints it with Spectral's `spectral:oas` ruleset (no error, no warning), and
 * generates TypeScript types from it with openapi-typescript, which must compile and type every JSON
 * success response (a response typed `never` means a route declares no response schema).
 *
 * Usage: `tsx scripts/openapi.ts [--out <dir>]` (default: a temporary directory, removed afterwards).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { openContext } from '../src/app.js';
import { systemClock } from '../src/core/clock.js';
import { buildApp } from '../src/server.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Serves the document from an app built on an empty embedded database in `dataDir`. */
async function servedDocument(dataDir: string): Promise<unknown> {
  const ctx = await openContext(
    {
      dataDir,
      databaseUrl: null,
      origin: 'custodia.local/openapi',
      loginRateLimit: 10,
      locatorRateLimit: 10,
      statisticsRateLimit: 30,
      sessionHours: 12,
      trustProxy: false,
      log: 'stdout',
    },
    { clock: systemClock },
  );
  try {
    const { app } = await buildApp(ctx);
    await app.ready();
    const response = await app.inject({ url: '/api/openapi.json' });
    await app.close();
    if (response.statusCode !== 200) throw new Error(`/api/openapi.json answered ${response.statusCode}`);
    return response.json();
  } finally {
    await ctx.handle.close();
  }
}

/** Runs Spectral's CLI with the repository's `.spectral.yaml`; any warning fails. */
function spectral(documentPath: string): boolean {
  const bin = join(root, 'node_modules', '.bin', 'spectral');
  const result = spawnSync(
    bin,
    ['lint', '--ruleset', join(root, '.spectral.yaml'), '--fail-severity', 'warn', documentPath],
    { stdio: 'inherit' },
  );
  return result.status === 0;
}

/**
 * The operations whose 2xx responses openapi-typescript types as `never` (no content), and the compiler's
 * diagnostics for the generated file.
 */
function checkTypes(typesPath: string): { untyped: string[]; diagnostics: string[] } {
  const program = ts.createProgram([typesPath], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2023,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    skipLibCheck: false,
    types: [],
  });
  const diagnostics = ts
    .getPreEmitDiagnostics(program)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  const checker = program.getTypeChecker();
  const file = program.getSourceFile(typesPath);
  const operations = file?.statements.find(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'operations',
  );
  if (!operations) return { untyped: ['(no operations interface generated)'], diagnostics };
  const untyped: string[] = [];
  const neverType = (type: ts.Type) => (type.flags & ts.TypeFlags.Never) !== 0;
  for (const operation of checker.getTypeAtLocation(operations).getProperties()) {
    const opType = checker.getTypeOfSymbol(operation);
    const responses = opType.getProperty('responses');
    if (!responses) continue;
    for (const response of checker.getTypeOfSymbol(responses).getProperties()) {
      if (!/^2\d\d$/.test(response.name) || response.name === '204') continue;
      const content = checker.getTypeOfSymbol(response).getProperty('content');
      const contentType = content ? checker.getNonNullableType(checker.getTypeOfSymbol(content)) : undefined;
      if (!contentType || neverType(contentType)) {
        untyped.push(`${operation.name} ${response.name}`);
        continue;
      }
      for (const media of contentType.getProperties()) {
        if (neverType(checker.getTypeOfSymbol(media))) untyped.push(`${operation.name} ${response.name}`);
      }
    }
  }
  return { untyped, diagnostics };
}

async function main(): Promise<number> {
  const outFlag = process.argv.indexOf('--out');
  const outArg = outFlag >= 0 ? process.argv[outFlag + 1] : undefined;
  const out = outArg ? resolve(outArg) : mkdtempSync(join(tmpdir(), 'custodia-openapi-'));
  mkdirSync(out, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'custodia-openapi-data-'));
  try {
    const document = await servedDocument(dataDir);
    const documentPath = join(out, 'openapi.json');
    writeFileSync(documentPath, `${JSON.stringify(document, null, 2)}\n`);
    const linted = spectral(documentPath);

    const typesPath = join(out, 'openapi.d.ts');
    writeFileSync(typesPath, astToString(await openapiTS(JSON.stringify(document))));
    const { untyped, diagnostics } = checkTypes(typesPath);
    for (const d of diagnostics) console.error(`openapi-typescript output does not compile: ${d}`);
    for (const u of untyped) {
      console.error(`${u}: the success response is typed never; declare its response schema in the contract`);
    }
    if (linted && untyped.length === 0 && diagnostics.length === 0) {
      console.error(`OpenAPI document and generated types OK (${documentPath})`);
      return 0;
    }
    return 1;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    if (!outArg) rmSync(out, { recursive: true, force: true });
  }
}

process.exitCode = await main();
