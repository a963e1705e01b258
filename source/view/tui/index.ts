// View models for the TUI's panes: plain data, no React.
export {serviceList, endpointCounts, type ServiceItem, type ServiceList} from './service-list.js';
export {endpointView, type EndpointLine, type EndpointView, type EndpointState} from './endpoint-lines.js';
export {servicePods, topWorkload, workloadRef, type PodItem, type PodList} from './service-pods.js';
export {endpointChanges, type EndpointChange} from './endpoint-changes.js';
