// Time travel in the TUI (issue 13): the session's states as an undo tree. Each command that
// changes the simulation adds a moment after the one on screen; `[` goes back to the moment
// before, `]` forward again, and acting from a past moment starts a branch beside the old one,
// which `}` reaches. States share nearly everything (sim/draft.ts copies on write), so a moment
// costs what its command touched; past a cap, old moments are thinned.

/** What a moment restores: the simulation and what the screen derives from its history. */
export interface Snapshot<S> {
	sim: S;
	/** The session as a script up to this moment (what --record writes, so it replays to here). */
	record: string[];
	recordedClock: number;
	/** The rest of the model's history-bound fields (request log, endpoint changes, stats). */
	extra: unknown;
}

export interface Moment<S> {
	at: Snapshot<S>;
	/** null for the first moment (the files as loaded). */
	parent: number | null;
	/** Later moments made from this one, oldest first; the last one made is `]`'s way forward. */
	children: number[];
	/** The command that led here from the parent ('' for the first). */
	line: string;
}

export interface Timeline<S> {
	/** Moments by id; a thinned one is null. */
	moments: Array<Moment<S> | null>;
	/** The moment on screen, or the last one passed (the clock may have run on since). */
	current: number;
}

/** How many moments a session keeps; older ones are thinned past it. */
export const MOMENTS_MAX = 2_000;

export function startTimeline<S>(at: Snapshot<S>): Timeline<S> {
	return {moments: [{at, parent: null, children: [], line: ''}], current: 0};
}

const momentOf = <S>(t: Timeline<S>, id: number | null): Moment<S> | undefined => (id === null ? undefined : (t.moments[id] ?? undefined));

/** The moment on screen. */
export function currentMoment<S>(t: Timeline<S>): Moment<S> {
	const m = momentOf(t, t.current);
	if (!m) throw new Error(`timeline: no moment ${t.current}`);
	return m;
}

/**
 * A new moment after the current one (a command ran, or the clock moved on before a step back).
 * From a moment that already has later ones this is a fork: they stay, as its other branch.
 */
export function addMoment<S>(t: Timeline<S>, at: Snapshot<S>, line: string): Timeline<S> {
	const id = t.moments.length;
	const parent = currentMoment(t);
	const moments = [...t.moments];
	moments[t.current] = {...parent, children: [...parent.children, id]};
	moments.push({at, parent: t.current, children: [], line});
	return thin({moments, current: id});
}

/** One step back (the moment before), or null at the first. */
export function stepBack<S>(t: Timeline<S>): Timeline<S> | null {
	const parent = currentMoment(t).parent;
	return parent === null ? null : {...t, current: parent};
}

/** One step forward along the branch made last, or null where nothing was made after. */
export function stepForward<S>(t: Timeline<S>): Timeline<S> | null {
	const next = currentMoment(t).children.at(-1);
	return next === undefined ? null : {...t, current: next};
}

/**
 * The same step on the other branch: the current moment's next sibling (in the order they were
 * made, round), followed to its newest end, so a fork's old timeline is one key away.
 */
export function otherBranch<S>(t: Timeline<S>): Timeline<S> | null {
	const here = currentMoment(t);
	const parent = momentOf(t, here.parent);
	if (!parent || parent.children.length < 2) return null;
	const at = parent.children.indexOf(t.current);
	const sibling = parent.children[(at + 1) % parent.children.length];
	return sibling === undefined ? null : {...t, current: sibling};
}

/** Where the current moment stands: its step from the start, the steps on its branch, its branch among its siblings. */
export function position<S>(t: Timeline<S>): {step: number; steps: number; branch: number; branches: number} {
	let step = 0;
	for (let m = currentMoment(t); m.parent !== null; m = momentOf(t, m.parent) ?? {...m, parent: null}) step++;
	let steps = step;
	for (let m = currentMoment(t); m.children.length > 0; ) {
		const next = momentOf(t, m.children.at(-1) ?? null);
		if (!next) break;
		m = next;
		steps++;
	}
	const here = currentMoment(t);
	const siblings = momentOf(t, here.parent)?.children ?? [t.current];
	return {step, steps, branch: siblings.indexOf(t.current) + 1, branches: siblings.length};
}

/**
 * Past MOMENTS_MAX, every other moment in the oldest half that has exactly one child and is not
 * on screen is folded into its child (the child keeps its own state and takes over the parent's
 * place), so the timeline keeps its shape, its branches and its recent past in full.
 */
function thin<S>(t: Timeline<S>): Timeline<S> {
	const live = t.moments.filter(m => m !== null).length;
	if (live <= MOMENTS_MAX) return t;
	const moments = [...t.moments];
	let folded = 0;
	let skip = false;
	for (let id = 1; id < moments.length && folded < live / 4; id++) {
		const m = moments[id];
		if (m?.children.length !== 1 || id === t.current || m.parent === null) continue;
		skip = !skip;
		if (!skip) continue;
		const [childId] = m.children;
		const child = childId === undefined ? undefined : moments[childId];
		const parent = moments[m.parent];
		if (childId === undefined || !child || !parent) continue;
		moments[childId] = {...child, parent: m.parent, line: `${m.line}; ${child.line}`};
		moments[m.parent] = {...parent, children: parent.children.map(c => (c === id ? childId : c))};
		moments[id] = null;
		folded++;
	}
	return {...t, moments};
}
