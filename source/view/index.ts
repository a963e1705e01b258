// The view layer's public face: pure functions from simulator State to what kubectl prints.

export {ageSince, formatAge} from './age.js';
export {describeService} from './describe-service.js';
export {type EndpointSubset, endpointSubsets} from './endpoints-rows.js';
export {type EndpointSlice, endpointSlices, slicesForService} from './endpointslice-rows.js';
export {ENDPOINTS_DEPRECATION_WARNING, type GetOptions, type GetResult, get, getTable, KIND_VIEWS, type TableData} from './get.js';
export type {KindView, ListedMeta} from './kind-view.js';
export {dnsJson, formatNslookup} from './nslookup.js';
export {jsonText, yamlText} from './output-text.js';
export {
	BAR_WIDTH,
	formatClient,
	formatDnsStep,
	formatOutcome,
	formatSummary,
	formatTrace,
	formatTraces,
	requestsJson,
} from './request-trace.js';
export {sanitize} from './sanitize.js';
export {DESCRIBE_LAYOUT, formatTable, GET_LAYOUT, type TabwriterOptions, tabwrite} from './table.js';
export {apiTimestamp, EPOCH_MS} from './timestamp.js';
