import test from 'ava';
import {actions, fails, parses} from '../macros.js';

const USAGE = 'Usage: probe pod NAME fail|pass [-n NS]';

test(parses, 'probe pod x fail', actions({type: 'probeSet', namespace: 'default', name: 'x', passing: false}));
test(parses, 'probe pod x pass', actions({type: 'probeSet', namespace: 'default', name: 'x', passing: true}));
test(parses, 'probe pod/x fail -n web', actions({type: 'probeSet', namespace: 'web', name: 'x', passing: false}));
test(parses, 'probe po x pass', actions({type: 'probeSet', namespace: 'default', name: 'x', passing: true}));

test(fails, 'probe', `error: probe needs a pod and fail or pass. ${USAGE}`);
test(fails, 'probe pod x', `error: probe needs fail or pass after the pod. ${USAGE}`);
test(fails, 'probe pod/x', `error: probe needs fail or pass after the pod. ${USAGE}`);
test(fails, 'probe pod x maybe', `error: probe state must be fail or pass, not "maybe". ${USAGE}`);
test(fails, 'probe pod/x FAIL', `error: probe state must be fail or pass, not "FAIL". ${USAGE}`);
test(fails, 'probe pod fail', `error: resource(s) were provided, but no name was specified. ${USAGE}`);
test(fails, 'probe fail', `error: You must provide one or more resources by argument or filename. ${USAGE}`);
test(fails, 'probe svc x fail', `error: probe works on pods only, not services. ${USAGE}`);
