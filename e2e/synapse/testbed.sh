#!/usr/bin/env bash
# Real Synapse for the integration and end-to-end tests (no Docker here).
#
#   testbed.sh start   provision (once, cached outside the checkout), configure, start, register users,
#                      and write e2e/.testbed.json for the tests
#   testbed.sh stop    stop the server started by `start` (stop-all: and the policy server)
#   testbed.sh resume  start it again with its data as it was (after `stop`; for outage tests)
#
# `start` also starts a second, smaller Synapse on port+1 with a strict password policy
# (password_config.policy), described in e2e/.testbed-policy.json, for the password-policy tests, and a third on
# port+2 that delegates authentication to MAS (e2e/.testbed-mas.json; see e2e/synapse/mas-standin.ts).
#
# With SYNAPSE_URL set, nothing is provisioned: the tests use that server (see README).
# TESTBED_DIR (default e2e/) is where the .testbed*.json files go, so that a second test bed on other ports can
# serve a second test run at the same time (scripts/test.sh: the PostgreSQL pass beside the SQLite one).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
DIR="${TESTBED_DIR:-$REPO/e2e}"
OUT="${TESTBED_OUT:-$DIR/.testbed.json}"
POLICY_OUT="$DIR/.testbed-policy.json"
MAS_OUT="$DIR/.testbed-mas.json"
CACHE="${SYNAPSE_CACHE_DIR:-/var/cache/synapse-portal-testbed}"
ROOT="$CACHE/rootfs"
PORT="${SYNAPSE_PORT:-18008}"
SERVER_NAME="localhost:$PORT"
DATA_IN_ROOT="/testbed-$PORT"  # one per port, so several checkouts can test at once
DATA="$ROOT$DATA_IN_ROOT"
PIDFILE="$CACHE/synapse-$PORT.pid"

log() { echo "[testbed] $*" >&2; }

# The Debian mirror this host already uses, so the script names no host of its own.
host_mirror() {
  if [ -n "${DEBIAN_MIRROR:-}" ]; then echo "$DEBIAN_MIRROR"; return; fi
  local m
  m="$(grep -hE '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' | grep -v security | head -n1 || true)"
  if [ -z "$m" ]; then
    m="$(grep -hE '^deb ' /etc/apt/sources.list 2>/dev/null | awk '{print $2}' | grep -v security | head -n1 || true)"
  fi
  [ -n "$m" ] || { log "no Debian mirror found in /etc/apt; set DEBIAN_MIRROR"; exit 1; }
  echo "$m"
}

provision() {
  if [ -f "$ROOT/.provisioned" ]; then return; fi
  [ "$(id -u)" = 0 ] || { log "provisioning a Synapse needs root (or set SYNAPSE_URL, see README)"; exit 1; }
  command -v debootstrap >/dev/null || { apt-get update -qq && apt-get install -y -qq debootstrap >/dev/null; }
  local mirror; mirror="$(host_mirror)"
  log "provisioning Synapse in $ROOT (once; about 3 minutes)"
  rm -rf "$ROOT"; mkdir -p "$CACHE"
  debootstrap --variant=minbase sid "$ROOT" "$mirror" >"$CACHE/debootstrap.log" 2>&1 \
    || { tail -n 30 "$CACHE/debootstrap.log" >&2; exit 1; }
  cp /etc/resolv.conf "$ROOT/etc/resolv.conf"
  printf '#!/bin/sh\nexit 101\n' >"$ROOT/usr/sbin/policy-rc.d"; chmod +x "$ROOT/usr/sbin/policy-rc.d"
  mount_proc
  chroot "$ROOT" env DEBIAN_FRONTEND=noninteractive apt-get -o Acquire::Check-Valid-Until=false update -qq >"$CACHE/apt.log" 2>&1
  chroot "$ROOT" env DEBIAN_FRONTEND=noninteractive apt-get -o Acquire::Check-Valid-Until=false install -y \
    --no-install-recommends matrix-synapse python3-cffi-backend python3-authlib >>"$CACHE/apt.log" 2>&1 \
    || { tail -n 30 "$CACHE/apt.log" >&2; exit 1; }
  touch "$ROOT/.provisioned"
}

mount_proc() {
  mountpoint -q "$ROOT/proc" || mount -t proc proc "$ROOT/proc"
}

in_root() { chroot "$ROOT" "$@"; }

configure() {
  rm -rf "$DATA"; mkdir -p "$DATA"
  in_root python3 -m synapse.app.homeserver --server-name "$SERVER_NAME" \
    --config-path "$DATA_IN_ROOT/homeserver.yaml" --data-directory "$DATA_IN_ROOT" \
    --generate-config --report-stats=no >/dev/null
  # Test-only settings: loopback only, no federation key servers, generous rate limits
  # (the tests log in many times from one address), .well-known served for discovery,
  # and login tokens from an existing session (stands in for an SSO round trip).
  in_root python3 - "$DATA_IN_ROOT/homeserver.yaml" "$PORT" <<'PY'
import os, sys, yaml
path, port = sys.argv[1], int(sys.argv[2])
UNREACHABLE_SERVER = "127.0.0.1:9"
with open(path) as f:
    c = yaml.safe_load(f)
c["listeners"] = [{"port": port, "tls": False, "type": "http", "x_forwarded": False,
                   "bind_addresses": ["127.0.0.1"],
                   "resources": [{"names": ["client"], "compress": False}]}]
c["public_baseurl"] = f"http://127.0.0.1:{port}/"
c["serve_client_wellknown"] = True
c["trusted_key_servers"] = []
# Federation only to 127.0.0.1:9, where nothing listens: traffic stays on loopback and the federation pages get a
# destination that fails. Federation may reach loopback (the default list minus 127.0.0.0/8) so the attempt is a
# refused connection, which Synapse backs off from, not a blocked IP (a 403 it does not count as a failure).
c["federation_domain_whitelist"] = [UNREACHABLE_SERVER]
c["federation_ip_range_blacklist"] = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10",
    "192.0.0.0/24", "169.254.0.0/16", "192.88.99.0/24", "198.18.0.0/15", "192.0.2.0/24", "198.51.100.0/24",
    "203.0.113.0/24", "224.0.0.0/4", "fe80::/10", "fc00::/7", "2001:db8::/32", "ff00::/8", "fec0::/10"]
# Registration only with a token the portal hands out (registration tokens journey).
c["enable_registration"] = True
c["registration_requires_token"] = True
c["suppress_key_server_warning"] = True
c["login_via_existing_session"] = {"enabled": True, "require_ui_auth": False, "token_timeout": "5m"}
# Finish the fresh database's background updates in seconds, not a minute: purging a room while
# Synapse still back-fills its tables can fail on SQLite (FOREIGN KEY constraint failed).
c["background_updates"] = {"sleep_enabled": False}
big = {"per_second": 1000, "burst_count": 1000}
# Failed attempts stay limited (per account) so the e2e suite can see a real 429 on a throwaway user.
c["rc_login"] = {"address": big, "account": big, "failed_attempts": {"per_second": 0.02, "burst_count": 5}}
for k in ("rc_message", "rc_registration", "rc_joins", "rc_invites", "rc_admin_redaction",
          "rc_3pid_validation", "rc_media_create", "rc_delayed_event_mgmt", "rc_room_creation",
          "rc_reports"):
    c[k] = dict(big)
c["rc_joins"] = {"local": big, "remote": big}
c["rc_invites"] = {"per_room": big, "per_user": big, "per_issuer": big}
# Single sign-on through a test OpenID provider that the e2e suite runs on port+500 (e2e/synapse/oidc-provider.ts).
# Plain OAuth2 + userinfo (no "openid" scope, so no ID token keys), http allowed for loopback only in tests.
idp = f"http://127.0.0.1:{port + 500}"
c["oidc_providers"] = [{
    "idp_id": "test", "idp_name": "Test IdP", "issuer": idp + "/", "discover": False,
    "client_id": "synapse", "client_secret": "test-secret", "client_auth_method": "client_secret_post",
    "scopes": ["profile"], "authorization_endpoint": idp + "/authorize", "token_endpoint": idp + "/token",
    "userinfo_endpoint": idp + "/userinfo", "skip_verification": True, "allow_existing_users": True,
    "user_mapping_provider": {"config": {"subject_claim": "sub",
        "localpart_template": "{{ user.preferred_username }}", "display_name_template": "{{ user.preferred_username }}"}},
}]
# The portals under test return to http://127.0.0.1:<port>/login/sso/callback without Synapse's confirmation page.
c["sso"] = {"client_whitelist": ["http://127.0.0.1:"]}
# Server notices (the Notices page, broadcasts); the policy server has none, for the "how to enable them" message.
# And an application service (a bridge without a URL, so Synapse pushes nothing) owning @bridge_*, whose users
# broadcasts leave out unless asked (e2e/notice-fixtures.ts registers them with its as_token).
if not os.environ.get("TESTBED_POLICY") and not os.environ.get("TESTBED_MAS"):
    c["server_notices"] = {"system_mxid_localpart": "server-notices", "system_mxid_display_name": "Server Notices",
                           "room_name": "Server Notices"}
    registration = os.path.join(os.path.dirname(path), "bridge-appservice.yaml")
    with open(registration, "w") as f:
        yaml.safe_dump({"id": "test-bridge", "url": None, "as_token": "test-bridge-as-token", "hs_token": "test-bridge-hs-token",
                        "sender_localpart": "test-bridge-bot", "rate_limited": False,
                        "namespaces": {"users": [{"exclusive": True, "regex": "@bridge_.*"}], "rooms": [], "aliases": []}}, f)
    c["app_service_config_files"] = [registration]
if os.environ.get("TESTBED_MAS"):
    # Authentication delegated to MAS (here: the stand-in of e2e/synapse/mas-standin.ts on MAS_PORT, which the MAS
    # journeys start). Synapse refuses its own login, registration and SSO settings next to it.
    for k in ("enable_registration", "registration_requires_token", "login_via_existing_session", "oidc_providers", "sso",
              "server_notices", "app_service_config_files"):
        c.pop(k, None)
    c["matrix_authentication_service"] = {"enabled": True, "endpoint": f"http://127.0.0.1:{os.environ['MAS_PORT']}/",
                                          "secret": os.environ["MAS_SECRET"]}
if os.environ.get("TESTBED_POLICY"):
    c["password_config"] = {"enabled": True, "policy": {"enabled": True, "minimum_length": 12, "require_digit": True,
        "require_symbol": True, "require_lowercase": True, "require_uppercase": True}}
with open(path, "w") as f:
    yaml.safe_dump(c, f)
PY
  # Keep the log small and in the data folder.
  sed -i "s#filename: .*#filename: $DATA_IN_ROOT/homeserver.log#" "$DATA/"*.log.config
}

wait_up() {
  for _ in $(seq 1 120); do
    if curl -fsS "http://127.0.0.1:$PORT/_matrix/client/versions" >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  log "Synapse did not come up; last log lines:"; tail -n 40 "$DATA/homeserver.log" >&2 || true
  return 1
}

register() { # user password admin?
  local flag="--no-admin"; [ "$3" = admin ] && flag="--admin"
  in_root synapse_register_new_matrix_user -c "$DATA_IN_ROOT/homeserver.yaml" \
    -u "$1" -p "$2" "$flag" "http://127.0.0.1:$PORT" >/dev/null
}

start() {
  if [ -n "${SYNAPSE_URL:-}" ]; then
    log "using the Synapse at $SYNAPSE_URL"
    node -e '
      const e = process.env;
      const out = { external: true, baseUrl: e.SYNAPSE_URL.replace(/\/+$/, ""),
        admin: { userId: e.SYNAPSE_ADMIN_USER || "", password: e.SYNAPSE_ADMIN_PASSWORD || "" },
        registrationSecret: e.SYNAPSE_REGISTRATION_SECRET || "" };
      require("fs").writeFileSync(process.argv[1], JSON.stringify(out, null, 2));' "$OUT"
    rm -f "$POLICY_OUT" "$MAS_OUT" # no policy or MAS server next to a SYNAPSE_URL server
    return
  fi
  stop || true
  provision
  mount_proc
  configure
  launch
  if [ -n "${TESTBED_MAS:-}" ]; then
    node -e '
      const e = process.env;
      const out = { baseUrl: "http://127.0.0.1:" + e.PORT, serverName: e.SERVER_NAME, masPort: Number(e.MAS_PORT),
        masSecret: e.MAS_SECRET };
      require("fs").writeFileSync(process.argv[1], JSON.stringify(out, null, 2), { mode: 0o600 });' "$OUT"
    log "ready: http://127.0.0.1:$PORT (authentication delegated to MAS at 127.0.0.1:$MAS_PORT)"
    return
  fi
  local admin_pw secret
  admin_pw="admin-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  register portal-admin "$admin_pw" admin
  secret="$(in_root python3 -c 'import yaml,sys; print(yaml.safe_load(open(sys.argv[1]))["registration_shared_secret"])' "$DATA_IN_ROOT/homeserver.yaml")"
  ADMIN_PW="$admin_pw" SECRET="$secret" node -e '
    const e = process.env;
    const out = { external: false, baseUrl: "http://127.0.0.1:" + e.PORT, serverName: e.SERVER_NAME,
      oidcPort: Number(e.PORT) + 500,
      admin: { userId: "@portal-admin:" + e.SERVER_NAME, password: e.ADMIN_PW },
      registrationSecret: e.SECRET };
    require("fs").writeFileSync(process.argv[1], JSON.stringify(out, null, 2), { mode: 0o600 });' "$OUT"
  log "ready: http://127.0.0.1:$PORT (server name $SERVER_NAME)"
  if [ -z "${TESTBED_POLICY:-}" ]; then
    SYNAPSE_PORT=$((PORT + 1)) TESTBED_POLICY=1 TESTBED_OUT="$POLICY_OUT" bash "$0" start
    # The MAS journeys' Synapse on port+2; its MAS (stand-in + OAuth provider, one origin) on port+502.
    SYNAPSE_PORT=$((PORT + 2)) TESTBED_MAS=1 MAS_PORT=$((PORT + 502)) MAS_SECRET="mas-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')" \
      TESTBED_OUT="$MAS_OUT" bash "$0" start
  fi
}

launch() {
  log "starting Synapse on 127.0.0.1:$PORT"
  chroot "$ROOT" python3 -m synapse.app.homeserver -c "$DATA_IN_ROOT/homeserver.yaml" \
    >>"$DATA/stdout.log" 2>&1 &
  echo $! >"$PIDFILE"
  wait_up
}

resume() {
  [ -f "$DATA/homeserver.yaml" ] || { log "nothing to resume: run start first"; exit 1; }
  stop
  mount_proc
  launch
}

stop() {
  if [ -f "$PIDFILE" ]; then
    local pid; pid="$(cat "$PIDFILE")"
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
      kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$PIDFILE"
  fi
}

export PORT SERVER_NAME
case "${1:-}" in
  provision) provision ;;
  start) start ;;
  stop) stop ;;
  stop-all) stop; SYNAPSE_PORT=$((PORT + 1)) bash "$0" stop; SYNAPSE_PORT=$((PORT + 2)) bash "$0" stop ;;
  resume) resume ;;
  *) echo "usage: $0 start|stop|stop-all|resume|provision" >&2; exit 2 ;;
esac
