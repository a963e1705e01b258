// The view layer's public face: pure functions from simulator State to what kubectl prints.
export {sanitize} from './sanitize.js';
export {formatAge, ageSince} from './age.js';
export {apiTimestamp, EPOCH_MS} from './timestamp.js';
export {formatTable, tabwrite, GET_LAYOUT, DESCRIBE_LAYOUT, type TabwriterOptions} from './table.js';
export {jsonText, yamlText} from './output-text.js';
export {get, getTable, KIND_VIEWS, ENDPOINTS_DEPRECATION_WARNING, type GetOptions, type GetResult, type TableData} from './get.js';
export type {KindView, ListedMeta} from './kind-view.js';
export {describeService} from './describe-service.js';
export {endpointSlices, slicesForService, type EndpointSlice} from './endpointslice-rows.js';
export {endpointSubsets, type EndpointSubset} from './endpoints-rows.js';
export {
	formatTrace,
	formatTraces,
	formatSummary,
	formatClient,
	formatOutcome,
	formatDnsStep,
	requestsJson,
	BAR_WIDTH,
} from './request-trace.js';
export {formatNslookup, dnsJson} from './nslookup.js';
