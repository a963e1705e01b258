// The simulator's public face (shared/STYLE.md): initialState, reduce/step, types, selectors.

export {type InitResult, initialState} from './initial-state.js';
export {objectKey, splitKey, workloadKey} from './keys.js';
export {formatLabels, matchesLabels, matchesSelector, parseSelector} from './labels.js';
export {reduce, step} from './reducer.js';
export type * from './types.js';
