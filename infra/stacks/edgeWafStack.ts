/**
 * The web ACL of the stage's CloudFront distribution. WAF for CloudFront is managed from
 * us-east-1 only, so this small stack lives there; the distribution (ApiEdgeStack, in the
 * stage's region) names the ACL by ARN.
 */
import { Stack, type StackProps } from "aws-cdk-lib";
import type { Construct } from "constructs";
import { byteMatch, WebAcl } from "../constructs/webAcl.ts";
import type { StageConfig } from "../stage.ts";

/** The one region where CLOUDFRONT-scope web ACLs can be created. */
export const CLOUDFRONT_WAF_REGION = "us-east-1";

/** Name of a stage's edge ACL: also the WebACL dimension of its CloudWatch metrics. */
export function edgeWebAclName(stage: StageConfig): string {
  return `asiointi-${stage.name}-api-edge`;
}

export interface EdgeWafStackProps extends StackProps {
  stage: StageConfig;
}

export class EdgeWafStack extends Stack {
  /** ARN of the CLOUDFRONT-scope ACL: what a distribution's webAclId expects. */
  readonly webAclArn: string;

  constructor(scope: Construct, id: string, props: EdgeWafStackProps) {
    super(scope, id, props);
    const waf = new WebAcl(this, "Waf", {
      name: edgeWebAclName(props.stage),
      scope: "CLOUDFRONT",
      // The HTTP API takes a few calls per chat (callback, booking, survey) and the staff
      // console's reports; far fewer requests per IP than the gateway's long-polling.
      ratePer5Min: 1000,
      // Callbacks, bookings and surveys are the API's only public writes (the content
      // studio's writes are staff's): a person makes a handful, a script hundreds.
      scopedRates: [
        {
          name: "PublicWritesPerIp",
          limit: 100,
          scopeDown: {
            andStatement: {
              statements: [
                byteMatch("METHOD", "EXACTLY", "POST"),
                {
                  orStatement: {
                    statements: ["/api/callbacks", "/api/appointments", "/api/surveys"].map(
                      (path) => byteMatch("URI_PATH", "EXACTLY", path),
                    ),
                  },
                },
              ],
            },
          },
        },
      ],
    });
    this.webAclArn = waf.acl.attrArn;
  }
}
