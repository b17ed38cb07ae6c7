#!/usr/bin/env bash
# TorchSharp's native glue, libLibTorchSharp.so (NuGet package TorchSharp), was built with GCC 13 and needs
# GLIBCXX_3.4.32 for one symbol, std::ios_base_library_init(). Debian 12's libstdc++ (GCC 12) stops at
# GLIBCXX_3.4.30, so the library does not load there as shipped. When the system libstdc++ lacks GLIBCXX_3.4.32 this
# writes a patched copy to .native/torchsharp/ (the build copies it over the package's, see
# src/Moderation.Training/build/TorchSharpGlue.targets):
#   1. patchelf --clear-symbol-version _ZSt21ios_base_library_initv  (bind the symbol unversioned)
#   2. RetargetVersionNeed.cs: the now unused version need GLIBCXX_3.4.32 is renamed GLIBCXX_3.4.30
#   3. libmoderation_ios_init.so (ios_base_library_init.cpp, g++) defines the symbol and constructs the standard
#      streams when loaded; patchelf --add-needed it (libLibTorchSharp.so's RUNPATH starts with $ORIGIN, so it is
#      found next to it).
# On a system whose libstdc++ has GLIBCXX_3.4.32 it removes .native/torchsharp/ and the package's file is used.
# Idempotent: does nothing when the patched copy of this TorchSharp version exists.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$root/scripts/torchsharp"
out="$root/.native/torchsharp"

libstdcxx="$(ldconfig -p | awk '/libstdc\+\+\.so\.6 \(libc6,x86-64\)/ && !found { print $NF; found = 1 }')"
if [ -n "$libstdcxx" ] && grep -qa 'GLIBCXX_3\.4\.32' "$libstdcxx"; then
  rm -rf "$out"
  exit 0
fi

version="$(sed -n 's/.*Include="TorchSharp-cpu" Version="\([^"]*\)".*/\1/p' "$root/Directory.Packages.props")"
[ -n "$version" ] || { echo "setup: no TorchSharp-cpu version in Directory.Packages.props" >&2; exit 1; }
# The stamp names the TorchSharp version and the inputs of the patch, so a changed helper or retarget tool re-patches.
stamp="$version $(cat "$here/ios_base_library_init.cpp" "$here/RetargetVersionNeed.cs" "$0" | sha256sum | cut -c1-16)"
if [ -f "$out/libLibTorchSharp.so" ] && [ "$(cat "$out/VERSION" 2>/dev/null)" = "$stamp" ]; then
  exit 0
fi

echo "setup: patching TorchSharp $version's libLibTorchSharp.so for this libstdc++ (no GLIBCXX_3.4.32)"
packages="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
source="$packages/torchsharp/$version/runtimes/linux-x64/native/libLibTorchSharp.so"
[ -f "$source" ] || dotnet restore "$root/src/Moderation.Training/Moderation.Training.csproj" -nologo -v quiet >/dev/null
[ -f "$source" ] || { echo "setup: $source is missing after restore" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$source" "$work/libLibTorchSharp.so"
chmod u+w "$work/libLibTorchSharp.so"
patchelf --clear-symbol-version _ZSt21ios_base_library_initv "$work/libLibTorchSharp.so"
dotnet run --file "$here/RetargetVersionNeed.cs" -- "$work/libLibTorchSharp.so" GLIBCXX_3.4.32 GLIBCXX_3.4.30 >/dev/null
g++ -O2 -shared -fPIC -o "$work/libmoderation_ios_init.so" "$here/ios_base_library_init.cpp"
patchelf --add-needed libmoderation_ios_init.so "$work/libLibTorchSharp.so"

rm -rf "$out"
mkdir -p "$out"
mv "$work/libLibTorchSharp.so" "$work/libmoderation_ios_init.so" "$out/"
echo "$stamp" > "$out/VERSION"
