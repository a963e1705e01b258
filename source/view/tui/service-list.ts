// The Services pane: `kubectl get svc -A` columns plus how many endpoints are ready.

import type {Service, ServiceType, State} from '../../sim/types.js';
import {getTable} from '../get.js';

export interface ServiceItem {
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
	items: ServiceItem[];
}

/** Ready vs all live (not terminating) addresses behind a Service. */
export function endpointCounts(state: State, service: Service): {ready: number; total: number} {
	const endpoints = state.endpoints[`${service.namespace}/${service.name}`];
	let ready = 0;
	let total = 0;
	for (const a of Object.values(endpoints?.addresses ?? {})) {
		if (a.terminating) continue;
		total++;
		if (a.ready) ready++;
	}
	return {ready, total};
}

function endpointsCell(state: State, service: Service, counts: {ready: number; total: number}): string {
	if (service.type === 'ExternalName') return 'CNAME';
	if (!state.endpoints[`${service.namespace}/${service.name}`]) return '-';
	return `${counts.ready}/${counts.total} ready`;
}

const cache = new WeakMap<State, ServiceList>();

export function serviceList(state: State, filter = ''): ServiceList {
	let all = cache.get(state);
	if (!all) {
		const table = getTable(state, {resource: 'services', namespace: 'default', allNamespaces: true, output: 'table'});
		const items: ServiceItem[] = [];
		if (table.ok) {
			table.rows.forEach(row => {
				const [namespace, name] = row as [string, string];
				const key = `${namespace}/${name}`;
				const service = state.services[key];
				if (!service) return;
				const counts = endpointCounts(state, service);
				items.push({key, namespace, name, type: service.type, cells: [...row, endpointsCell(state, service, counts)], ...counts});
			});
		}
		all = {headers: table.ok ? [...table.headers, 'ENDPOINTS'] : [], items};
		cache.set(state, all);
	}
	if (filter === '') return all;
	const needle = filter.toLowerCase();
	return {headers: all.headers, items: all.items.filter(i => i.key.toLowerCase().includes(needle))};
}
