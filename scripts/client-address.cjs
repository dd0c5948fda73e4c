// Preloaded by scripts/start.sh (NODE_OPTIONS=--require). Next.js fills X-Forwarded-For with the socket's
// address only when the request has none, so a client could name any address and dodge the per-address
// sign-in limits. Unless TRUST_PROXY=true (a proxy in front sets it), the client's own value is dropped.
const http = require("node:http");

if (process.env.TRUST_PROXY !== "true") {
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (event, req, ...rest) {
    if (event === "request" && req && req.headers) delete req.headers["x-forwarded-for"];
    return emit.call(this, event, req, ...rest);
  };
}
