import test from 'ava';
import {fails, parses} from '../macros.js';

const USAGE = 'Usage: describe svc NAME [-n NS]';
const describe = {kind: 'describe', resource: 'services', name: 'hello-node-svc', namespace: 'default', output: 'text'} as const;

test(parses, 'describe svc hello-node-svc', describe);
test(parses, 'describe service hello-node-svc', describe);
test(parses, 'describe services hello-node-svc', describe);
test(parses, 'describe svc/hello-node-svc', describe);
test(parses, 'kubectl describe svc hello-node-svc -n web', {...describe, namespace: 'web'});
test(parses, 'describe svc hello-node-svc -o json', {...describe, output: 'json'});

test(fails, 'describe', `error: You must specify the type of resource to describe. ${USAGE}`);
test(fails, 'describe svc', `error: describe needs the NAME of a Service. ${USAGE}`);
test(fails, 'describe pods x', `error: only services can be described here, not "pods". ${USAGE}`);
test(fails, 'describe pod/x', `error: only services can be described here, not "pod". ${USAGE}`);
test(fails, 'describe svc a b', `error: unexpected argument "b". ${USAGE}`);
test(fails, 'describe svc/a svc/b', `error: unexpected argument "svc/b". ${USAGE}`);
test(fails, 'describe foo x', 'error: the server doesn\'t have a resource type "foo"');
test(fails, 'describe svc x -A', "error: unknown shorthand flag: 'A' in -A");
test(fails, 'describe svc -l app=x', "error: unknown shorthand flag: 'l' in -l");
