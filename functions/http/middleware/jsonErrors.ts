import type middy from "@middy/core";
import type { APIGatewayProxyResultV2 } from "aws-lambda";
import { findingPage } from "../../contracts/contentFindings.ts";
import { ChatError } from "../../domain/chat/errors.ts";
import {
  ContentInvalidError,
  ContentWorkflowError,
  EditConflictError,
} from "../../domain/content/errors.ts";
import type { Logger } from "../../observability/logger.ts";
import { UNREVISED } from "../revisionHeaders.ts";

interface HttpLikeError {
  statusCode?: number;
  status?: number;
  message: string;
  expose?: boolean;
  cause?: { code?: string; package?: string };
}

/**
 * Turns every failure into `{ error: { code, message } }`, the same shape socket acks use.
 * Only domain and validation messages reach the client; anything else is a generic 500.
 */
export function jsonErrors(logger: Logger): middy.MiddlewareObj<unknown, APIGatewayProxyResultV2> {
  return {
    onError: async (request) => {
      const error = request.error as unknown;
      let status = 500;
      let code = "INTERNAL";
      let message = "Something went wrong on our side. Please try again later.";
      let problems:
        | {
            path: string;
            message: string;
            fix: string;
            code?: string;
            params?: unknown;
            page?: string;
          }[]
        | undefined;
      let current: Record<string, string | boolean> | undefined;
      if (error instanceof ChatError || error instanceof ContentWorkflowError) {
        status = error.httpStatus;
        code = error.code;
        message = error.message;
        if (error instanceof ContentInvalidError) {
          problems = error.problems.map(({ path, message, fix, finding }) => ({
            path,
            message,
            fix,
            // The kind and its particulars: the studio has it told again in another language.
            ...(finding ? { code: finding.code, params: finding.params } : {}),
            ...(finding && findingPage(finding) ? { page: findingPage(finding) } : {}),
          }));
        }
        // Told in the caller's language, the refusal is a new error with the original as cause.
        const conflict = [error, error.cause].find((e) => e instanceof EditConflictError);
        if (conflict?.current) {
          const { updatedBy, updatedByName, updatedAt, revision, retired } = conflict.current;
          current = {
            updatedBy: updatedByName,
            // Who by identity, not by name: two people may share a display name.
            updatedBySubject: updatedBy,
            updatedAt,
            revision: revision ?? UNREVISED,
            ...(retired ? { retired } : {}),
          };
        }
      } else if (isHttpError(error)) {
        status = error.statusCode ?? error.status ?? 500;
        if (status === 415 && error.cause?.package === "@middy/http-json-body-parser") {
          // jsonBody checks the content type before the parser, so every parser failure
          // (middy answers 415 for all of them) means the body is not JSON: a 400.
          status = 400;
          code = "VALIDATION_FAILED";
          message = "body: must be valid JSON";
        } else if (status < 500) {
          code = error.cause?.code ?? "VALIDATION_FAILED";
          message = error.message;
        }
      }
      if (status >= 500) logger.error("request failed", { error: error as Error });
      request.response = {
        statusCode: status,
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          error: {
            code,
            message,
            ...(problems ? { problems } : {}),
            ...(current ? { current } : {}),
          },
        }),
      };
    },
  };
}

function isHttpError(error: unknown): error is HttpLikeError {
  return (
    typeof error === "object" &&
    error !== null &&
    ("statusCode" in error || "status" in error) &&
    "message" in error
  );
}
