/** The shared Graph layer: every node calls Meta through these functions. */
export { DEFAULT_GRAPH_VERSION, META_HOSTS, MAX_BATCH_OPERATIONS } from './constants';
export { resolveConnection, META_CREDENTIAL_TYPES, type GraphConnection, type GraphContext, type MetaCredentialType } from './connection';
export { graphRequest, type GraphRequest, type GraphResponse, type GraphLayerOptions } from './request';
export { graphPaginate, type PaginateOptions } from './pagination';
export { graphBatch, type BatchOperation, type BatchResult } from './batch';
export { classifyMetaError, parseMetaErrorBody, type ClassifiedMetaError } from './errors/metaError';
export { metaNodeApiError } from './errors/toNodeError';
export { redactText, redactValue } from './redact';
export { readUsageHeaders } from './usage';
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './backoff';
