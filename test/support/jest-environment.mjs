// The node test environment, plus the other half of test-logger.ts: the app logs of each test are
// kept in `globalThis.__KENNER_TEST_LOG__` and printed only when that test (or a hook) fails, so
// the errors that tests provoke on purpose stay out of a green run. Plain .mjs: jest loads test
// environments outside its TypeScript transform.
import { TestEnvironment } from 'jest-environment-node';

const RULE = '─'.repeat(8);

export default class KennerTestEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.file = context.testPath;
    this.global.__KENNER_TEST_LOG__ = [];
  }

  handleTestEvent(event) {
    if (event.name === 'test_done') {
      if (event.test.errors.length > 0) this.print(`the failed test "${fullName(event.test)}"`);
      this.global.__KENNER_TEST_LOG__.length = 0;
    } else if (event.name === 'hook_failure') {
      this.print(`a failed ${event.hook.type} hook of ${this.file}`);
      this.global.__KENNER_TEST_LOG__.length = 0;
    }
  }

  print(what) {
    const lines = this.global.__KENNER_TEST_LOG__;
    if (lines.length === 0 || process.env.TEST_LOGS === '1') return;
    process.stderr.write(
      `${RULE} app log of ${what} (kept back while tests pass) ${RULE}\n${lines.join('\n')}\n${RULE}\n`,
    );
  }
}

function fullName(test) {
  const names = [];
  for (let block = test; block && block.name !== 'ROOT_DESCRIBE_BLOCK'; block = block.parent) {
    names.unshift(block.name);
  }
  return names.join(' › ');
}
