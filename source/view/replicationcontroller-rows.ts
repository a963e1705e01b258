// `kubectl get replicationcontrollers`: the same columns as ReplicaSets (printers.go).

import {replicaTableView} from './replicaset-rows.js';

export const replicationControllerView = replicaTableView('ReplicationController');
