#!/usr/bin/env bash
# The browser tests use Debian's Chromium and Firefox ESR (browser downloads are not possible
# here). Install whichever is missing when apt is available; CHROME_PATH and FIREFOX_PATH point
# at other builds if you have them.
set -euo pipefail
chromium="${CHROME_PATH:-/usr/bin/chromium}"
firefox="${FIREFOX_PATH:-/usr/bin/firefox-esr}"
packages=()
if [ ! -x "$chromium" ]; then packages+=(chromium); fi
if [ ! -x "$firefox" ]; then packages+=(firefox-esr); fi
if [ "${#packages[@]}" -eq 0 ]; then exit 0; fi
if command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's ${packages[*]} for the browser tests…"
  sudo_cmd=""
  if [ "$(id -u)" != "0" ]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${packages[@]}" fonts-noto-core >/dev/null
  exit 0
fi
echo "Missing browser(s): ${packages[*]}. Install them and set CHROME_PATH / FIREFOX_PATH." >&2
exit 1
