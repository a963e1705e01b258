// ExternalName CNAME chains as CoreDNS follows them (issue 11): coredns/coredns
// `plugin/backend_lookup.go` A() drops `x CNAME x` (and a target under x), stops after 11 CNAMEs
// (`len(previousRecords) > maxCnameChainLength`, 10 since CoreDNS v1.12.1, kubeadm v1.34's) and at a target the chain already had (`dnsutil.DuplicateCNAME`),
// and adds a CNAME only when what follows it has records; `plugin/kubernetes/handler.go` then
// answers no records as NOERROR with an empty answer (NODATA). Before, these overflowed the stack.

import test from 'ava';
import type {ClientSpec, DnsResult, ServiceInput, State} from '../../source/sim/index.js';
import {getRow} from '../../source/sim/index.js';
import {input, service} from './hello-input.js';
import {boot, curl, requests, run} from './helpers.js';

const ZONE = 'default.svc.cluster.local';

function lookup(state: State, name: string, qtype: DnsResult['qtype'] = 'A', from: ClientSpec = {kind: 'default'}): DnsResult {
	const result = run(state, {type: 'dnsQueried', name, qtype, from}).results[0]!;
	if (result.kind !== 'dns') throw new Error(JSON.stringify(result));
	return result.result;
}

const answers = (r: DnsResult) => r.answers.map(a => `${a.name} ${a.type} ${a.data}`);
const alias = (name: string, target: string): ServiceInput => service(name, {type: 'ExternalName', externalName: target, selector: undefined, ports: []});

/** s0 → s1 → … → s{length}, the last a ClusterIP Service: `length` CNAMEs, then an address. */
function chain(length: number): State {
	const links = Array.from({length}, (_, i) => alias(`s${i}`, `s${i + 1}.${ZONE}`));
	return boot(input({services: [...links, service(`s${length}`, {})]}));
}

test('backend_lookup.go A(): x CNAME x is a direct loop: no record, NODATA (NOERROR, no answer)', t => {
	const state = boot(input({services: [alias('self', `self.${ZONE}`), alias('upper', `UPPER.${ZONE}.`)]}));
	for (const name of ['self', 'upper']) {
		const r = lookup(state, `${name}.${ZONE}`);
		t.is(r.rcode, 'NOERROR', name);
		t.deepEqual(r.answers, [], name);
		t.deepEqual(r.cnameStop, {why: 'self', chain: [`${name}.${ZONE}`, `${name}.${ZONE}`]}, name);
	}
});

test('backend_lookup.go A(): a target under the name itself (Name.Matches) is dropped too', t => {
	const state = boot(input({services: [alias('sub', `x.sub.${ZONE}`)]}));
	const r = lookup(state, `sub.${ZONE}`);
	t.deepEqual(
		{rcode: r.rcode, answers: r.answers, stop: r.cnameStop},
		{rcode: 'NOERROR', answers: [], stop: {why: 'self', chain: [`sub.${ZONE}`, `x.sub.${ZONE}`]}},
	);
});

test('backend_lookup.go A(): two ExternalNames pointing at each other stop at the repeated target (DuplicateCNAME)', t => {
	const state = boot(input({services: [alias('a', `b.${ZONE}`), alias('b', `a.${ZONE}`)]}));
	const a = lookup(state, 'a');
	t.deepEqual({rcode: a.rcode, answers: a.answers}, {rcode: 'NOERROR', answers: []});
	t.deepEqual(a.cnameStop, {why: 'loop', chain: [`a.${ZONE}`, `b.${ZONE}`, `a.${ZONE}`]});
	t.deepEqual(lookup(state, 'b').cnameStop?.chain, [`b.${ZONE}`, `a.${ZONE}`, `b.${ZONE}`]);
	// A three-cycle entered from a tail: the tail's CNAME is not repeated, the cycle's is.
	const three = boot(input({services: [alias('tail', `x.${ZONE}`), alias('x', `y.${ZONE}`), alias('y', `z.${ZONE}`), alias('z', `x.${ZONE}`)]}));
	t.deepEqual(lookup(three, 'tail').cnameStop, {why: 'loop', chain: [`tail.${ZONE}`, `x.${ZONE}`, `y.${ZONE}`, `z.${ZONE}`, `x.${ZONE}`]});
});

test('backend_lookup.go A(): 11 CNAMEs are followed to the address, a 12th is not (len(previousRecords) > maxCnameChainLength, 10 since v1.12.1)', t => {
	const eleven = chain(11);
	const r = lookup(eleven, 's0');
	t.is(r.rcode, 'NOERROR');
	t.deepEqual(answers(r), [
		...Array.from({length: 11}, (_, i) => `s${i}.${ZONE} CNAME s${i + 1}.${ZONE}.`),
		`s11.${ZONE} A ${getRow(eleven.services, 'default/s11')!.spec.clusterIP}`,
	]);
	t.is(r.cnameStop, undefined);
	const twelve = lookup(chain(12), 's0');
	t.deepEqual({rcode: twelve.rcode, answers: twelve.answers}, {rcode: 'NOERROR', answers: []});
	t.deepEqual(twelve.cnameStop?.why, 'depth');
	t.deepEqual(
		twelve.cnameStop?.chain,
		Array.from({length: 13}, (_, i) => `s${i}.${ZONE}`),
	);
});

test('a 9,000-long chain answers at once instead of overflowing the stack; its last 11 links resolve', t => {
	const state = chain(9000);
	const r = lookup(state, 's0');
	t.deepEqual({rcode: r.rcode, answers: r.answers, why: r.cnameStop?.why}, {rcode: 'NOERROR', answers: [], why: 'depth'});
	t.is(lookup(state, 's8989').answers.length, 12);
	t.is(lookup(state, 's8988').answers.length, 0);
});

test('backend_lookup.go A(): all or nothing: a chain ending at a name without records adds no CNAME', t => {
	const state = boot(
		input({services: [alias('missing', `nope.${ZONE}`), alias('hop', `missing.${ZONE}`), service('empty', {clusterIP: 'None', selector: {app: 'none'}})]}),
	);
	const r = lookup(state, 'hop');
	t.deepEqual({rcode: r.rcode, answers: r.answers}, {rcode: 'NOERROR', answers: []});
	t.deepEqual(r.cnameStop, {why: 'no-records', chain: [`hop.${ZONE}`, `missing.${ZONE}`, `nope.${ZONE}`]});
	// A headless Service with no ready pods is NXDOMAIN on its own (S104); through a CNAME, NODATA.
	const headless = boot(input({services: [alias('to-empty', `empty.${ZONE}`), service('empty', {clusterIP: 'None', selector: {app: 'none'}})]}));
	t.is(lookup(headless, 'empty').rcode, 'NXDOMAIN');
	t.deepEqual(lookup(headless, 'to-empty').cnameStop?.why, 'no-records');
});

test('a chain that leaves the zone ends in its CNAMEs (upstream is not simulated), whatever its length below 12', t => {
	const state = boot(input({services: [alias('a', `b.${ZONE}`), alias('b', 'db.example.com')]}));
	t.deepEqual(answers(lookup(state, 'a')), [`a.${ZONE} CNAME b.${ZONE}.`, `b.${ZONE} CNAME db.example.com.`]);
});

test('backend_lookup.go CNAME(): a CNAME question gets the first record only, loop or not', t => {
	const state = boot(input({services: [alias('self', `self.${ZONE}`), alias('a', `b.${ZONE}`), alias('b', `a.${ZONE}`)]}));
	t.deepEqual(answers(lookup(state, 'self', 'CNAME')), [`self.${ZONE} CNAME self.${ZONE}.`]);
	t.deepEqual(answers(lookup(state, 'a', 'CNAME')), [`a.${ZONE} CNAME b.${ZONE}.`]);
});

test('curl through a loop: could not resolve, and the reason says why', t => {
	const state = boot(input({services: [alias('a', `b.${ZONE}`), alias('b', `a.${ZONE}`)]}));
	const [request] = requests(run(state, curl('a')).results[0]!).requests;
	t.is(request!.outcome, 'nxdomain');
	t.is(
		request!.reason,
		`no address for a: the ExternalName CNAMEs loop (a.${ZONE} → b.${ZONE} → a.${ZONE}): CoreDNS stops at the repeated target and answers with no records`,
	);
});
