/**
 * CloudFront in front of the HTTP API, so that the API gets the same WAF rules as the other
 * public entry points (API Gateway HTTP APIs cannot be associated with WAF). Nothing is
 * cached: every /api request goes to the API with the viewer's headers, Authorization
 * included, and the API keeps doing CORS, throttling and JWT checks.
 */
import {
  CfnOutput,
  Duration,
  Fn,
  type SecretValue,
  Stack,
  type StackProps,
  Validations,
} from "aws-cdk-lib";
import type { IHttpApi } from "aws-cdk-lib/aws-apigatewayv2";
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as EdgeFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  PriceClass,
  ViewerProtocolPolicy,
} from "aws-cdk-lib/aws-cloudfront";
import { HttpOrigin } from "aws-cdk-lib/aws-cloudfront-origins";
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from "aws-cdk-lib/aws-s3";
import type { Construct } from "constructs";
import {
  ORIGIN_VERIFY_HEADER,
  VIEWER_ADDRESS_HEADER,
} from "../../functions/adapters/network/edgeViewerAddress.ts";
import type { StageConfig } from "../stage.ts";

export interface ApiEdgeStackProps extends StackProps {
  stage: StageConfig;
  httpApi: IHttpApi;
  /** ARN of the CLOUDFRONT-scope web ACL (EdgeWafStack, us-east-1). */
  webAclArn: string;
  /** Sent to the API with every request, so that it believes the viewer's address (ApiStack). */
  originSecret: SecretValue;
}

export class ApiEdgeStack extends Stack {
  readonly distribution: Distribution;

  constructor(scope: Construct, id: string, props: ApiEdgeStackProps) {
    super(scope, id, props);
    const { stage } = props;

    // https://<id>.execute-api.<region>.amazonaws.com -> <id>.execute-api.<region>.amazonaws.com
    const apiDomain = Fn.select(2, Fn.split("/", props.httpApi.apiEndpoint));
    const origin = new HttpOrigin(apiDomain, {
      protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
      readTimeout: Duration.seconds(30),
      // Replaces any header of the same name a viewer sends.
      customHeaders: { [ORIGIN_VERIFY_HEADER]: props.originSecret.unsafeUnwrap() },
    });
    // API Gateway sees the edge server as the source; the per-address limits need the viewer.
    // Set here, a viewer's own header of that name is overwritten.
    const viewerAddress = new EdgeFunction(this, "ViewerAddress", {
      comment: "Tells the API the viewer's address",
      runtime: FunctionRuntime.JS_2_0,
      code: FunctionCode.fromInline(
        `async function handler(event) {
  event.request.headers["${VIEWER_ADDRESS_HEADER}"] = { value: event.viewer.ip };
  return event.request;
}`,
      ),
    });
    const api = {
      origin,
      functionAssociations: [
        { function: viewerAddress, eventType: FunctionEventType.VIEWER_REQUEST },
      ],
      viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
      cachePolicy: CachePolicy.CACHING_DISABLED,
      // All viewer headers but Host (API Gateway answers only to its own host name). With
      // caching disabled this forwards Authorization too, which the staff routes' JWT
      // authorizer needs; CORS needs Origin.
      originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      compress: true,
    };

    const logs = new Bucket(this, "AccessLogs", {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      // CloudFront standard logging writes with an ACL.
      objectOwnership: ObjectOwnership.OBJECT_WRITER,
      enforceSSL: true,
      lifecycleRules: [{ expiration: Duration.days(stage.name === "prod" ? 365 : 14) }],
      removalPolicy: stage.logRemovalPolicy,
    });
    Validations.of(logs).acknowledge({
      id: "AwsSolutions-S1",
      reason: "This bucket is the access log destination itself; logging it again would recurse.",
    });

    this.distribution = new Distribution(this, "Distribution", {
      comment: `asiointi-${stage.name}: HTTP API behind WAF`,
      // Everything under /api/ is the API; the rest is not served (the API answers 404).
      defaultBehavior: { ...api, allowedMethods: AllowedMethods.ALLOW_GET_HEAD },
      additionalBehaviors: {
        "/api/*": { ...api, allowedMethods: AllowedMethods.ALLOW_ALL },
      },
      webAclId: props.webAclArn,
      httpVersion: HttpVersion.HTTP2_AND_3,
      // Customers are in Finland: Europe and North America edges are enough.
      priceClass: PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: "api/",
    });
    Validations.of(this.distribution).acknowledge({
      id: "AwsSolutions-CFR1",
      reason:
        "No geo restriction: customers living or travelling abroad use the service too; WAF's IP reputation and rate rules apply instead.",
    });
    Validations.of(this.distribution).acknowledge({
      id: "AwsSolutions-CFR4",
      reason:
        "The distribution uses its default *.cloudfront.net certificate, whose minimum TLS version cannot be set; a custom domain with an ACM certificate in us-east-1 would allow TLSv1.2_2021 (docs/deploy.md).",
    });

    new CfnOutput(this, "ApiEntryUrl", {
      value: `https://${this.distribution.distributionDomainName}`,
      description: "The public entry of the HTTP API (through CloudFront and WAF)",
    });
  }
}
