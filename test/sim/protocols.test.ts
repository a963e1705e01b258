// UDP and SCTP Service ports, reached with `curl --udp` / `--sctp`, over
// test/fixtures/protocols/udp-sctp.yaml. kube-proxy matches a Service port by protocol and number
// together (kubernetes/kubernetes pkg/proxy/iptables/proxier.go: `-p` and `--dport` in each
// KUBE-SVC rule; pkg/proxy/servicechangetracker.go keys ports by ServicePortName and protocol), so
// 53/UDP answers no TCP connection, and one node port may carry TCP and UDP to different targets
// (pkg/registry/core/service/portallocator, TestServiceRegistryUpdateMultiPortNodePortService).
import {readFileSync} from 'node:fs';
import test from 'ava';
import type {Action, ClientSpec, RequestTrace, State} from '../../source/sim/index.js';
import {formatTrace, requestJson} from '../../source/view/request-trace.js';
import {bootSources} from '../session/sample-state.js';
import {run, wait} from './helpers.js';

const state: State = run(bootSources([{name: 'udp-sctp.yaml', text: readFileSync('test/fixtures/protocols/udp-sctp.yaml', 'utf8')}]), wait(10)).state;
const node1 = state.nodes['node-1']?.internalIP ?? '';

function curl(target: string, protocol?: 'UDP' | 'SCTP', from: ClientSpec = {kind: 'default'}): RequestTrace {
	const action: Action = {type: 'requestSent', target, from, count: 1, ...(protocol ? {protocol} : {})};
	const [result] = run(state, action).results;
	if (result?.kind !== 'requests' || !result.requests[0]) throw new Error(JSON.stringify(result));
	return result.requests[0];
}

test('proxier.go: a UDP Service port answers --udp, and the trace names the protocol at the address and the endpoint', t => {
	const trace = curl('syslog:514', 'UDP');
	t.like(trace, {outcome: 'ok', via: 'ClusterIP', protocol: 'UDP', endpoint: {pod: 'collector', port: 514}});
	t.regex(formatTrace(trace), /→ ClusterIP 10\.[\d.]+:514\/UDP → collector 10\.[\d.]+:514\/UDP on node-\d →/);
	t.like(requestJson(trace), {protocol: 'UDP'}, '-o json carries it too');
	t.false('protocol' in (requestJson(curl('dns:53')) as object), "curl's TCP stays unsaid, as before");
});

test('proxier.go: TCP to a UDP-only port matches no rule and times out, saying which flag reaches it', t => {
	const trace = curl('syslog:514');
	t.is(trace.outcome, 'timeout');
	t.regex(trace.reason, /^syslog has no port 514 on 10\.[\d.]+ \(ports: 514\/UDP\): curl is TCP, try --udp$/);
	t.regex(curl('dns:80', 'UDP').reason, /^dns has no port 80\/UDP on .* \(ports: 53\/TCP,53\/UDP\)$/, 'no hint when no protocol has the number');
	t.regex(curl('diameter:3868').reason, /\(ports: 3868\/SCTP\): curl is TCP, try --sctp$/);
	t.like(curl('diameter:3868', 'SCTP'), {outcome: 'ok', protocol: 'SCTP', endpoint: {pod: 'signalling', port: 3868}});
});

test('portallocator: one nodePort for TCP and UDP of port 53, each protocol to its own targetPort', t => {
	const from = {kind: 'node' as const, name: 'node-1'};
	t.like(curl(`${node1}:30053`, undefined, from), {outcome: 'ok', via: 'NodePort', endpoint: {pod: 'resolver', port: 5353}});
	t.like(curl(`${node1}:30053`, 'UDP', from), {outcome: 'ok', via: 'NodePort', endpoint: {pod: 'resolver', port: 5354}});
	const sctp = curl(`${node1}:30053`, 'SCTP', from);
	t.is(sctp.outcome, 'refused');
	t.regex(sctp.reason, /nothing listens on [\d.]+:30053\/SCTP \(no Service has nodePort 30053\/SCTP; dns has it for TCP: try without --udp or --sctp\)$/);
});

test("networking/v1 NetworkPolicyPort: a port's protocol is TCP unless named, so a UDP-only rule drops TCP to the same pod", t => {
	const pod = curl('syslog:514', 'UDP').endpoint?.ip ?? '';
	const tcp = curl(`${pod}:514`);
	t.is(tcp.outcome, 'timeout');
	t.regex(tcp.reason, /dropped by NetworkPolicy default\/syslog-udp-only .* on port 514\/TCP\)$/);
	t.like(curl(`${pod}:514`, 'UDP'), {outcome: 'ok', via: 'PodIP'});
});
