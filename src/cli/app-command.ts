import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  DynamicModule,
  INestApplication,
  INestApplicationContext,
  LogLevel,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type AppOptions, AppModule } from '../app.module.js';
import { type Environment, loadEnvironment } from '../config/environment.js';

/**
 * The one way a command opens Kenner: settings over the environment, the application, the work,
 * then the application closed (and a scratch data folder removed) whatever happened. Pair it with
 * `runCommand` (common/cli/run-command.ts) for the exit code and error printing.
 */
export interface AppCommand {
  /** Variables set over `process.env` for this run only. */
  env?: Record<string, string>;
  /** A throw-away DATA_DIR named after this prefix, removed with what it holds afterwards. */
  scratch?: string;
  /** Nest's own log levels (the command's output is its own). Default: errors and warnings. */
  logger?: LogLevel[];
  /** `AppModule.forRoot` options, e.g. an in-memory database. */
  app?: AppOptions;
}

/** For commands run beside a live API on its data: its relays do the sending; no demo seeding. */
export const BESIDE_THE_API: Readonly<Record<string, string>> = Object.freeze({
  SEARCH_RELAY: 'false',
  NOTIFICATION_RELAY: 'false',
  PROFILE_REMINDERS: 'false',
  MESSAGE_DIGESTS: 'false',
  SEED_DEMO: 'false',
});

/** Runs `work` on an application context: services, no HTTP server. */
export function withApp<T>(
  command: AppCommand,
  work: (app: INestApplicationContext, env: Environment) => Promise<T>,
): Promise<T> {
  return run(
    command,
    (module, logger) => NestFactory.createApplicationContext(module, { logger }),
    work,
  );
}

/** Runs `work` on the whole application, initialised (GraphQL schema built), not listening. */
export function withHttpApp<T>(
  command: AppCommand,
  work: (app: INestApplication, env: Environment) => Promise<T>,
): Promise<T> {
  return run(
    command,
    (module, logger) => NestFactory.create(module, { logger }),
    async (app, env) => {
      await app.init();
      return work(app, env);
    },
  );
}

async function run<A extends INestApplicationContext, T>(
  command: AppCommand,
  open: (module: DynamicModule, logger: LogLevel[]) => Promise<A>,
  work: (app: A, env: Environment) => Promise<T>,
): Promise<T> {
  const scratch = command.scratch ? mkdtempSync(join(tmpdir(), `${command.scratch}-`)) : null;
  try {
    const env = loadEnvironment({
      ...process.env,
      ...command.env,
      ...(scratch ? { DATA_DIR: scratch } : {}),
    });
    const app = await open(
      AppModule.forRoot(env, command.app),
      command.logger ?? ['error', 'warn'],
    );
    try {
      return await work(app, env);
    } finally {
      await app.close();
    }
  } finally {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}
