#!/usr/bin/env bash
# The browser tests use Debian's Chromium (browser downloads are not possible here). Install it
# when it is missing and apt is available; CHROME_PATH points at another Chromium if you have one.
set -euo pipefail
browser="${CHROME_PATH:-/usr/bin/chromium}"
if [ -x "$browser" ]; then exit 0; fi
if command -v apt-get >/dev/null 2>&1; then
  echo "Chromium not found at $browser: installing Debian's chromium package…"
  sudo_cmd=""
  if [ "$(id -u)" != "0" ]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium fonts-noto-core >/dev/null
  exit 0
fi
echo "Chromium not found at $browser. Install Chromium and set CHROME_PATH to it." >&2
exit 1
