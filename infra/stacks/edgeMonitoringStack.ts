/**
 * Alarms on the API's edge: the CloudFront distribution and its CLOUDFRONT-scope WAF ACL
 * publish their metrics in us-east-1 only, and an alarm must live in its metric's region,
 * so this stack sits there with its own alarm topic. The stage's dashboard
 * (MonitoringStack) shows the same metrics by naming their region.
 */
import { Duration, Stack, type StackProps } from "aws-cdk-lib";
import { type Alarm, type IMetric, Metric } from "aws-cdk-lib/aws-cloudwatch";
import type { Construct } from "constructs";
import { addAlarmTopic, addStageAlarm } from "../constructs/alarmTopic.ts";
import type { StageConfig } from "../stage.ts";

const PERIOD = Duration.minutes(5);

/**
 * A metric of the edge, as seen from us-east-1 where it is published. Another region's
 * dashboard adds `.with({ region: CLOUDFRONT_WAF_REGION })`; an alarm must not (it takes
 * the metric from its own region). No label either: with one, the alarm is rendered as a
 * metric query instead of a plain metric.
 */
function edgeMetric(
  namespace: string,
  metricName: string,
  dimensionsMap: Record<string, string>,
  statistic: string,
): Metric {
  return new Metric({
    namespace,
    metricName,
    dimensionsMap,
    statistic,
    period: PERIOD,
  });
}

// CLOUDFRONT-scope ACLs have no Region dimension, only the ACL and the rule ("ALL": any rule).
/** Requests the edge ACL blocked, 5-minute sums. */
export const edgeWafBlockedRequests = (webAclName: string) =>
  edgeMetric("AWS/WAFV2", "BlockedRequests", { WebACL: webAclName, Rule: "ALL" }, "Sum");

/** Requests the edge ACL let through, 5-minute sums. */
export const edgeWafAllowedRequests = (webAclName: string) =>
  edgeMetric("AWS/WAFV2", "AllowedRequests", { WebACL: webAclName, Rule: "ALL" }, "Sum");

/** Percentage of viewer requests the distribution answered with 5xx (5-minute average). */
export const cloudFront5xxRate = (distributionId: string) =>
  edgeMetric(
    "AWS/CloudFront",
    "5xxErrorRate",
    { DistributionId: distributionId, Region: "Global" },
    "Average",
  );

/** Viewer requests at the distribution, 5-minute sums. */
export const cloudFrontRequests = (distributionId: string) =>
  edgeMetric(
    "AWS/CloudFront",
    "Requests",
    { DistributionId: distributionId, Region: "Global" },
    "Sum",
  );

export interface EdgeMonitoringStackProps extends StackProps {
  stage: StageConfig;
  /** The API's distribution (ApiEdgeStack, read across regions). */
  distributionId: string;
  /** Name of the edge ACL (EdgeWafStack): its metrics' WebACL dimension. */
  webAclName: string;
  alarmEmail?: string;
}

export class EdgeMonitoringStack extends Stack {
  readonly alarms: Alarm[] = [];
  /** ARN of this region's alarm topic. */
  readonly topicArn: string;

  constructor(scope: Construct, id: string, props: EdgeMonitoringStackProps) {
    super(scope, id, props);
    const { stage } = props;
    const { action, topic } = addAlarmTopic(this, {
      displayName: `asiointi-${stage.name} edge alarms (us-east-1)`,
      removalPolicy: stage.logRemovalPolicy,
      email: props.alarmEmail,
    });
    this.topicArn = topic.topicArn;

    const alarm = (name: string, metric: IMetric, threshold: number, description: string) => {
      this.alarms.push(
        addStageAlarm(this, stage.name, action, { name, metric, threshold, description }),
      );
    };

    alarm(
      "EdgeWafBlocked",
      edgeWafBlockedRequests(props.webAclName),
      EDGE_WAF_BLOCKED_THRESHOLD,
      `The API's edge WAF blocks ${EDGE_WAF_BLOCKED_THRESHOLD} or more requests in 5 min: an attack or a flood, or a rule refusing real customers (check the ACL's sampled requests)`,
    );
    alarm(
      "EdgeCloudFront5xxRate",
      cloudFront5xxRate(props.distributionId),
      1,
      "1 % or more of the API's CloudFront requests answer 5xx (origin errors or CloudFront failing to reach the HTTP API)",
    );
  }
}

/**
 * Blocked requests per 5 minutes that alarm. The HTTP API takes a few calls per chat; the
 * rate rule allows 1,000 per IP in 5 minutes, so a few hundred blocks is one client at the
 * limit or a managed rule firing often, worth a look, not noise.
 */
export const EDGE_WAF_BLOCKED_THRESHOLD = 500;
