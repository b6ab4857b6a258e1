import { describe, expect, it } from "vitest";
import { createClientAddressOf, InvalidProxyError } from "./clientAddress.ts";

describe("client address", () => {
  it("ignores X-Forwarded-For when no proxy is trusted: a client cannot choose its address", () => {
    const of = createClientAddressOf([]);
    expect(of("203.0.113.7", "198.51.100.1")).toBe("203.0.113.7");
  });

  it("takes the address the trusted load balancer saw, not what the client wrote before it", () => {
    const of = createClientAddressOf(["10.0.0.0/16"]);
    // The client wrote "1.2.3.4" itself; the load balancer appended the real peer.
    expect(of("10.0.3.9", "1.2.3.4, 203.0.113.7")).toBe("203.0.113.7");
  });

  it("walks back through several trusted proxies and stops at the first untrusted hop", () => {
    const of = createClientAddressOf(["10.0.0.0/16", "192.0.2.10"]);
    expect(of("10.0.3.9", "1.2.3.4, 203.0.113.7, 192.0.2.10")).toBe("203.0.113.7");
  });

  it("does not believe the header from a peer that is not a trusted proxy", () => {
    const of = createClientAddressOf(["10.0.0.0/16"]);
    expect(of("203.0.113.7", "10.0.0.1")).toBe("203.0.113.7");
  });

  it("treats an IPv4-mapped IPv6 peer as its IPv4 address", () => {
    const of = createClientAddressOf(["127.0.0.1"]);
    expect(of("::ffff:127.0.0.1", "203.0.113.7")).toBe("203.0.113.7");
    expect(createClientAddressOf([])("::ffff:127.0.0.1")).toBe("127.0.0.1");
  });

  it("stops at a hop that is not an address", () => {
    const of = createClientAddressOf(["10.0.0.0/8"]);
    expect(of("10.0.0.2", "unknown, 10.0.0.1")).toBe("10.0.0.1");
  });

  it("refuses a trusted-proxy entry that is neither an address nor a block, naming it", () => {
    expect(() => createClientAddressOf(["10.0.0.0/33"])).toThrow(InvalidProxyError);
    expect(() => createClientAddressOf(["load-balancer"])).toThrow(/load-balancer/);
  });
});
