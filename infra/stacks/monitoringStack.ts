/**
 * What operations watch: alarms (to an SNS topic) and one dashboard for the service's health
 * and the customer's experience: error rates, latency, queue wait, callbacks waiting,
 * satisfaction.
 */
import { CfnOutput, Duration, Stack, type StackProps } from "aws-cdk-lib";
import type { HttpApi } from "aws-cdk-lib/aws-apigatewayv2";
import {
  Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IMetric,
  MathExpression,
  Metric,
  SingleValueWidget,
  TextWidget,
  TreatMissingData,
} from "aws-cdk-lib/aws-cloudwatch";
import type { FargateService } from "aws-cdk-lib/aws-ecs";
import {
  type ApplicationLoadBalancer,
  type ApplicationTargetGroup,
  HttpCodeTarget,
} from "aws-cdk-lib/aws-elasticloadbalancingv2";
import type { IFunction } from "aws-cdk-lib/aws-lambda";
import type { Topic } from "aws-cdk-lib/aws-sns";
import type { Construct } from "constructs";
import { addAlarmTopic, addStageAlarm } from "../constructs/alarmTopic.ts";
import {
  RATE_LIMITED_METRIC,
  SERVICE_METRICS_NAMESPACE,
  STORAGE_NOT_READY_METRIC,
} from "../constructs/rateLimitedMetric.ts";
import type { StageConfig } from "../stage.ts";
import {
  cloudFront5xxRate,
  cloudFrontRequests,
  edgeWafAllowedRequests,
  edgeWafBlockedRequests,
} from "./edgeMonitoringStack.ts";
import { CLOUDFRONT_WAF_REGION } from "./edgeWafStack.ts";

export { SERVICE_METRICS_NAMESPACE } from "../constructs/rateLimitedMetric.ts";

export interface MonitoringStackProps extends StackProps {
  stage: StageConfig;
  httpApi: HttpApi;
  functions: Record<string, IFunction>;
  gateway: {
    loadBalancer: ApplicationLoadBalancer;
    targetGroup: ApplicationTargetGroup;
    service: FargateService;
  };
  /**
   * The API's CloudFront entry, for the dashboard. Its alarms are in us-east-1, where its
   * metrics are (EdgeMonitoringStack).
   */
  edge: { distributionId: string; webAclName: string };
  /** Alarm notifications go here when given (context `alarmEmail`). */
  alarmEmail?: string;
}

export class MonitoringStack extends Stack {
  readonly alarms: Alarm[] = [];
  readonly topic: Topic;
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: MonitoringStackProps) {
    super(scope, id, props);
    const { stage, httpApi, gateway } = props;
    const period = Duration.minutes(5);

    const { topic, action } = addAlarmTopic(this, {
      displayName: `asiointi-${stage.name} alarms`,
      removalPolicy: stage.logRemovalPolicy,
      email: props.alarmEmail,
    });
    this.topic = topic;

    const alarm = (
      name: string,
      metric: IMetric,
      threshold: number,
      description: string,
      comparison = ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    ) => {
      this.alarms.push(
        addStageAlarm(this, stage.name, action, {
          name,
          metric,
          threshold,
          description,
          comparison,
        }),
      );
    };

    // --- HTTP API -----------------------------------------------------------------------
    const apiRequests = httpApi.metricCount({ period, statistic: "Sum" });
    const api5xx = httpApi.metricServerError({ period, statistic: "Sum" });
    const apiErrorRate = new MathExpression({
      expression: "IF(requests > 0, 100 * errors / requests, 0)",
      usingMetrics: { requests: apiRequests, errors: api5xx },
      label: "HTTP API 5xx %",
      period,
    });
    alarm("ApiErrorRate", apiErrorRate, 1, "More than 1 % of HTTP API requests fail with 5xx");
    const apiLatency = httpApi.metricLatency({ period, statistic: "p99" });
    alarm("ApiLatencyP99", apiLatency, 2000, "HTTP API p99 latency at or above 2 s");

    // --- Lambda functions ---------------------------------------------------------------
    const fnErrors: IMetric[] = [];
    for (const [name, fn] of Object.entries(props.functions)) {
      const errors = fn.metricErrors({ period, statistic: "Sum" });
      const invocations = fn.metricInvocations({ period, statistic: "Sum" });
      fnErrors.push(errors);
      alarm(
        `${name}ErrorRate`,
        new MathExpression({
          expression: "IF(invocations > 0, 100 * errors / invocations, 0)",
          usingMetrics: { invocations, errors },
          label: `${name} errors %`,
          period,
        }),
        2,
        `Function ${name}: 2 % or more of invocations fail`,
      );
      alarm(
        `${name}Throttles`,
        fn.metricThrottles({ period, statistic: "Sum" }),
        1,
        `Function ${name} is throttled`,
      );
    }

    // --- Gateway ------------------------------------------------------------------------
    const alb = gateway.loadBalancer.metrics;
    const alb5xx = alb.httpCodeTarget(HttpCodeTarget.TARGET_5XX_COUNT, {
      period,
      statistic: "Sum",
    });
    const albRequests = alb.requestCount({ period, statistic: "Sum" });
    alarm(
      "GatewayErrorRate",
      new MathExpression({
        expression: "IF(requests > 0, 100 * errors / requests, 0)",
        usingMetrics: { requests: albRequests, errors: alb5xx },
        label: "Gateway 5xx %",
        period,
      }),
      1,
      "More than 1 % of gateway requests fail with 5xx",
    );
    const unhealthy = gateway.targetGroup.metrics.unhealthyHostCount({
      period,
      statistic: "Maximum",
    });
    alarm("GatewayUnhealthyTasks", unhealthy, 1, "A gateway task fails its health check");
    // Readiness: the tasks' own storage probes (GET /readyz's check, every 30 s), counted from
    // their logs. The target group checks /healthz only, so that a storage outage does not
    // have the tasks replaced (a new one would not fix storage); this alarm reports it.
    const storageNotReady = new Metric({
      namespace: SERVICE_METRICS_NAMESPACE,
      metricName: STORAGE_NOT_READY_METRIC,
      period,
      statistic: "Sum",
    });
    alarm(
      "StorageNotReady",
      storageNotReady,
      2,
      "Gateway tasks find DynamoDB not ready (down or past STORAGE_TIMEOUT_MS): customers are told SERVICE_UNAVAILABLE",
    );
    const gatewayCpu = gateway.service.metricCpuUtilization({ period });
    alarm(
      "GatewayCpu",
      gatewayCpu,
      85,
      "Gateway CPU at 85 %: autoscaling is at its limit or lagging",
    );

    // --- Customer experience (published by the service as EMF) --------------------------
    const serviceMetric = (metricName: string, statistic: string) =>
      new Metric({
        namespace: SERVICE_METRICS_NAMESPACE,
        metricName,
        dimensionsMap: { stage: stage.name },
        period,
        statistic,
      });
    const queueWait = serviceMetric("QueueWaitSeconds", "p90");
    const callbacksWaiting = serviceMetric("CallbacksWaiting", "Maximum");
    const satisfaction = serviceMetric("SatisfactionScore", "Average");
    alarm(
      "QueueWaitP90",
      queueWait,
      600,
      "Nine in ten customers wait less than 10 min for an advisor: not now",
    );
    alarm(
      "CallbacksWaiting",
      callbacksWaiting,
      200,
      "200 or more callback requests wait for a call",
    );
    // Refusals by the service's own limits (a metric filter on the gateway's and functions'
    // logs). A few are people hurrying; hundreds are an attack, or limits set below real use.
    const rateLimited = new Metric({
      namespace: SERVICE_METRICS_NAMESPACE,
      metricName: RATE_LIMITED_METRIC,
      period,
      statistic: "Sum",
    });
    alarm(
      "RateLimited",
      rateLimited,
      100,
      "100 or more requests refused by the service's own limits in 5 min: an attack, or LIMIT_* too low",
    );
    const lowSatisfaction = new Alarm(this, "SatisfactionLow", {
      alarmName: `asiointi-${stage.name}-SatisfactionLow`,
      alarmDescription: "Average satisfaction (1-5) under 3.5 over six hours",
      metric: serviceMetric("SatisfactionScore", "Average").with({ period: Duration.hours(6) }),
      threshold: 3.5,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.LESS_THAN_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    lowSatisfaction.addAlarmAction(action);
    this.alarms.push(lowSatisfaction);

    this.dashboard = new Dashboard(this, "Dashboard", {
      dashboardName: `asiointi-${stage.name}`,
      defaultInterval: Duration.hours(24),
    });
    this.dashboard.addWidgets(
      new TextWidget({
        markdown: `# Asiointi chat (${stage.name})\nErrors and latency first, then the customer's experience. Runbook: docs/deploy.md`,
        width: 24,
        height: 2,
      }),
    );
    // The edge's metrics live in us-east-1; each names its region, so this dashboard shows
    // them beside the rest (its alarms are in EdgeMonitoringStack).
    const edge = (m: Metric, label: string) => m.with({ region: CLOUDFRONT_WAF_REGION, label });
    this.dashboard.addWidgets(
      new GraphWidget({
        title: "API edge: CloudFront requests and 5xx % (us-east-1)",
        left: [edge(cloudFrontRequests(props.edge.distributionId), "CloudFront requests")],
        right: [edge(cloudFront5xxRate(props.edge.distributionId), "CloudFront 5xx %")],
        width: 12,
      }),
      new GraphWidget({
        title: "API edge: WAF allowed and blocked (us-east-1)",
        left: [edge(edgeWafAllowedRequests(props.edge.webAclName), "WAF allowed")],
        right: [edge(edgeWafBlockedRequests(props.edge.webAclName), "WAF blocked")],
        width: 12,
      }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({ title: "HTTP API 5xx %", left: [apiErrorRate], width: 8 }),
      new GraphWidget({ title: "HTTP API latency p99 (ms)", left: [apiLatency], width: 8 }),
      new GraphWidget({ title: "Function errors", left: fnErrors, width: 8 }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({
        title: "Gateway requests and 5xx",
        left: [albRequests],
        right: [alb5xx],
        width: 8,
      }),
      new GraphWidget({ title: "Gateway CPU %", left: [gatewayCpu], right: [unhealthy], width: 8 }),
      new GraphWidget({
        title: "Gateway response time p95 (s)",
        left: [alb.targetResponseTime({ period, statistic: "p95" })],
        width: 8,
      }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({ title: "Queue wait p90 (s)", left: [queueWait], width: 8 }),
      new GraphWidget({ title: "Callbacks waiting", left: [callbacksWaiting], width: 8 }),
      new SingleValueWidget({ title: "Satisfaction (1-5)", metrics: [satisfaction], width: 8 }),
    );

    new CfnOutput(this, "AlarmTopicArn", { value: this.topic.topicArn });
  }
}
