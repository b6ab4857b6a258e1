import type middy from "@middy/core";
import { createError } from "@middy/util";
import type { APIGatewayProxyEventV2 } from "aws-lambda";
import {
  IdentityError,
  type IdentityVerifier,
  type StaffIdentity,
  type StaffRole,
} from "../../domain/identity/identity.ts";

export type StaffEvent<E = APIGatewayProxyEventV2> = E & { staff?: StaffIdentity };

/**
 * Lets a request through only with `Authorization: Bearer <console token>` of a person with
 * `role`: no or a bad token is 401, a valid token without the role 403. The API Gateway JWT
 * authorizer checks the same in AWS; this is the check that also holds locally and if a
 * route is ever exposed without the authorizer.
 */
export function requireStaff(
  identity: IdentityVerifier | undefined,
  role: StaffRole,
): middy.MiddlewareObj<StaffEvent> {
  return {
    before: async (request) => {
      request.event.staff = await verifiedStaff(identity, request.event, [role]);
    },
  };
}

/**
 * The staff member behind the request's bearer token, if they have one of `roles` (any staff
 * role when empty); otherwise a 401 (no or a bad token) or 403 (no such role) to throw.
 */
export async function verifiedStaff(
  identity: IdentityVerifier | undefined,
  event: Pick<APIGatewayProxyEventV2, "headers">,
  roles: readonly StaffRole[],
): Promise<StaffIdentity> {
  const header = event.headers?.authorization ?? event.headers?.Authorization;
  const token = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
  const wanted = roles.length > 0 ? roles.join(" or ") : "staff";
  if (!token || !identity) {
    throw createError(401, `Authorization: a Bearer token of a signed-in ${wanted} is required`, {
      expose: true,
      cause: { code: "UNAUTHORIZED" },
    });
  }
  let staff: StaffIdentity;
  try {
    staff = await identity.verifyStaff(token);
  } catch (error) {
    if (error instanceof IdentityError && error.code === "NOT_STAFF") throw forbidden(wanted);
    if (error instanceof IdentityError) {
      throw createError(401, `Authorization: ${error.message}`, {
        expose: true,
        cause: { code: error.code },
      });
    }
    throw error;
  }
  if (roles.length > 0 && !roles.some((r) => staff.roles.includes(r))) throw forbidden(wanted);
  return staff;
}

function forbidden(wanted: string) {
  return createError(403, `This needs the ${wanted} role.`, {
    expose: true,
    cause: { code: "FORBIDDEN" },
  });
}
