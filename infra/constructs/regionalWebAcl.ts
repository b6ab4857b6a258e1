/**
 * A regional AWS WAF web ACL for a public entry point (the gateway's load balancer, the
 * staff user pool): AWS managed rule groups plus a per-IP rate limit, with metrics on.
 */
import { CfnWebACL, CfnWebACLAssociation } from "aws-cdk-lib/aws-wafv2";
import { Construct } from "constructs";

export interface RegionalWebAclProps {
  /** Name prefix of the ACL and its metrics. */
  name: string;
  /** ARNs of the resources it protects (ALB, Cognito user pool). */
  associate: readonly string[];
  /** Requests per IP per 5 minutes before WAF blocks; generous, many customers share NAT. */
  ratePer5Min: number;
}

export class RegionalWebAcl extends Construct {
  readonly acl: CfnWebACL;

  constructor(scope: Construct, id: string, props: RegionalWebAclProps) {
    super(scope, id);
    const visibility = (metricName: string) => ({
      cloudWatchMetricsEnabled: true,
      sampledRequestsEnabled: true,
      metricName,
    });
    const managed = (
      priority: number,
      name: string,
      ruleActionOverrides?: CfnWebACL.RuleActionOverrideProperty[],
    ): CfnWebACL.RuleProperty => ({
      name,
      priority,
      overrideAction: { none: {} },
      statement: {
        managedRuleGroupStatement: {
          vendorName: "AWS",
          name,
          ...(ruleActionOverrides ? { ruleActionOverrides } : {}),
        },
      },
      visibilityConfig: visibility(`${props.name}-${name}`),
    });

    this.acl = new CfnWebACL(this, "Acl", {
      name: props.name,
      scope: "REGIONAL",
      defaultAction: { allow: {} },
      visibilityConfig: visibility(props.name),
      rules: [
        {
          name: "RatePerIp",
          priority: 0,
          action: { block: {} },
          statement: { rateBasedStatement: { limit: props.ratePer5Min, aggregateKeyType: "IP" } },
          visibilityConfig: visibility(`${props.name}-RatePerIp`),
        },
        managed(1, "AWSManagedRulesAmazonIpReputationList"),
        // socket.io long-polling posts up to 32 kB (maxHttpBufferSize); the common rule set
        // blocks bodies over 8 kB, so that one rule only counts.
        managed(2, "AWSManagedRulesCommonRuleSet", [
          { name: "SizeRestrictions_BODY", actionToUse: { count: {} } },
        ]),
        managed(3, "AWSManagedRulesKnownBadInputsRuleSet"),
      ],
    });

    props.associate.forEach((resourceArn, i) => {
      new CfnWebACLAssociation(this, `Association${i}`, {
        resourceArn,
        webAclArn: this.acl.attrArn,
      });
    });
  }
}
