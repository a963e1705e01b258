// View models for the TUI's panes: plain data, no React.

export {type EndpointChange, endpointChanges} from './endpoint-changes.js';
export {type EndpointLine, type EndpointState, type EndpointView, endpointView} from './endpoint-lines.js';
export {endpointCounts, type ServiceItem, type ServiceList, serviceList} from './service-list.js';
export {type PodItem, type PodList, servicePods, topWorkload, workloadRef} from './service-pods.js';
