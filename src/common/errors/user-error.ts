/**
 * A mistake the person running Kenner can fix from the message alone: a setting, a file, an
 * argument. Command lines print its message without a stack (see common/cli/run-command.ts).
 */
export class UserError extends Error {}
