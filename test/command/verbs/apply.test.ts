import test from 'ava';
import {fails, parses} from '../macros.js';

const USAGE = 'Usage: apply -f FILE';

test(parses, 'apply -f web.yaml', {kind: 'apply', file: 'web.yaml'});
test(parses, 'apply --filename web/', {kind: 'apply', file: 'web/'});
test(fails, 'apply', `error: must specify --filename (-f). ${USAGE}`);
test(fails, 'apply -f', "error: flag needs an argument: 'f' in -f");
test(fails, 'apply -f a.yaml b.yaml', `error: unexpected argument "b.yaml". ${USAGE}`);
test(fails, 'apply -f a.yaml -n shop', `error: -n is not taken with -f: each object goes to its file's metadata.namespace, else default. ${USAGE}`);
test(parses, 'create -f web.yaml', {kind: 'apply', file: 'web.yaml', verb: 'create'});
test(fails, 'create web.yaml', 'error: unexpected argument "web.yaml". Usage: create -f FILE');
test(parses, 'delete -f web.yaml', {kind: 'apply', file: 'web.yaml', verb: 'delete'});
