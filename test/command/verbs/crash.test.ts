import test from 'ava';
import {actions, fails, parses} from '../macros.js';

const USAGE = 'Usage: crash pod NAME... [-n NS]';

test(parses, 'crash pod hello-node-x2k4z', actions({type: 'podCrashed', namespace: 'default', name: 'hello-node-x2k4z'}));
test(parses, 'crash po/a -n web', actions({type: 'podCrashed', namespace: 'web', name: 'a'}));
test(parses, 'crash pods a b', actions({type: 'podCrashed', namespace: 'default', name: 'a'}, {type: 'podCrashed', namespace: 'default', name: 'b'}));

test(fails, 'crash', `error: You must provide one or more resources by argument or filename. ${USAGE}`);
test(fails, 'crash pod', `error: resource(s) were provided, but no name was specified. ${USAGE}`);
test(fails, 'crash node x', `error: crash works on pods only, not nodes. ${USAGE}`);
test(fails, 'crash svc', `error: crash works on pods only, not services. ${USAGE}`);
test(fails, 'crash x', 'error: the server doesn\'t have a resource type "x"');
