// spec.tolerations: decoded as written and checked as ValidateTolerations (pkg/apis/core/validation) checks them.
import test from 'ava';
import {errorsOf, lines} from './helpers.js';

const pod = (...tolerations: string[]) =>
	lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: mongo', 'spec:', '  containers: [{name: c, image: i}]', '  tolerations:', ...tolerations);
const invalid = 'The Pod "mongo" is invalid: spec.tolerations';

test('valid tolerations load: Exists with or without a key, Equal with a value, tolerationSeconds with NoExecute', t => {
	t.deepEqual(
		errorsOf(
			pod(
				'  - operator: Exists',
				'  - {key: team, operator: Equal, value: db, effect: NoSchedule}',
				'  - {key: a, operator: Exists, effect: NoExecute, tolerationSeconds: 60}',
			),
		),
		[],
	);
});

test("ValidateTolerations' rules and quirks, in its order: the key, an empty key without Exists, tolerationSeconds without NoExecute, the operator, the effect", t => {
	t.deepEqual(errorsOf(pod('  - {key: "bad key", operator: In, effect: Never, tolerationSeconds: 5}')), [
		`t.yaml:8:11: ${invalid}[0].key: Invalid value: "bad key": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
		`t.yaml:8:44: ${invalid}[0].effect: Invalid value: "Never": effect must be 'NoExecute' when \`tolerationSeconds\` is set`,
		`t.yaml:8:32: ${invalid}[0].operator: Unsupported value: "In": supported values: "Equal", "Exists"`,
		`t.yaml:8:44: ${invalid}[0].effect: Unsupported value: "Never": supported values: "NoExecute", "NoSchedule", "PreferNoSchedule"`,
	]);
	t.deepEqual(errorsOf(pod('  - {value: x}')), [
		`t.yaml:8:5: ${invalid}[0].operator: Invalid value: "": operator must be Exists when \`key\` is empty, which means "match all values and all keys"`,
	]);
	// Exists with a value: the whole toleration is the bad value, printed as Go's %#v of core.Toleration.
	t.deepEqual(errorsOf(pod('  - {key: team, operator: Exists, value: db}')), [
		`t.yaml:8:27: ${invalid}[0].operator: Invalid value: core.Toleration{Key:"team", Operator:"Exists", Value:"db", Effect:"", TolerationSeconds:(*int64)(nil)}: value must be empty when \`operator\` is 'Exists'`,
	]);
});
