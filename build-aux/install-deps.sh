#!/usr/bin/env bash
# install-deps.sh: installs the Debian 12 packages needed to build and test Article Annotator.
# Idempotent: when every package is present it changes nothing and asks apt nothing.
set -euo pipefail

packages=(
  # building
  gcc libc6-dev pkg-config meson ninja-build gettext
  libglib2.0-dev libglib2.0-dev-bin libjson-glib-dev libgtk-4-dev
  # checking the data files
  desktop-file-utils appstream python3 python3-jsonschema
  # the window's tests run under a virtual X server
  xvfb xauth xdotool
)

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$package")
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: run as root or install sudo" >&2; exit 1; }
  sudo=(sudo)
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
