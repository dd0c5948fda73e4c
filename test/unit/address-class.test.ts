// Which addresses the network guard lets the portal connect to.
import { test } from "node:test";
import assert from "node:assert/strict";
import { classifyAddress } from "@/lib/synapse/address-class";

test("link-local and cloud metadata addresses are forbidden, in every spelling", () => {
  for (const ip of ["169.254.169.254", "169.254.0.1", "fe80::1", "FE80::abcd%eth0", "febf::1", "fd00:ec2::254", "100.100.100.200",
    "::ffff:169.254.169.254", "::ffff:a9fe:a9fe", "0.0.0.0", "::", "64:ff9b::a9fe:a9fe", "224.0.0.1", "255.255.255.255"]) {
    assert.equal(classifyAddress(ip), "forbidden", ip);
  }
});

test("loopback, RFC 1918, CGNAT and unique-local addresses are private", () => {
  for (const ip of ["127.0.0.1", "127.8.9.10", "::1", "10.0.0.5", "172.16.0.1", "172.31.255.255", "192.168.1.1", "100.64.0.1",
    "fd12:3456::1", "fc00::1", "fd00:ec2::253", "::ffff:127.0.0.1", "::ffff:10.1.2.3"]) {
    assert.equal(classifyAddress(ip), "private", ip);
  }
});

test("public addresses are public, and the edges of private ranges stay public", () => {
  for (const ip of ["8.8.8.8", "1.1.1.1", "172.32.0.1", "172.15.255.255", "100.128.0.1", "2001:4860:4860::8888", "::ffff:8.8.8.8"]) {
    assert.equal(classifyAddress(ip), "public", ip);
  }
});

test("anything that is not an IP address is forbidden", () => {
  assert.equal(classifyAddress("localhost"), "forbidden");
  assert.equal(classifyAddress("1.2.3"), "forbidden");
});
