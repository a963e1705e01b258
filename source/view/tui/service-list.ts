// The Services pane: `kubectl get svc -A` columns plus how many endpoints are ready.
//
// A cluster can hold a thousand Services and the clock redraws the pane every quarter second,
// so nothing here is done for every Service on every frame: the sorted order is kept per
// services table (it changes only when Services do), and a row is built only when the pane asks
// for it and kept until its Service, its endpoints or its AGE second change.

import {getRow, listRows} from '../../sim/index.js';
import type {Rows, Service, ServiceType, State} from '../../sim/types.js';
import {resolvedPorts} from '../endpoints-rows.js';
import {warningsAbout} from '../lint.js';
import {sanitize} from '../sanitize.js';
import {serviceView} from '../service-rows.js';
import {perState} from './per-state.js';
import {parseRowFilter} from './row-filter.js';
import {servicePods} from './service-pods.js';

interface ServiceItem {
	key: string;
	namespace: string;
	name: string;
	type: ServiceType;
	/** kubectl's cells (NAMESPACE … AGE) followed by ENDPOINTS, sanitized. */
	cells: string[];
	ready: number;
	total: number;
}

export interface ServiceList {
	headers: string[];
	/** `namespace/name` of every Service shown, in kubectl's order (namespace, then name). */
	keys: string[];
	/** Why the filter matches nothing: it could not be read (an invalid `-l` selector). */
	filterError?: string;
	/** The row at `index` of `keys`, built on demand. */
	item(index: number): ServiceItem;
}

const HEADERS = ['NAMESPACE', ...serviceView.columns, 'ENDPOINTS'];

/** Ready vs all live (not terminating) addresses behind a Service, counting only those that
 *  serve a port, as the Endpoints object lists them (endpoints-rows.ts, D3). */
export function endpointCounts(state: State, service: Service): {ready: number; total: number} {
	const endpoints = getRow(state.endpoints, `${service.namespace}/${service.name}`);
	let ready = 0;
	let total = 0;
	if (!endpoints) return {ready, total};
	for (const a of listRows(endpoints.addresses)) {
		if (a.terminating) continue;
		if (endpoints.ports.length > 0 && resolvedPorts(endpoints, a).length === 0) continue;
		total++;
		if (a.ready) ready++;
	}
	return {ready, total};
}

/**
 * `3/3 ready`; `<none>` as `get ep` says it when there is no endpoint, with why when `check`
 * knows (no pod matches, no pod declares the named port); ` ⚠` when `check` warns of anything
 * else (the Endpoints pane spells it out).
 */
function endpointsCell(state: State, service: Service, counts: {ready: number; total: number}): string {
	if (service.spec.type === 'ExternalName') return 'CNAME';
	if (!getRow(state.endpoints, `${service.namespace}/${service.name}`)) return '-';
	const endpoints = getRow(state.endpoints, `${service.namespace}/${service.name}`);
	if (counts.total === 0 && service.spec.selector && servicePods(state, service).items.length === 0) return '<none>: no pods';
	const live = listRows(endpoints?.addresses).filter(a => !a.terminating);
	if (counts.total === 0 && live.length > 0) return '<none>: no port';
	return `${counts.ready}/${counts.total} ready${warningsAbout(state, service).length > 0 ? ' ⚠' : ''}`;
}

/** A Service with its `namespace/name` key, as the panes and the model address it. */
interface Keyed {
	key: string;
	service: Service;
}

interface Order {
	entries: Keyed[];
	keys: string[];
}

const orderCache = new WeakMap<Rows<Service>, Order>();

function order(services: Rows<Service>): Order {
	let sorted = orderCache.get(services);
	if (!sorted) {
		const entries = listRows(services)
			.sort((a, b) => (a.namespace === b.namespace ? (a.name < b.name ? -1 : 1) : a.namespace < b.namespace ? -1 : 1))
			.map(service => ({key: `${service.namespace}/${service.name}`, service}));
		sorted = {entries, keys: entries.map(e => e.key)};
		orderCache.set(services, sorted);
	}
	return sorted;
}

interface CachedRow {
	endpoints: unknown;
	second: number;
	item: ServiceItem;
}

const rowCache = new WeakMap<Service, CachedRow>();

function item(state: State, {key, service}: Keyed): ServiceItem {
	const endpoints = getRow(state.endpoints, key);
	// AGE only changes when the clock crosses a second.
	const second = Math.floor((state.clock - service.createdAt) / 1000);
	const cached = rowCache.get(service);
	if (cached && cached.endpoints === endpoints && cached.second === second) return cached.item;
	const counts = endpointCounts(state, service);
	const cells = [service.namespace, ...serviceView.row(state, service, false), endpointsCell(state, service, counts)].map(sanitize);
	const fresh: ServiceItem = {key, namespace: service.namespace, name: service.name, type: service.spec.type, cells, ...counts};
	rowCache.set(service, {endpoints, second, item: fresh});
	return fresh;
}

const cachedList = perState<ServiceList>();

export function serviceList(state: State, filter = ''): ServiceList {
	return cachedList(state, filter, () => {
		const all = order(state.services);
		// The `/` filter of every table (row-filter.ts): text in any cell (or in `namespace/name`),
		// -l by labels, ! inverse.
		// One that cannot be read matches nothing; the pane says why (filterError).
		const parsed = parseRowFilter(filter);
		const shown =
			filter.trim() === '' ? all.entries : parsed.ok ? all.entries.filter(s => parsed.matches([s.key, ...item(state, s).cells], s.service.labels)) : [];
		return {
			headers: HEADERS,
			...(parsed.ok ? {} : {filterError: parsed.error}),
			keys: filter.trim() === '' ? all.keys : shown.map(s => s.key),
			item: index => {
				const entry = shown[index];
				// The panes ask only for rows in 0 … keys.length - 1.
				if (entry === undefined) throw new RangeError(`no Service row ${index}: the list has ${shown.length}`);
				return item(state, entry);
			},
		};
	});
}
