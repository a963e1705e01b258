// The loader's public face: YAML/JSON sources → ClusterInput + positioned diagnostics.

export {fileTooLarge, MAX_INPUT_BYTES, MAX_TEXT_BYTES, readFileWithin, tooLarge} from './bounded-read.js';
export {formatDiagnostic, formatSkipped} from './format.js';
export {diagnosticsFromInitErrors} from './init-errors.js';
export {loadSources, type ValidateMode} from './load-sources.js';
export {readSources, readStream, readStreamSource, type Streamed} from './read-sources.js';
export type {Diagnostic, LoadResult, SourceFile} from './types.js';
