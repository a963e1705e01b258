// The view layer's public face: pure functions from simulator State to what kubectl prints.

export {ageSince} from './age.js';
export {describeObjects} from './describe-kinds.js';
export {ENDPOINTS_DEPRECATION_WARNING} from './get.js';
export {kubectlGet} from './get-formats.js';
export {dnsJson, formatNslookup} from './nslookup.js';
export {jsonText} from './output-text.js';
export {addWitnesses, formatSummary, formatSummaryOf, noWitnesses} from './request-summary.js';
export {answeredOutside, formatTraces, requestJson, requestsJson, summaryJson, traceHops} from './request-trace.js';
export {sanitize} from './sanitize.js';
