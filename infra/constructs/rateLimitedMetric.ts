/**
 * Requests the service's own limits refused (functions/domain/limits): every refusal is
 * logged as `{"message":"rate limited","action":...,"scope":...}`, and a metric filter on a
 * log group turns those lines into the RateLimited metric that an alarm watches. A filter
 * works the same for the Lambda functions (Powertools JSON) and the gateway (JSON lines).
 */
import { FilterPattern, type ILogGroup, MetricFilter } from "aws-cdk-lib/aws-logs";
import type { Construct } from "constructs";
import { STORAGE_NOT_READY } from "../../functions/observability/readiness.ts";

/**
 * Namespace of the service's own metrics. The gateway and functions publish them as
 * CloudWatch embedded metric format log lines (QueueWaitSeconds per handoff,
 * CallbacksWaiting per minute, SatisfactionScore per survey answer), or as log lines a
 * metric filter counts (RateLimited).
 */
export const SERVICE_METRICS_NAMESPACE = "Asiointi";
export const RATE_LIMITED_METRIC = "RateLimited";

/** Counts the log group's "rate limited" lines into Asiointi/RateLimited. */
export function countRateLimited(scope: Construct, logGroup: ILogGroup): MetricFilter {
  return new MetricFilter(scope, "RateLimitedFilter", {
    logGroup,
    filterPattern: FilterPattern.stringValue("$.message", "=", "rate limited"),
    metricNamespace: SERVICE_METRICS_NAMESPACE,
    metricName: RATE_LIMITED_METRIC,
    metricValue: "1",
    defaultValue: 0,
  });
}

export const STORAGE_NOT_READY_METRIC = "StorageNotReady";

/**
 * Counts the gateway's failed storage probes (`storage not ready`, every 30 s per task while
 * DynamoDB does not answer) into Asiointi/StorageNotReady. The load balancer checks only
 * /healthz, so a storage outage keeps the tasks in service; this is how it is seen.
 */
export function countStorageNotReady(scope: Construct, logGroup: ILogGroup): MetricFilter {
  return new MetricFilter(scope, "StorageNotReadyFilter", {
    logGroup,
    filterPattern: FilterPattern.stringValue("$.message", "=", STORAGE_NOT_READY),
    metricNamespace: SERVICE_METRICS_NAMESPACE,
    metricName: STORAGE_NOT_READY_METRIC,
    metricValue: "1",
    defaultValue: 0,
  });
}
