// Which addresses the portal may connect to. Pure: used by the network guard and its unit tests.
import net from "node:net";

/**
 * "forbidden": never fetched (link-local, cloud metadata, unspecified, multicast, broadcast);
 * "private": loopback, RFC 1918, CGNAT, unique-local (allowed only for trusted homeservers);
 * "public": anything else.
 */
export type AddressClass = "forbidden" | "private" | "public";

function v4ToInt(ip: string): number {
  return ip.split(".").reduce((n, part) => (n << 8) + Number(part), 0) >>> 0;
}

const inV4 = (ip: string, base: string, bits: number) =>
  bits === 0 || (v4ToInt(ip) >>> (32 - bits)) === (v4ToInt(base) >>> (32 - bits));

function classifyV4(ip: string): AddressClass {
  if (ip === "100.100.100.200") return "forbidden"; // Alibaba Cloud metadata
  const forbidden: [string, number][] = [["0.0.0.0", 8], ["169.254.0.0", 16], ["224.0.0.0", 4], ["240.0.0.0", 4]];
  if (forbidden.some(([b, n]) => inV4(ip, b, n))) return "forbidden";
  const priv: [string, number][] = [
    ["127.0.0.0", 8], ["10.0.0.0", 8], ["172.16.0.0", 12], ["192.168.0.0", 16], ["100.64.0.0", 10],
    ["192.0.0.0", 24], ["198.18.0.0", 15],
  ];
  return priv.some(([b, n]) => inV4(ip, b, n)) ? "private" : "public";
}

/** Eight 16-bit groups of an IPv6 address (handles `::` and a trailing dotted IPv4). */
function v6Groups(ip: string): number[] {
  let s = ip.toLowerCase().split("%")[0];
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (dotted) {
    const n = v4ToInt(dotted[1]);
    s = s.slice(0, -dotted[1].length) + `${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head, tail] = s.includes("::") ? s.split("::") : [s, undefined];
  const h = head ? head.split(":") : [];
  const t = tail ? tail.split(":") : [];
  const fill = tail === undefined ? [] : Array(8 - h.length - t.length).fill("0");
  return [...h, ...fill, ...t].map((g) => parseInt(g || "0", 16));
}

function classifyV6(ip: string): AddressClass {
  const g = v6Groups(ip);
  if (g.slice(0, 5).every((x) => x === 0) && (g[5] === 0xffff || g[5] === 0) && (g[6] !== 0 || g[7] > 1)) {
    // IPv4-mapped (::ffff:a.b.c.d) and the old IPv4-compatible form: judge the embedded IPv4 address.
    return classifyV4(`${g[6] >> 8}.${g[6] & 255}.${g[7] >> 8}.${g[7] & 255}`);
  }
  if (g.every((x) => x === 0)) return "forbidden"; // ::
  if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1) return "private"; // ::1
  if (g[0] === 0xfd00 && g[1] === 0x0ec2 && g.slice(2, 7).every((x) => x === 0) && g[7] === 0x254) return "forbidden"; // AWS metadata
  if ((g[0] & 0xffc0) === 0xfe80) return "forbidden"; // link-local fe80::/10
  if ((g[0] & 0xff00) === 0xff00) return "forbidden"; // multicast
  if ((g[0] & 0xfe00) === 0xfc00) return "private"; // unique-local fc00::/7
  if ((g[0] & 0xffc0) === 0xfec0) return "private"; // deprecated site-local
  if (g[0] === 0x0064 && g[1] === 0xff9b) return "forbidden"; // NAT64 can reach any IPv4 address, metadata included
  return "public";
}

export function classifyAddress(ip: string): AddressClass {
  const family = net.isIP(ip.split("%")[0]);
  if (family === 4) return classifyV4(ip);
  if (family === 6) return classifyV6(ip);
  return "forbidden";
}
