// Named parameters and buffers: listing, reading and writing by name.
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "handles.h"
#include "status.h"

using mt::guard;
using mt::require;

namespace {

/// Float32 parameters then float32 buffers of each layer, in layer order ("{index}.weight", "{index}.bias",
/// "{index}.running_mean", "{index}.running_var"). BatchNorm's int64 num_batches_tracked is left out: it only
/// matters when momentum is unset, and every spec sets momentum.
std::vector<std::pair<std::string, torch::Tensor>> named_tensors(const mt_module& module) {
    std::vector<std::pair<std::string, torch::Tensor>> result;
    for (const auto& child : module.net->named_children()) {
        for (const auto& item : child.value()->named_parameters(/*recurse=*/false))
            result.emplace_back(child.key() + "." + item.key(), item.value());
        for (const auto& item : child.value()->named_buffers(/*recurse=*/false))
            if (item.value().scalar_type() == torch::kFloat32)
                result.emplace_back(child.key() + "." + item.key(), item.value());
    }
    return result;
}

torch::Tensor find(const mt_module& module, const char* name) {
    require(name != nullptr, "tensor name is null");
    for (auto& item : named_tensors(module))
        if (item.first == name) return item.second;
    throw mt::ArgumentError(std::string("no parameter or buffer named '") + name + "'");
}

const mt_module& checked(const mt_module* module) {
    require(module != nullptr, "module handle is null");
    return *module;
}

}  // namespace

extern "C" {

MT_API int mt_module_tensor_count(const mt_module* module, int32_t* count) {
    return guard([&] {
        require(count != nullptr, "count is null");
        *count = static_cast<int32_t>(named_tensors(checked(module)).size());
    });
}

MT_API int mt_module_tensor_info(const mt_module* module, int32_t index, char* name, int32_t name_capacity,
                                 int64_t* shape, int32_t shape_capacity, int32_t* rank) {
    return guard([&] {
        auto tensors = named_tensors(checked(module));
        require(index >= 0 && index < static_cast<int32_t>(tensors.size()),
                "tensor index " + std::to_string(index) + " is outside [0, " + std::to_string(tensors.size()) + ")");
        require(name != nullptr && name_capacity > 0 && rank != nullptr, "name buffer and rank must be given");
        const auto& [key, tensor] = tensors[index];
        require(static_cast<int32_t>(key.size()) < name_capacity,
                "name buffer of " + std::to_string(name_capacity) + " bytes is too small for '" + key + "'");
        std::memcpy(name, key.c_str(), key.size() + 1);
        *rank = static_cast<int32_t>(tensor.dim());
        require(shape != nullptr && shape_capacity >= *rank,
                "shape buffer of " + std::to_string(shape_capacity) + " dims is too small for rank " + std::to_string(*rank));
        for (int32_t d = 0; d < *rank; ++d) shape[d] = tensor.size(d);
    });
}

MT_API int mt_module_tensor_read(const mt_module* module, const char* name, float* data, int64_t length) {
    return guard([&] { mt::copy_out(find(checked(module), name), data, length, name); });
}

MT_API int mt_module_tensor_write(mt_module* module, const char* name, const float* data, int64_t length) {
    return guard([&] {
        auto tensor = find(checked(module), name);
        require(data != nullptr, "data is null");
        require(tensor.numel() == length, std::string("'") + name + "' has " + std::to_string(tensor.numel()) +
                                              " elements, got " + std::to_string(length));
        torch::NoGradGuard no_grad;
        auto source = torch::from_blob(const_cast<float*>(data), tensor.sizes(), torch::kFloat32);
        tensor.copy_(source);
    });
}

}  // extern "C"
