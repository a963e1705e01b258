import type {Action, State, Step} from './types.js';

export function step(_state: State, _action: Action): Step {
	throw new Error('not implemented yet');
}

export function reduce(state: State, action: Action): State {
	return step(state, action).state;
}
