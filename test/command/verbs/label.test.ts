import test from 'ava';
import {actions, fails, parses} from '../macros.js';

const USAGE = 'Usage: label pod|node NAME KEY=VALUE... KEY-... [--overwrite] [-n NS]';

const labeled = (set: Record<string, string>, remove: string[] = [], overwrite = false, name = 'x', namespace = 'default') =>
	({type: 'podLabeled', namespace, name, set, remove, overwrite}) as const;

test(parses, 'label pod x app=web', actions(labeled({app: 'web'})));
test(parses, 'label pod x app=web tier=front', actions(labeled({app: 'web', tier: 'front'})));
test(parses, 'label pod x app-', actions(labeled({}, ['app'])));
test(parses, 'label pod x app=web old- --overwrite', actions(labeled({app: 'web'}, ['old'], true)));
test(parses, 'label --overwrite pods x app=web', actions(labeled({app: 'web'}, [], true)));
test(parses, 'label pod x app=web --overwrite=false', actions(labeled({app: 'web'})));
test(parses, 'label pod/x app=web -n web', actions(labeled({app: 'web'}, [], false, 'x', 'web')));
test('an empty value is a value', parses, 'label pod x app=', actions(labeled({app: ''})));
test(parses, 'label pod x app.kubernetes.io/name=web', actions(labeled({'app.kubernetes.io/name': 'web'})));
test('one action per pod', parses, 'label pod a b app=web', actions(labeled({app: 'web'}, [], false, 'a'), labeled({app: 'web'}, [], false, 'b')));

const nodeLabeled = (name: string, set: Record<string, string>, remove: string[] = [], overwrite = false) =>
	({type: 'nodeLabeled', name, set, remove, overwrite}) as const;
test(parses, 'label node node-1 disktype=ssd', actions(nodeLabeled('node-1', {disktype: 'ssd'})));
test('a node has no namespace: -n does not reach it', parses, 'label no/node-1 gpu- -n web --overwrite', actions(nodeLabeled('node-1', {}, ['gpu'], true)));
test('one action per node', parses, 'label nodes a b zone=z', actions(nodeLabeled('a', {zone: 'z'}), nodeLabeled('b', {zone: 'z'})));
test(
	"a bad key on a node is the API server's error for a Node",
	fails,
	'label node n "my key=x"',
	`The Node "n" is invalid: metadata.labels: Invalid value: "my key": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
);

test(fails, 'label pod x', `error: at least one label update is required. ${USAGE}`);
test(fails, 'label app=web', `error: one or more resources must be specified as <resource> <name> or <resource>/<name>. ${USAGE}`);
test(fails, 'label', `error: one or more resources must be specified as <resource> <name> or <resource>/<name>. ${USAGE}`);
test(fails, 'label pod app=web', `error: resource(s) were provided, but no name was specified. ${USAGE}`);
test(fails, 'label pod a=b x', 'error: all resources must be specified before label changes: x');
test(fails, 'label pod x a=b=c', 'error: invalid label spec: a=b=c');
test(
	fails,
	'label pod x app=-web',
	`error: invalid label value: "app=-web": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
);
test(fails, 'label pod x app=web app-', 'error: can not both modify and remove a label in the same command');
test(
	"a bad key is the API server's error",
	fails,
	'label pod x "my app=web"',
	`The Pod "x" is invalid: metadata.labels: Invalid value: "my app": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
);
test(
	'__proto__ is just a bad key',
	fails,
	'label pod x __proto__=y',
	`The Pod "x" is invalid: metadata.labels: Invalid value: "__proto__": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
);
test(fails, 'label svc x app=web', `error: label works on pods only, not services. ${USAGE}`);
test(fails, 'label pod x app=web -l app=x', "error: unknown shorthand flag: 'l' in -l");
