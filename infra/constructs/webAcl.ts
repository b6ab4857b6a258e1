/**
 * An AWS WAF web ACL for a public entry point: AWS managed rule groups plus a per-IP rate
 * limit, with metrics on. One rule set for every entry point: REGIONAL for the gateway's
 * load balancer and the staff user pool, CLOUDFRONT for the distribution in front of the
 * HTTP API (which WAF cannot protect directly).
 */
import { CfnWebACL, CfnWebACLAssociation } from "aws-cdk-lib/aws-wafv2";
import { Construct } from "constructs";
import { InfraConfigError } from "../stage.ts";

/** REGIONAL ACLs are associated with resources; CLOUDFRONT ACLs live in us-east-1 and are named by a distribution. */
export type WebAclScope = "REGIONAL" | "CLOUDFRONT";

export interface WebAclProps {
  /** Name prefix of the ACL and its metrics. */
  name: string;
  scope: WebAclScope;
  /** ARNs of the regional resources it protects (ALB, Cognito user pool); REGIONAL only. */
  associate?: readonly string[];
  /** Requests per IP per 5 minutes before WAF blocks; generous, many customers share NAT. */
  ratePer5Min: number;
  /**
   * Tighter per-IP limits (per 5 minutes) on the requests that cost the service something:
   * new chat sessions, public writes. The service's own limits (LIMIT_*) still hold behind.
   */
  scopedRates?: readonly { name: string; limit: number; scopeDown: CfnWebACL.StatementProperty }[];
}

/** A case-insensitive match of one part of the request, for a rule's scope-down. */
export function byteMatch(
  part: "URI_PATH" | "QUERY_STRING" | "METHOD",
  positionalConstraint: "EXACTLY" | "STARTS_WITH" | "CONTAINS",
  searchString: string,
): CfnWebACL.StatementProperty {
  const fieldToMatch =
    part === "URI_PATH"
      ? { uriPath: {} }
      : part === "QUERY_STRING"
        ? { queryString: {} }
        : { method: {} };
  return {
    byteMatchStatement: {
      fieldToMatch,
      positionalConstraint,
      searchString,
      textTransformations: [{ priority: 0, type: part === "METHOD" ? "NONE" : "LOWERCASE" }],
    },
  };
}

export class WebAcl extends Construct {
  readonly acl: CfnWebACL;

  constructor(scope: Construct, id: string, props: WebAclProps) {
    super(scope, id);
    if (props.scope === "CLOUDFRONT" && (props.associate ?? []).length > 0) {
      // A CLOUDFRONT ACL is attached by the distribution's webAclId, never by association.
      throw new InfraConfigError(
        `Web ACL ${props.name}: a CLOUDFRONT ACL cannot be associated with regional resources`,
      );
    }
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
      scope: props.scope,
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
        ...(props.scopedRates ?? []).map(
          (rate, i): CfnWebACL.RuleProperty => ({
            name: rate.name,
            priority: 10 + i,
            action: { block: {} },
            statement: {
              rateBasedStatement: {
                limit: rate.limit,
                aggregateKeyType: "IP",
                scopeDownStatement: rate.scopeDown,
              },
            },
            visibilityConfig: visibility(`${props.name}-${rate.name}`),
          }),
        ),
        managed(1, "AWSManagedRulesAmazonIpReputationList"),
        // socket.io long-polling posts up to 32 kB (maxHttpBufferSize); the common rule set
        // blocks bodies over 8 kB, so that one rule only counts.
        managed(2, "AWSManagedRulesCommonRuleSet", [
          { name: "SizeRestrictions_BODY", actionToUse: { count: {} } },
        ]),
        managed(3, "AWSManagedRulesKnownBadInputsRuleSet"),
      ],
    });

    (props.associate ?? []).forEach((resourceArn, i) => {
      new CfnWebACLAssociation(this, `Association${i}`, {
        resourceArn,
        webAclArn: this.acl.attrArn,
      });
    });
  }
}
