// The simulator's public face (shared/STYLE.md): initialState, reduce/step, types, selectors.
export type * from './types.js';
export {initialState, type InitError, type InitResult} from './initial-state.js';
export {reduce, step} from './reducer.js';
export {matchesLabels, matchesSelector, parseSelector, formatLabels} from './labels.js';
export {objectKey, workloadKey, splitKey} from './keys.js';
