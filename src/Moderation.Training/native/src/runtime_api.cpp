// Threads, the global seed, and which BLAS libtorch really calls.
#include <dlfcn.h>

#include <climits>
#include <cstdlib>
#include <cstring>
#include <string>

#include "handles.h"
#include "status.h"

using mt::guard;
using mt::require;

namespace {

/// The already-loaded OpenBLAS (a dependency of libtorch_cpu), or null. RTLD_NOLOAD never loads a new copy.
void* openblas() {
    static void* handle = dlopen("libopenblas.so.0", RTLD_LAZY | RTLD_NOLOAD);
    return handle;
}

template <typename Function>
Function openblas_symbol(const char* name) {
    void* handle = openblas();
    return handle == nullptr ? nullptr : reinterpret_cast<Function>(dlsym(handle, name));
}

/// Real path of the shared object that defines sgemm_ as libtorch resolves it (through libblas.so.3).
std::string sgemm_provider() {
    void* blas = dlopen("libblas.so.3", RTLD_LAZY | RTLD_NOLOAD);
    void* symbol = blas == nullptr ? nullptr : dlsym(blas, "sgemm_");
    Dl_info info{};
    if (symbol == nullptr || dladdr(symbol, &info) == 0 || info.dli_fname == nullptr) return "";
    char resolved[PATH_MAX];
    return realpath(info.dli_fname, resolved) != nullptr ? std::string(resolved) : std::string(info.dli_fname);
}

void copy_string(const std::string& value, char* destination, int32_t capacity) {
    if (destination == nullptr || capacity <= 0) return;
    auto n = std::min<size_t>(value.size(), static_cast<size_t>(capacity - 1));
    std::memcpy(destination, value.data(), n);
    destination[n] = '\0';
}

}  // namespace

extern "C" {

MT_API int mt_set_threads(int32_t intra_op_threads, int32_t blas_threads) {
    return guard([&] {
        require(intra_op_threads >= 1, "intra-op threads must be >= 1, got " + std::to_string(intra_op_threads));
        require(blas_threads >= 1, "BLAS threads must be >= 1, got " + std::to_string(blas_threads));
        at::set_num_threads(intra_op_threads);
        if (auto set = openblas_symbol<void (*)(int)>("openblas_set_num_threads")) set(blas_threads);
    });
}

MT_API int mt_get_threads(int32_t* intra_op_threads, int32_t* blas_threads) {
    return guard([&] {
        require(intra_op_threads != nullptr && blas_threads != nullptr, "outputs must not be null");
        *intra_op_threads = at::get_num_threads();
        auto get = openblas_symbol<int (*)()>("openblas_get_num_threads");
        *blas_threads = get != nullptr ? get() : -1;
    });
}

MT_API int mt_manual_seed(uint64_t seed) {
    return guard([&] { torch::manual_seed(seed); });
}

MT_API int mt_blas_info(char* config, int32_t config_capacity, char* sgemm_library, int32_t library_capacity,
                        int32_t* parallel_mode) {
    return guard([&] {
        require(parallel_mode != nullptr, "parallel_mode is null");
        auto get_config = openblas_symbol<char* (*)()>("openblas_get_config");
        auto get_parallel = openblas_symbol<int (*)()>("openblas_get_parallel");
        copy_string(get_config != nullptr ? get_config() : "", config, config_capacity);
        copy_string(sgemm_provider(), sgemm_library, library_capacity);
        *parallel_mode = get_parallel != nullptr ? get_parallel() : -1;
    });
}

}  // extern "C"
