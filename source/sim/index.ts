// The simulator's public face (docs/conventions.md): initialState, step and the types.

export {initialState} from './initial-state.js';
export {workloadKey} from './keys.js';
export {step} from './reducer.js';
export type * from './types.js';
