// Network lifetime, forward, sampling and persistence.
#include <cstring>

#include "handles.h"
#include "spec_parser.h"
#include "status.h"

using mt::guard;
using mt::require;

void mt::copy_out(const torch::Tensor& tensor, float* destination, int64_t length, const char* what) {
    require(destination != nullptr, std::string(what) + " buffer is null");
    require(tensor.numel() == length, std::string(what) + " buffer holds " + std::to_string(length) +
                                          " floats, the tensor has " + std::to_string(tensor.numel()));
    auto values = tensor.detach().to(torch::kFloat32).contiguous();
    std::memcpy(destination, values.data_ptr<float>(), sizeof(float) * static_cast<size_t>(length));
}

namespace {

mt_module& checked(mt_module* module) {
    require(module != nullptr, "module handle is null");
    return *module;
}

const mt_module& checked(const mt_module* module) {
    require(module != nullptr, "module handle is null");
    return *module;
}

}  // namespace

extern "C" {

MT_API int mt_module_create(const char* spec, uint64_t seed, mt_module** out) {
    return guard([&] {
        require(spec != nullptr && out != nullptr, "spec and out must not be null");
        *out = nullptr;
        *out = mt::build_module(spec, seed).release();
    });
}

MT_API void mt_module_free(mt_module* module) { delete module; }

MT_API int mt_module_layer_count(const mt_module* module, int32_t* count) {
    return guard([&] {
        require(count != nullptr, "count is null");
        *count = static_cast<int32_t>(checked(module).layer_shapes.size());
    });
}

MT_API int mt_module_layer_numel(const mt_module* module, int32_t index, int64_t* numel) {
    return guard([&] {
        const auto& m = checked(module);
        require(numel != nullptr, "numel is null");
        require(index >= -1 && index < static_cast<int32_t>(m.layer_shapes.size()),
                "layer index " + std::to_string(index) + " is outside [-1, " + std::to_string(m.layer_shapes.size()) + ")");
        *numel = mt::numel(index < 0 ? m.input_shape : m.layer_shapes[index]);
    });
}

MT_API int mt_module_forward(mt_module* module, const float* input, int64_t batch, int32_t train, float* output,
                             int64_t output_length, int32_t tap_layer, float* tap, int64_t tap_length) {
    return guard([&] {
        auto& m = checked(module);
        require(input != nullptr, "input is null");
        require(batch >= 1, "batch must be >= 1, got " + std::to_string(batch));
        require(tap_layer >= -1 && tap_layer < static_cast<int32_t>(m.layer_shapes.size()),
                "tap layer " + std::to_string(tap_layer) + " is outside [-1, " + std::to_string(m.layer_shapes.size()) + ")");
        require(output_length == batch * mt::numel(m.layer_shapes.back()),
                "output buffer holds " + std::to_string(output_length) + " floats, expected " +
                    std::to_string(batch * mt::numel(m.layer_shapes.back())));
        if (tap_layer >= 0)
            require(tap_length == batch * mt::numel(m.layer_shapes[tap_layer]),
                    "tap buffer holds " + std::to_string(tap_length) + " floats, expected " +
                        std::to_string(batch * mt::numel(m.layer_shapes[tap_layer])));
        torch::NoGradGuard no_grad;
        m.net->train(train != 0);
        auto x = torch::from_blob(const_cast<float*>(input), mt::batched(batch, m.input_shape), torch::kFloat32);
        int32_t index = 0;
        for (auto& layer : *m.net) {
            x = layer.forward(x);
            if (index++ == tap_layer) mt::copy_out(x, tap, tap_length, "tap");
        }
        mt::copy_out(x, output, output_length, "output");
    });
}

MT_API int mt_module_sample(mt_module* module, int64_t count, uint64_t seed, float* output, int64_t output_length,
                            float* z_out, int64_t z_length) {
    return guard([&] {
        auto& m = checked(module);
        require(count >= 1, "count must be >= 1, got " + std::to_string(count));
        torch::NoGradGuard no_grad;
        auto generator = mt::seeded_generator(seed);
        auto z = torch::randn(mt::batched(count, m.input_shape), generator, torch::kFloat32);
        if (z_out != nullptr) mt::copy_out(z, z_out, z_length, "z");
        m.net->eval();
        mt::copy_out(m.net->forward(z), output, output_length, "output");
    });
}

MT_API int mt_module_save(const mt_module* module, const char* path) {
    return guard([&] {
        const auto& m = checked(module);
        require(path != nullptr && *path != '\0', "path is empty");
        torch::save(m.net, path);
    });
}

MT_API int mt_module_load(mt_module* module, const char* path) {
    return guard([&] {
        auto& m = checked(module);
        require(path != nullptr && *path != '\0', "path is empty");
        // Load into a copy first so a file for another architecture leaves the module untouched.
        auto staging = std::dynamic_pointer_cast<torch::nn::SequentialImpl>(m.net->clone());
        torch::nn::Sequential loaded(staging);
        torch::load(loaded, path);
        auto target = m.net->named_parameters();
        auto source = loaded->named_parameters();
        auto target_buffers = m.net->named_buffers();
        auto source_buffers = loaded->named_buffers();
        auto check = [&](const torch::OrderedDict<std::string, torch::Tensor>& from,
                         torch::OrderedDict<std::string, torch::Tensor>& to) {
            for (const auto& item : from)
                require(item.value().sizes() == to[item.key()].sizes(),
                        std::string(path) + ": '" + item.key() + "' has shape " + c10::str(item.value().sizes()) +
                            ", this network has " + c10::str(to[item.key()].sizes()));
        };
        check(source, target);
        check(source_buffers, target_buffers);
        torch::NoGradGuard no_grad;
        for (const auto& item : source) target[item.key()].copy_(item.value());
        for (const auto& item : source_buffers) target_buffers[item.key()].copy_(item.value());
    });
}

}  // extern "C"
