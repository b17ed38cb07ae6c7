#!/usr/bin/env bash
# Installs every native dependency Moderation needs, idempotently (quick when nothing is missing).
# Debian 12 packages via apt. ONNX Runtime comes from NuGet (Microsoft.ML.OnnxRuntime.Gpu.Linux), nothing from npm.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

packages=(libtorch-dev libopenblas0-pthread librdkafka1 librdkafka-dev libturbojpeg0 libpng16-16 libwebp7
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
