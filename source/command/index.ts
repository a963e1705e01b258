// The command grammar's public face.
export type {Command, OutputFormat, ParseResult} from './types.js';
export {parseCommand} from './parse-command.js';
export {parseDuration} from './duration.js';
export {COMMANDS, commandFlags} from './commands.js';
export {RESOURCE_TYPES, resolveResourceType, type ResourceType} from './resources.js';
export type {FlagSpec} from './flags.js';
