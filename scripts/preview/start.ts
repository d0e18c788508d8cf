/**
 * `npm start` without an org: builds the preview (or reuses the last build), opens the local
 * controller over .preview/store.json (the sample data the first time, or after --reset) and
 * serves the page until Ctrl+C. Flags: options.ts (`npm start -- --help`).
 */
import path from 'node:path';
import { openPreviewBackend, type PreviewBackendOptions } from './backend/index.ts';
import { buildPreview } from './build.ts';
import { HELP, STORE_FILE, UsageError, parseStartArgs, type StartOptions } from './options.ts';
import { checkPortFree, startPreviewServer } from './server.ts';

async function main(argv: string[]): Promise<number> {
  let options: StartOptions;
  try {
    options = parseStartArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
  if (options.help) {
    console.log(HELP);
    return 0;
  }

  await checkPortFree(options.host, options.port);
  const build = await buildPreview({
    mode: options.mode,
    force: options.rebuild,
    log: (line) => console.log(line),
  });
  console.log(
    build.reused ? 'The page is up to date.' : `Built the page in ${(build.milliseconds / 1000).toFixed(1)} s.`
  );
  for (const warning of build.warnings) console.warn(`warning: ${warning}`);

  const backendOptions: PreviewBackendOptions = {
    storeFile: STORE_FILE,
    reset: options.reset,
    permission: options.permission,
    ...(options.people ? { synthetic: { people: options.people } } : {}),
  };
  const backend = await openPreviewBackend(backendOptions);
  if (backend.notice) console.warn(backend.notice);
  const source = options.people ? `sample data + ${options.people} synthetic people` : 'sample data';

  const server = await startPreviewServer({
    backend,
    buildDir: build.outDir,
    host: options.host,
    port: options.port,
    permission: options.permission,
    source,
  });

  console.log('');
  console.log(`Relationship Maps preview: ${server.url}`);
  for (const account of backend.accounts()) {
    const what = account.mapCount === 0 ? 'no map yet' : `${account.peopleCount} people on the map`;
    console.log(`  ${account.name} · ${what}: ${server.url}?account=${account.id}`);
  }
  console.log('');
  console.log(
    `${options.reset ? 'Sample data restored. ' : ''}Edits are saved in ${path.relative(process.cwd(), STORE_FILE)}; start again from the sample data with: npm start -- --reset`
  );
  console.log('Press Ctrl+C to stop.');

  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      server.close().then(resolve, resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
);
