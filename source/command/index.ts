// The command grammar's public face.

export {COMMANDS} from './commands.js';
export {parseCommand} from './parse-command.js';
export type {Command, OutputFormat} from './types.js';
