// One DCGAN optimisation step (Goodfellow et al. 2014; Radford et al. 2016).
#include <string>

#include "handles.h"
#include "status.h"

using mt::guard;
using mt::require;

namespace {

/// Turns off weight gradients of a network for a scope (the discriminator during the generator step: the loss still
/// back-propagates through it to G, but D's own gradients would be thrown away by its next zero_grad anyway).
class FrozenParameters {
public:
    explicit FrozenParameters(torch::nn::Sequential& net) : parameters_(net->parameters()) {
        for (auto& p : parameters_) p.requires_grad_(false);
    }
    ~FrozenParameters() {
        for (auto& p : parameters_) p.requires_grad_(true);
    }
    FrozenParameters(const FrozenParameters&) = delete;
    FrozenParameters& operator=(const FrozenParameters&) = delete;

private:
    std::vector<torch::Tensor> parameters_;
};

}  // namespace

extern "C" {

MT_API int mt_gan_create(mt_module* generator, mt_module* discriminator, double learning_rate, double beta1,
                         double beta2, uint64_t seed, mt_gan** out) {
    return guard([&] {
        require(generator != nullptr && discriminator != nullptr && out != nullptr, "handles must not be null");
        *out = nullptr;
        require(learning_rate > 0, "learning rate must be > 0, got " + std::to_string(learning_rate));
        require(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1, "Adam betas must be in [0,1)");
        auto produced = mt::numel(generator->layer_shapes.back()), consumed = mt::numel(discriminator->input_shape);
        require(produced == consumed, "the generator produces " + std::to_string(produced) +
                                          " values per sample, the discriminator takes " + std::to_string(consumed));
        require(mt::numel(discriminator->layer_shapes.back()) == 1, "the discriminator must output one logit per sample");
        auto gan = std::make_unique<mt_gan>(mt_gan{generator->net, discriminator->net, generator->input_shape,
                                                   discriminator->input_shape, nullptr, nullptr,
                                                   mt::seeded_generator(seed)});
        auto options = torch::optim::AdamOptions(learning_rate).betas(std::make_tuple(beta1, beta2));
        gan->generator_optimizer = std::make_unique<torch::optim::Adam>(gan->generator->parameters(), options);
        gan->discriminator_optimizer = std::make_unique<torch::optim::Adam>(gan->discriminator->parameters(), options);
        *out = gan.release();
    });
}

MT_API void mt_gan_free(mt_gan* gan) { delete gan; }

MT_API int mt_gan_step(mt_gan* gan, const float* real, int64_t batch, float real_label, float* stats,
                       int32_t stats_length) {
    return guard([&] {
        require(gan != nullptr, "GAN handle is null");
        require(real != nullptr && stats != nullptr, "real batch and stats must not be null");
        require(batch >= 2, "batch must be >= 2 (BatchNorm needs more than one sample), got " + std::to_string(batch));
        require(stats_length >= 4, "stats needs 4 floats");
        require(real_label > 0 && real_label <= 1, "real label must be in (0,1], got " + std::to_string(real_label));
        auto& g = *gan;
        g.generator->train();
        g.discriminator->train();
        auto x = torch::from_blob(const_cast<float*>(real), mt::batched(batch, g.image_shape), torch::kFloat32);
        // randn locks the generator's (non-recursive) mutex itself.
        auto z = torch::randn(mt::batched(batch, g.latent_shape), g.noise, torch::kFloat32);

        // Discriminator: maximise log D(x) + log(1 − D(G(z))), i.e. minimise BCE with targets real_label and 0.
        g.discriminator_optimizer->zero_grad();
        auto real_logits = g.discriminator->forward(x);
        auto loss_real = torch::binary_cross_entropy_with_logits(real_logits, torch::full_like(real_logits, real_label));
        auto fake = g.generator->forward(z).reshape(x.sizes());
        auto fake_logits = g.discriminator->forward(fake.detach());
        auto loss_fake = torch::binary_cross_entropy_with_logits(fake_logits, torch::zeros_like(fake_logits));
        auto d_loss = loss_real + loss_fake;
        d_loss.backward();
        g.discriminator_optimizer->step();

        // Generator, non-saturating: maximise log D(G(z)), i.e. minimise BCE with target 1.
        g.generator_optimizer->zero_grad();
        torch::Tensor g_loss;
        {
            FrozenParameters frozen(g.discriminator);
            auto logits = g.discriminator->forward(fake);
            g_loss = torch::binary_cross_entropy_with_logits(logits, torch::ones_like(logits));
            g_loss.backward();
        }
        g.generator_optimizer->step();

        torch::NoGradGuard no_grad;
        stats[0] = d_loss.item<float>();
        stats[1] = g_loss.item<float>();
        stats[2] = torch::sigmoid(real_logits).mean().item<float>();
        stats[3] = torch::sigmoid(fake_logits).mean().item<float>();
    });
}

}  // extern "C"
