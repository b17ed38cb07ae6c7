#!/usr/bin/env bash
# Installs every native dependency Moderation needs, idempotently (quick when nothing is missing).
# Debian 12 packages via apt; ONNX Runtime 1.30.0's native library from the npm package onnxruntime-node.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

packages=(libtorch-dev libopenblas0-pthread libturbojpeg0 libpng16-16 libwebp7
          dataset-fashion-mnist cmake g++ make chromium)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=""; [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

ort_version=1.30.0
ort_dir="$root/.native/onnxruntime"
if [ ! -f "$ort_dir/libonnxruntime.so.1" ] || [ "$(cat "$ort_dir/VERSION" 2>/dev/null)" != "$ort_version" ]; then
  echo "setup: fetching onnxruntime-node@$ort_version (native library only)"
  cache="${XDG_CACHE_HOME:-$HOME/.cache}/moderation"
  mkdir -p "$cache" "$ort_dir"
  tgz="$cache/onnxruntime-node-$ort_version.tgz"
  if [ ! -f "$tgz" ]; then
    (cd "$cache" && npm pack --silent "onnxruntime-node@$ort_version" >/dev/null)
  fi
  tar -xzf "$tgz" -C "$ort_dir" --strip-components=5 package/bin/napi-v6/linux/x64/libonnxruntime.so.1
  echo "$ort_version" > "$ort_dir/VERSION"
fi
