import 'reflect-metadata';
import { applyHeapPolicy } from './common/process/heap-policy.js';
import { ConfigurationError, loadEnvironment } from './config/environment.js';

/**
 * The API's entry point. The application's modules are imported only once the heap policy is
 * set: V8 sizes its heap at the first collections, which loading them sets off
 * (common/process/heap-policy.ts).
 */
async function main(): Promise<void> {
  const env = loadEnvironment();
  applyHeapPolicy(env.HEAP_GROWING_PERCENT);
  const { serve } = await import('./serve.js');
  await serve(env);
}

main().catch((error: unknown) => {
  // Configuration mistakes get one line, not a stack trace: the message says what to fix.
  if (error instanceof ConfigurationError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(
      `Kenner failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    if (error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  }
  process.exit(1);
});
