import { describe, expect, it } from "@jest/globals";
import { clientAddress } from "./client-address";

describe("the client address behind TRUSTED_PROXIES", () => {
  it("0 (the default, no proxy): the socket's address, whatever the client claims", () => {
    expect(clientAddress("203.0.113.7", undefined, 0)).toBe("203.0.113.7");
    expect(clientAddress("203.0.113.7", "198.51.100.1", 0)).toBe("203.0.113.7");
    expect(clientAddress("::ffff:203.0.113.7", "1.1.1.1, 2.2.2.2", 0)).toBe("203.0.113.7");
  });

  it("1 (one load balancer): the address the load balancer saw, not what the client wrote before it", () => {
    // The client sent "X-Forwarded-For: 198.51.100.1"; the balancer appended the real 203.0.113.7.
    expect(clientAddress("10.0.0.2", "198.51.100.1, 203.0.113.7", 1)).toBe("203.0.113.7");
    expect(clientAddress("10.0.0.2", ["198.51.100.1", "203.0.113.7"], 1)).toBe("203.0.113.7");
    expect(clientAddress("10.0.0.2", "203.0.113.7", 1)).toBe("203.0.113.7");
  });

  it("more hops configured than present: the farthest address there is", () => {
    expect(clientAddress("10.0.0.2", "203.0.113.7", 3)).toBe("203.0.113.7");
    expect(clientAddress("10.0.0.2", undefined, 2)).toBe("10.0.0.2");
  });
});
