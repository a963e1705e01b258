// The simulator's public face (docs/conventions.md): initialState, step, the types, and the
// accessors for the tables kept in pieces (sim/rows.ts).

export {initialState} from './initial-state.js';
export {workloadKey} from './keys.js';
export {step} from './reducer.js';
export {countRows, getRow, hasRow, listEntries, listKeys, listRows} from './rows.js';
export type * from './types.js';
