// Which addresses started or stopped taking traffic between two states, and why: drives the
// Endpoints pane's CHANGE column and the stability line's "pod IPs changed" count. Only Services
// whose endpoints object changed are compared (the reducer replaces an object only when it
// changes), and only their addresses are looked at.
//
// The story a learner needs is told by the pod behind each address, not by the address alone:
// - a crashed container restarts in the same pod, which keeps its IP (docs/semantics.md C1): the
//   address leaves the ready set and comes back, nothing is replaced;
// - a pod whose labels stop matching the selector runs on with its IP; it only left the Service;
// - a deleted pod is replaced by its controller with a new pod and a new IP (C4): the one real
//   "pod IP changed";
// - scaling adds or removes pods and replaces none.

import {getRow, listEntries, listKeys} from '../../sim/index.js';
import {workloadKey} from '../../sim/keys.js';
import {matchesLabels} from '../../sim/labels.js';
import type {Pod, State} from '../../sim/types.js';

/**
 * Why an address left the ready set: `deleted` (its pod is Terminating or gone), `scaled down`
 * (deleted because its controller wants fewer), `restarted` (the container crashed; same pod,
 * same IP), `unready` (the readiness probe failed), `left selector` (the pod's labels changed).
 * Why one joined: `replaced` (a new pod of the same controller, for one deleted a moment ago),
 * `restarted` / `ready again` (the same pod back), `joined selector`, `scaled up`, `new`.
 */
type ChangeCause = 'deleted' | 'scaled down' | 'restarted' | 'unready' | 'left selector' | 'replaced' | 'ready again' | 'joined selector' | 'scaled up' | 'new';

export interface EndpointChange {
	/** `namespace/name` of the Service. */
	service: string;
	ip: string;
	pod: string | null;
	kind: 'added' | 'removed';
	at: number;
	cause: ChangeCause;
	/** A `replaced` address: the IP of the pod it took over from. */
	replaces?: string;
	/** The controller of the pod (`Kind/ns/name`), for pairing a replacement with its predecessor. */
	owner?: string;
}

function readyPods(state: State, key: string): Map<string, {ip: string; pod: string | null}> {
	const out = new Map<string, {ip: string; pod: string | null}>();
	for (const [k, a] of listEntries(getRow(state.endpoints, key)?.addresses)) if (a.ready) out.set(k, {ip: a.ip, pod: a.podName ?? null});
	return out;
}

const ownerOf = (pod: Pod | undefined): string | undefined => (pod?.owner ? workloadKey(pod.owner.kind, pod.namespace, pod.owner.name) : undefined);

function removedCause(prev: State, next: State, service: string, before: Pod | undefined, after: Pod | undefined): ChangeCause {
	if (!before || !after || after.uid !== before.uid || after.deletionTimestamp !== null) {
		const owner = ownerOf(before);
		const [was, is] = owner ? [getRow(prev.workloads, owner), getRow(next.workloads, owner)] : [];
		return was && is && is.replicas < was.replicas ? 'scaled down' : 'deleted';
	}
	const selector = getRow(next.services, service)?.spec.selector;
	if (selector && !matchesLabels(after.labels, selector)) return 'left selector';
	if (after.restartCount > before.restartCount || !after.containersRunning) return 'restarted';
	return 'unready';
}

/** A removal `recent` holds that a new address has not yet been paired with. */
function unpaired(recent: ReadonlyArray<EndpointChange>, fresh: ReadonlyArray<EndpointChange>, c: EndpointChange): boolean {
	return ![...recent, ...fresh].some(o => o.kind === 'added' && o.service === c.service && o.cause === 'replaced' && o.replaces === c.ip && o.at >= c.at);
}

function addedChange(
	prev: State,
	next: State,
	base: Omit<EndpointChange, 'cause'>,
	recent: ReadonlyArray<EndpointChange>,
	fresh: ReadonlyArray<EndpointChange>,
	windowMs: number,
): EndpointChange {
	const namespace = base.service.slice(0, base.service.indexOf('/'));
	const before = base.pod ? getRow(prev.pods, `${namespace}/${base.pod}`) : undefined;
	const after = base.pod ? getRow(next.pods, `${namespace}/${base.pod}`) : undefined;
	const owner = ownerOf(after);
	const withOwner = owner ? {...base, owner} : base;
	// The same pod back: it was there when its address left (a new pod of the same name, as a
	// StatefulSet makes, was created after).
	const left = [...recent].reverse().find(c => c.kind === 'removed' && c.service === base.service && c.pod === base.pod);
	if (after && left && after.createdAt <= left.at) {
		if (left.cause === 'restarted') return {...withOwner, cause: 'restarted'};
		return {...withOwner, cause: left.cause === 'left selector' ? 'joined selector' : 'ready again'};
	}
	// A pod that was ready already and only now matches the selector (relabeled).
	if (before && after && before.uid === after.uid && before.ready && !getRow(getRow(prev.endpoints, base.service)?.addresses, base.pod ?? '')) {
		return {...withOwner, cause: 'joined selector'};
	}
	if (owner) {
		// Paired by when the pod was made, not when its address is seen: one long `wait` makes the
		// replacement and lets it become ready in the same step, well after the deletion.
		const born = after?.createdAt ?? base.at;
		const near = (c: EndpointChange) => born - c.at <= windowMs;
		// The latest deletion from the same controller, a moment ago, not yet taken over; a
		// StatefulSet's pod comes back under its old name, after the old one's grace period.
		const deleted = (c: EndpointChange) =>
			c.kind === 'removed' && c.cause === 'deleted' && c.service === base.service && c.owner === owner && unpaired(recent, fresh, c);
		const latest = [...recent].reverse();
		const gone = latest.find(c => deleted(c) && c.pod === base.pod) ?? latest.find(c => deleted(c) && near(c));
		if (gone) return {...withOwner, cause: 'replaced', replaces: gone.ip};
		// A pod relabeled out of its controller's selector is made up for by one new pod (the
		// controller counts it gone); pods beyond those are a scale-up.
		const ofOwner = (c: EndpointChange) => c.service === base.service && c.owner === owner;
		const left = recent.filter(c => ofOwner(c) && c.kind === 'removed' && c.cause === 'left selector' && near(c));
		// A plain scale-up (no pod left the selector) asks no more: a step adding 10,000 pods stays linear.
		if (left.length === 0) return {...withOwner, cause: 'scaled up'};
		const since = left[0]?.at ?? Number.POSITIVE_INFINITY;
		// `fresh` holds this step's additions so far (`recent` was taken before them; both hold its removals).
		const madeUp = [...new Set([...recent, ...fresh])].filter(c => ofOwner(c) && c.kind === 'added' && c.cause === 'new' && c.at >= since).length;
		return {...withOwner, cause: madeUp < left.length ? 'new' : 'scaled up'};
	}
	return {...withOwner, cause: 'new'};
}

/**
 * The changes from `prev` to `next`, classified. `recent` are the changes reported before (oldest
 * first): a replacement joins seconds after its predecessor left, so pairing looks back at most
 * `windowMs`.
 */
export function endpointChanges(prev: State, next: State, recent: ReadonlyArray<EndpointChange> = [], windowMs = 10_000): EndpointChange[] {
	if (prev.endpoints === next.endpoints) return [];
	const changes: EndpointChange[] = [];
	const keys = new Set([...listKeys(prev.endpoints), ...listKeys(next.endpoints)]);
	for (const key of [...keys].sort()) {
		if (getRow(prev.endpoints, key) === getRow(next.endpoints, key)) continue;
		const namespace = key.slice(0, key.indexOf('/'));
		const before = readyPods(prev, key);
		const after = readyPods(next, key);
		const removed: EndpointChange[] = [];
		const added: Array<Omit<EndpointChange, 'cause'>> = [];
		for (const [k, {ip, pod}] of before) {
			// The same address key with another IP is a new pod of the same name (a StatefulSet's).
			if (after.get(k)?.ip === ip) continue;
			const podKey = `${namespace}/${pod ?? ''}`;
			const was = pod ? getRow(prev.pods, podKey) : undefined;
			const owner = ownerOf(was);
			const cause = pod ? removedCause(prev, next, key, was, getRow(next.pods, podKey)) : 'deleted';
			removed.push({service: key, ip, pod, kind: 'removed', at: next.clock, cause, ...(owner ? {owner} : {})});
		}
		for (const [k, {ip, pod}] of after) if (before.get(k)?.ip !== ip) added.push({service: key, ip, pod, kind: 'added', at: next.clock});
		const byIP = (a: {ip: string}, b: {ip: string}) => (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : 0);
		changes.push(...removed.sort(byIP));
		const seen = [...recent, ...changes];
		for (const a of added.sort(byIP)) changes.push(addedChange(prev, next, a, seen, changes, windowMs));
	}
	return changes;
}
