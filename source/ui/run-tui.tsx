import type {State} from '../sim/index.js';

export async function runTui(_state: State, _options: {seed: number; record?: string}): Promise<number> {
	process.stderr.write('error: the TUI is not built yet; use --script\n');
	return 2;
}
