// spec.nodeSelector and the required node affinity as ValidatePodSpec checks them
// (pkg/apis/core/validation/validation.go: ValidateNodeSelector, ValidateNodeSelectorTerm,
// ValidateNodeSelectorRequirement, validateNodeFieldSelectorRequirement), in a Pod and in a template.
import test from 'ava';
import {errorsOf, lines, load} from './helpers.js';

const pod = (...spec: string[]) => lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers: [{name: c, image: i}]', ...spec);
const invalid = 'The Pod "p" is invalid: ';
const affinity = (...terms: string[]) => [
	'  affinity:',
	'    nodeAffinity:',
	'      requiredDuringSchedulingIgnoredDuringExecution:',
	'        nodeSelectorTerms:',
	...terms,
];
const REQUIRED = 'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution';

test('nodeSelector: label keys and values as ValidateLabels has them; kept for the scheduler', t => {
	t.deepEqual(errorsOf(pod('  nodeSelector: {"-bad": x, disktype: "s s d"}')), [
		`t.yaml:7:18: ${invalid}spec.nodeSelector: Invalid value: "-bad": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
		`t.yaml:7:39: ${invalid}spec.nodeSelector: Invalid value: "s s d": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
	]);
	t.deepEqual(load(pod('  nodeSelector: {disktype: ssd}')).input.pods[0]?.spec.nodeSelector, {disktype: 'ssd'});
	t.is(load(pod('  nodeSelector: {}')).input.pods[0]?.spec.nodeSelector, undefined, 'an empty selector selects every node');
});

test('ValidateNodeSelectorRequirement: values for In/NotIn, none for Exists/DoesNotExist, one for Gt/Lt, a known operator, a label key', t => {
	const text = pod(
		...affinity(
			'        - matchExpressions:',
			'          - {key: a, operator: In}',
			'          - {key: b, operator: Exists, values: [x]}',
			'          - {key: c, operator: Gt, values: ["1", "2"]}',
			'          - {key: d, operator: Near, values: [x]}',
			'          - {key: "e f", operator: Exists}',
		),
	);
	const at = `${REQUIRED}.nodeSelectorTerms[0].matchExpressions`;
	t.deepEqual(errorsOf(text), [
		`t.yaml:12:13: ${invalid}${at}[0].values: Required value: must be specified when \`operator\` is 'In' or 'NotIn'`,
		`t.yaml:13:48: ${invalid}${at}[1].values: Forbidden: may not be specified when \`operator\` is 'Exists' or 'DoesNotExist'`,
		`t.yaml:14:44: ${invalid}${at}[2].values: Required value: must be specified single value when \`operator\` is 'Lt' or 'Gt'`,
		`t.yaml:15:32: ${invalid}${at}[3].operator: Invalid value: "Near": not a valid selector operator`,
		`t.yaml:16:19: ${invalid}${at}[4].key: Invalid value: "e f": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
	]);
});

test('validateNodeFieldSelectorRequirement: metadata.name only, In or NotIn, exactly one value; at least one term', t => {
	const text = pod(
		...affinity(
			'        - matchFields:',
			'          - {key: spec.nodeName, operator: In, values: [node-1]}',
			'          - {key: metadata.name, operator: In, values: [a, b]}',
		),
	);
	const at = `${REQUIRED}.nodeSelectorTerms[0].matchFields`;
	t.deepEqual(errorsOf(text), [
		`t.yaml:12:19: ${invalid}${at}[0].key: Invalid value: "spec.nodeName": not a valid field selector key`,
		`t.yaml:13:56: ${invalid}${at}[1].values: Required value: must be only one value when \`operator\` is 'In' or 'NotIn' for node field selector`,
	]);
	t.deepEqual(errorsOf(pod(...affinity().slice(0, 3), '        nodeSelectorTerms: []')), [
		`t.yaml:10:28: ${invalid}${REQUIRED}.nodeSelectorTerms: Required value: must have at least one node selector term`,
	]);
});

test('the terms are kept as written, values included, for the scheduler and -o yaml', t => {
	const text = pod(
		...affinity(
			'        - matchExpressions: [{key: zone, operator: In, values: [a, b]}]',
			'        - matchFields: [{key: metadata.name, operator: NotIn, values: [n1]}]',
		),
	);
	const result = load(text);
	t.deepEqual(result.errors, []);
	t.deepEqual(result.input.pods[0]?.spec.requiredNodeAffinity, [
		{matchExpressions: [{key: 'zone', operator: 'In', values: ['a', 'b']}], matchFields: []},
		{matchExpressions: [], matchFields: [{key: 'metadata.name', operator: 'NotIn', values: ['n1']}]},
	]);
});
