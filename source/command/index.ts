// The command grammar's public face.

export {COMMANDS, commandFlags} from './commands.js';
export {parseDuration} from './duration.js';
export type {FlagSpec} from './flags.js';
export {parseCommand} from './parse-command.js';
export {RESOURCE_TYPES, type ResourceType, resolveResourceType} from './resources.js';
export type {Command, OutputFormat, ParseResult} from './types.js';
