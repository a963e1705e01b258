// #7 + #8 (nginx/kubernetes-ingress backup-directive example): the ExternalName Service
// `backup-svc` in `default` is a CNAME to `coffee-backup-svc.external-ns.svc.cluster.local`, a
// ClusterIP Service (80 → 8080) defined with its Deployment and Namespace by the second file.
import test from 'ava';
import {isDynamicClusterIP, loadCluster, podIPs, rowsByName, type Session, session, snatHop} from './helpers.js';

const cluster = loadCluster('externalname-backup-svc.yaml', 'externalname-target-external-cafe.yaml');
const TARGET = 'coffee-backup-svc.external-ns.svc.cluster.local';
const HEADER = ['Server:\t\t10.96.0.10', 'Address:\t10.96.0.10#53', ''];

function target(s: Session) {
	const pods = podIPs(s, 'external-ns');
	const [name] = Object.keys(pods);
	const vip = rowsByName(s.out('get svc -n external-ns'))['coffee-backup-svc']!['CLUSTER-IP']!;
	return {name: name!, ...pods[name!]!, vip};
}

test('the pair loads clean (the Namespace’s stray metadata.namespace is harmless); nothing to lint', t => {
	t.deepEqual(cluster.warnings, []);
	t.is(cluster.skipped, null);
	t.deepEqual(cluster.lint, []);
});

test('get svc -A: ExternalName shows <none> for CLUSTER-IP and PORT(S), its externalName under EXTERNAL-IP', t => {
	const rows = rowsByName(session(cluster.state).out('get svc -A'));
	t.deepEqual(rows['default/backup-svc'], {
		NAMESPACE: 'default',
		NAME: 'backup-svc',
		TYPE: 'ExternalName',
		'CLUSTER-IP': '<none>',
		'EXTERNAL-IP': TARGET,
		'PORT(S)': '<none>',
		AGE: '0s',
	});
	const coffee = rows['external-ns/coffee-backup-svc']!;
	t.like(coffee, {TYPE: 'ClusterIP', 'EXTERNAL-IP': '<none>', 'PORT(S)': '80/TCP'});
	t.true(isDynamicClusterIP(coffee['CLUSTER-IP']!));
});

test('get ep -A: no Endpoints for the ExternalName Service (D4); the target has its pod at 8080', t => {
	const s = session(cluster.state);
	const {ip} = target(s);
	const rows = rowsByName(s.out('get ep -A'));
	t.false('default/backup-svc' in rows);
	t.is(rows['external-ns/coffee-backup-svc']!.ENDPOINTS, `${ip}:8080`);
	const missing = s.run('get ep backup-svc');
	t.false(missing.ok);
	t.deepEqual(missing.err, ['Error from server (NotFound): endpoints "backup-svc" not found']);
});

test('describe svc backup-svc: no IP, no ports, the External Name', t => {
	t.deepEqual(session(cluster.state).out('describe svc backup-svc'), [
		'Name:              backup-svc',
		'Namespace:         default',
		'Labels:            <none>',
		'Annotations:       <none>',
		'Selector:          <none>',
		'Type:              ExternalName',
		'IP Families:       <none>',
		'IP:                ',
		'IPs:               <none>',
		`External Name:     ${TARGET}`,
		'Session Affinity:  None',
		'Events:            <none>',
	]);
});

test('F4/S108: the CNAME, followed by CoreDNS inside its own zone to the target’s ClusterIP', t => {
	const s = session(cluster.state);
	const {vip} = target(s);
	const cname = `backup-svc.default.svc.cluster.local\tcanonical name = ${TARGET}.`;
	t.deepEqual(s.out('nslookup backup-svc'), [...HEADER, cname, `Name:\t${TARGET}`, `Address: ${vip}`, '']);
	t.deepEqual(s.out('nslookup backup-svc --type CNAME'), [...HEADER, cname, '']);
	// No per-port or per-endpoint names under an ExternalName Service.
	const srv = '_http._tcp.backup-svc.default.svc.cluster.local';
	t.deepEqual(s.out(`nslookup ${srv} --type SRV`).slice(3), [`** server can't find ${srv}: NXDOMAIN`, '']);
	t.deepEqual(s.out('nslookup 10-244-0-2.backup-svc.default.svc.cluster.local').slice(3), [
		"** server can't find 10-244-0-2.backup-svc.default.svc.cluster.local: NXDOMAIN",
		'',
	]);
	// The target answers SRV for its named port.
	t.deepEqual(s.out('nslookup _http._tcp.coffee-backup-svc.external-ns --type SRV').slice(3), [`_http._tcp.${TARGET}\tservice = 0 100 80 ${TARGET}.`, '']);
});

test('E7/H4: curl backup-svc is never proxied by it: DNS hands over the target’s VIP, which leads to the pod', t => {
	const s = session(cluster.state);
	const {name, ip, node, vip} = target(s);
	const client = s.out('curl backup-svc')[0]!.split(' → ')[0];
	const tail = (hop: string) => `→ CNAME ${TARGET} → A ${vip} → ClusterIP ${vip}:80 → ${name} ${ip}:8080 on ${node} ${hop}→ ok (iptables random, 1 of 1)`;
	t.deepEqual(s.out('curl backup-svc'), [`${client} → backup-svc ${tail('')}`]);
	// From the target's own namespace the short name needs `.default`; the pod reaching itself
	// through its Service is masqueraded by its node (the hairpin rule).
	const hairpin = `${snatHop({name: node, ip: ''}, {ip, node}, 'hairpin: the pod reached itself')} `;
	t.deepEqual(s.out(`curl backup-svc.default --from pod/${name} -n external-ns`), [
		`pod/${name} (${ip} on ${node}, namespace external-ns) → backup-svc.default ${tail(hairpin)}`,
	]);
	t.regex(s.out(`curl backup-svc --from pod/${name} -n external-ns`)[0]!, /→ NXDOMAIN → could not resolve host: backup-svc$/);
});

test('loading the target first changes nothing about the routing', t => {
	const reversed = session(loadCluster('externalname-target-external-cafe.yaml', 'externalname-backup-svc.yaml').state);
	const {name, ip, vip} = target(reversed);
	t.regex(
		reversed.out('curl backup-svc')[0]!,
		new RegExp(`→ A ${vip.replace(/\./g, '\\.')} → ClusterIP .* → ${name} ${ip.replace(/\./g, '\\.')}:8080 on node-\\d → ok`),
	);
});
