#!/usr/bin/env bash
# The browser tests use Debian's Chromium and Firefox ESR (browser downloads are not possible
# here), and the stories' screenshots (test/visual.mjs) need the same fonts on every machine:
# Noto for Latin, Arabic and the other scripts, Noto CJK for Japanese, Noto Color Emoji. Install
# whatever is missing when apt is available, also when the browsers are already there;
# CHROME_PATH and FIREFOX_PATH point at other builds if you have them.
set -euo pipefail
chromium="${CHROME_PATH:-/usr/bin/chromium}"
firefox="${FIREFOX_PATH:-/usr/bin/firefox-esr}"
fonts=(fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji)
# The font family each package provides, for machines without dpkg.
families=("Noto Sans" "Noto Sans CJK JP" "Noto Color Emoji")

packages=()
if [ ! -x "$chromium" ]; then packages+=(chromium); fi
if [ ! -x "$firefox" ]; then packages+=(firefox-esr); fi

missing_fonts=()
for i in "${!fonts[@]}"; do
  if command -v dpkg-query >/dev/null 2>&1; then
    status="$(dpkg-query -W -f='${Status}' "${fonts[$i]}" 2>/dev/null || true)"
    if [ "$status" != "install ok installed" ]; then missing_fonts+=("${fonts[$i]}"); fi
  elif command -v fc-list >/dev/null 2>&1; then
    if ! fc-list : family | tr ',' '\n' | grep -qx "${families[$i]}"; then missing_fonts+=("${fonts[$i]}"); fi
  else
    missing_fonts+=("${fonts[$i]}")
  fi
done

if [ "${#packages[@]}" -eq 0 ] && [ "${#missing_fonts[@]}" -eq 0 ]; then exit 0; fi
if command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's ${packages[*]} ${missing_fonts[*]} for the browser tests…"
  sudo_cmd=""
  if [ "$(id -u)" != "0" ]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${packages[@]}" "${missing_fonts[@]}" >/dev/null
  exit 0
fi
if [ "${#missing_fonts[@]}" -gt 0 ]; then
  echo "Missing fonts (the screenshots of npm run test:visual will differ): ${missing_fonts[*]}." >&2
fi
if [ "${#packages[@]}" -gt 0 ]; then
  echo "Missing browser(s): ${packages[*]}. Install them and set CHROME_PATH / FIREFOX_PATH." >&2
  exit 1
fi
