// The opaque objects behind the C handles. Internal to the shim.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include <ATen/CPUGeneratorImpl.h>
#include <torch/torch.h>

/// One network: a torch::nn::Sequential plus the shapes (without batch) of its input and of every layer's output.
struct mt_module {
    torch::nn::Sequential net;
    std::vector<int64_t> input_shape;
    std::vector<std::vector<int64_t>> layer_shapes;
};

/// A GAN optimisation state. Holds its own references to both networks (ModuleHolder shares ownership).
struct mt_gan {
    torch::nn::Sequential generator;
    torch::nn::Sequential discriminator;
    std::vector<int64_t> latent_shape;
    std::vector<int64_t> image_shape;
    std::unique_ptr<torch::optim::Adam> generator_optimizer;
    std::unique_ptr<torch::optim::Adam> discriminator_optimizer;
    at::Generator noise;
};

namespace mt {

/// Product of dims.
inline int64_t numel(const std::vector<int64_t>& shape) {
    int64_t n = 1;
    for (auto d : shape) n *= d;
    return n;
}

/// {batch, shape...}
inline std::vector<int64_t> batched(int64_t batch, const std::vector<int64_t>& shape) {
    std::vector<int64_t> sizes{batch};
    sizes.insert(sizes.end(), shape.begin(), shape.end());
    return sizes;
}

/// A CPU generator seeded with seed (independent of the global one).
inline at::Generator seeded_generator(uint64_t seed) { return at::make_generator<at::CPUGeneratorImpl>(seed); }

/// Copies a tensor's values into a caller buffer after checking the length.
void copy_out(const torch::Tensor& tensor, float* destination, int64_t length, const char* what);

}  // namespace mt
