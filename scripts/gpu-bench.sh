#!/usr/bin/env bash
# Model-only bench, (a), on the CUDA execution provider, from a self-contained publish (a GPU machine needs no .NET).
#   scripts/gpu-bench.sh publish [OUT]      here (with the .NET SDK): publish the CLI for linux-x64, self-contained,
#                                          with models/fashion-trouser, into OUT (default out/gpu-bench, ~400 MB)
#   OUT/gpu-bench.sh run [bench args...]   on the GPU machine: point LD_LIBRARY_PATH at the CUDA 13 and cuDNN 9
#                                          libraries of the PyTorch pip install, check that ONNX Runtime's CUDA provider
#                                          resolves them, then run (a) on cpu and on cuda and write results-*.md beside it
# ONNX Runtime 1.30.0 (Microsoft.ML.OnnxRuntime.Gpu.Linux) links CUDA 13 (libcublasLt.so.13, libcudart.so.13) and
# cuDNN 9; a PyTorch built for CUDA 12 does not carry these, and the cuda run then stops with the missing library's name.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cmd="${1:-}"; shift || true
case "$cmd" in
  publish)
    root="$(cd "$here/.." && pwd)"
    out="$(mkdir -p "${1:-$root/out/gpu-bench}" && cd "${1:-$root/out/gpu-bench}" && pwd)"
    dotnet publish "$root/src/Moderation.Cli" -c Release -r linux-x64 --self-contained -o "$out" -nologo -clp:ErrorsOnly
    mkdir -p "$out/models" && cp -r "$root/models/fashion-trouser" "$out/models/"
    cp "$here/gpu-bench.sh" "$out/"
    echo "published to $out ($(du -sh "$out" | cut -f1)); copy it to the GPU machine and run: $(basename "$out")/gpu-bench.sh run"
    ;;
  run)
    python="${PYTHON:-python3}"
    echo "PyTorch: $("$python" -c 'import torch; print(torch.__version__, "CUDA", torch.version.cuda, "cuDNN", torch.backends.cudnn.version())')"
    # Every folder of the nvidia-* pip packages (cublas, cuda_runtime, cudnn, curand, cufft, nvrtc, ...) that holds a library.
    libs="$("$python" - <<'PY'
import os, site
dirs = set()
for base in site.getsitepackages() + [site.getusersitepackages()]:
    top = os.path.join(base, "nvidia")
    for folder, _, files in os.walk(top):
        if any(".so" in f for f in files):
            dirs.add(folder)
print(":".join(sorted(dirs)))
PY
)"
    export LD_LIBRARY_PATH="$libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
    echo "LD_LIBRARY_PATH=$LD_LIBRARY_PATH"
    if ldd "$here/libonnxruntime_providers_cuda.so" | grep "not found"; then
      echo "gpu-bench: the CUDA provider's libraries above are missing (ONNX Runtime 1.30.0 needs CUDA 13 and cuDNN 9)" >&2
    fi
    nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader || true
    common=(bench --model-only --model "$here/models/fashion-trouser" --rounds 5 --model-seconds 4 --intra-op-threads 0 "$@")
    "$here/moderation" "${common[@]}" --execution-provider cpu --results "$here/results-cpu.md"
    "$here/moderation" "${common[@]}" --execution-provider cuda --results "$here/results-cuda.md"
    ;;
  *) echo "usage: scripts/gpu-bench.sh publish [OUT] | OUT/gpu-bench.sh run [bench args...]" >&2; exit 2 ;;
esac
