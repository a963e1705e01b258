// View models for the TUI's panes: plain data, no React.

export {type EndpointChange, endpointChanges} from './endpoint-changes.js';
export {endpointView} from './endpoint-lines.js';
export {podPolicyLines} from './pod-policies.js';
export {requestServices} from './request-service.js';
export {endpointCounts, serviceList} from './service-list.js';
export {servicePods, topWorkload, workloadRef} from './service-pods.js';
