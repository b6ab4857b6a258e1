/**
 * The SNS topic a region's alarms notify: KMS-encrypted, TLS only, mailed to the operations
 * address when one is configured. CloudWatch alarms can only notify a topic in their own
 * region, so each region that holds alarms gets one.
 */
import type { RemovalPolicy } from "aws-cdk-lib";
import {
  Alarm,
  ComparisonOperator,
  type IMetric,
  TreatMissingData,
} from "aws-cdk-lib/aws-cloudwatch";
import { SnsAction } from "aws-cdk-lib/aws-cloudwatch-actions";
import { ServicePrincipal } from "aws-cdk-lib/aws-iam";
import { Key } from "aws-cdk-lib/aws-kms";
import { Topic } from "aws-cdk-lib/aws-sns";
import { EmailSubscription } from "aws-cdk-lib/aws-sns-subscriptions";
import type { Construct } from "constructs";

export interface AlarmTopicProps {
  displayName: string;
  removalPolicy: RemovalPolicy;
  /** Alarm notifications are mailed here when given (context `alarmEmail`). */
  email?: string;
}

/**
 * Adds the key ("AlarmTopicKey") and topic ("Alarms") directly to `scope`, under the ids the
 * monitoring stack has always used, so deployed topics (and their confirmed e-mail
 * subscriptions) are not replaced. Returns the topic and the action alarms add.
 */
export function addAlarmTopic(
  scope: Construct,
  props: AlarmTopicProps,
): { topic: Topic; action: SnsAction } {
  const key = new Key(scope, "AlarmTopicKey", {
    description: "Encrypts alarm notifications",
    enableKeyRotation: true,
    removalPolicy: props.removalPolicy,
  });
  // CloudWatch publishes to an encrypted topic only if it may use the key.
  key.grant(
    new ServicePrincipal("cloudwatch.amazonaws.com"),
    "kms:Decrypt",
    "kms:GenerateDataKey*",
  );
  const topic = new Topic(scope, "Alarms", {
    displayName: props.displayName,
    masterKey: key,
    enforceSSL: true,
  });
  if (props.email) topic.addSubscription(new EmailSubscription(props.email));
  return { topic, action: new SnsAction(topic) };
}

/**
 * One of the stage's alarms, as every alarm here is made: named `asiointi-<stage>-<name>`,
 * two of three periods breaching, missing data not breaching, notifying `action` on alarm
 * and on recovery.
 */
export function addStageAlarm(
  scope: Construct,
  stageName: string,
  action: SnsAction,
  alarm: {
    name: string;
    metric: IMetric;
    threshold: number;
    description: string;
    comparison?: ComparisonOperator;
  },
): Alarm {
  const a = new Alarm(scope, alarm.name, {
    alarmName: `asiointi-${stageName}-${alarm.name}`,
    alarmDescription: alarm.description,
    metric: alarm.metric,
    threshold: alarm.threshold,
    evaluationPeriods: 3,
    datapointsToAlarm: 2,
    comparisonOperator: alarm.comparison ?? ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    treatMissingData: TreatMissingData.NOT_BREACHING,
  });
  a.addAlarmAction(action);
  a.addOkAction(action);
  return a;
}
