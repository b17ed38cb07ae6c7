#!/usr/bin/env bash
# Installs every native dependency Moderation needs, idempotently (quick when nothing is missing).
# Debian 12 packages via apt; a patched TorchSharp native glue where the system libstdc++ is too old
# (scripts/torchsharp/patch-libtorchsharp.sh). ONNX Runtime comes from NuGet (Microsoft.ML.OnnxRuntime.Gpu.Linux), nothing from npm.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# postgresql: the review store tests start a real PostgreSQL server (initdb + postgres as the postgres user, via
# util-linux's runuser; the package's own cluster is not used).
# fonts-dejavu-core: text drawn by the degenerate-image tests.
packages=(dataset-fashion-mnist chromium postgresql fonts-dejavu-core)
# TorchSharp's libLibTorchSharp.so needs GLIBCXX_3.4.32; Debian 12's libstdc++ lacks it: the patch needs patchelf and
# g++ (for a one-function library), nothing else does.
libstdcxx="$(ldconfig -p | awk '/libstdc\+\+\.so\.6 \(libc6,x86-64\)/ && !found { print $NF; found = 1 }')"
if [ -z "$libstdcxx" ] || ! grep -qa 'GLIBCXX_3\.4\.32' "$libstdcxx"; then packages+=(patchelf g++); fi
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

bash "$root/scripts/torchsharp/patch-libtorchsharp.sh"
