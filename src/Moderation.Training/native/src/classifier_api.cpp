// Supervised real-vs-fake training of one network (a discriminator copy) on given real and fake batches.
#include <string>

#include "handles.h"
#include "status.h"

using mt::guard;
using mt::require;

/// A binary classifier optimisation state: the network (shared with its module handle) and its Adam optimiser.
struct mt_classifier {
    torch::nn::Sequential net;
    std::vector<int64_t> input_shape;
    std::unique_ptr<torch::optim::Adam> optimizer;
};

extern "C" {

MT_API int mt_classifier_create(mt_module* network, double learning_rate, double beta1, double beta2,
                                mt_classifier** out) {
    return guard([&] {
        require(network != nullptr && out != nullptr, "handles must not be null");
        *out = nullptr;
        require(learning_rate > 0, "learning rate must be > 0, got " + std::to_string(learning_rate));
        require(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1, "Adam betas must be in [0,1)");
        require(mt::numel(network->layer_shapes.back()) == 1, "the classifier must output one logit per sample");
        auto classifier = std::make_unique<mt_classifier>(mt_classifier{network->net, network->input_shape, nullptr});
        auto options = torch::optim::AdamOptions(learning_rate).betas(std::make_tuple(beta1, beta2));
        classifier->optimizer = std::make_unique<torch::optim::Adam>(classifier->net->parameters(), options);
        *out = classifier.release();
    });
}

MT_API void mt_classifier_free(mt_classifier* classifier) { delete classifier; }

MT_API int mt_classifier_step(mt_classifier* classifier, const float* real, int64_t real_batch, const float* fake,
                              int64_t fake_batch, float real_label, float* stats, int32_t stats_length) {
    return guard([&] {
        require(classifier != nullptr, "classifier handle is null");
        require(real != nullptr && fake != nullptr && stats != nullptr, "batches and stats must not be null");
        require(real_batch >= 2 && fake_batch >= 2, "each batch must hold >= 2 samples (BatchNorm)");
        require(stats_length >= 3, "stats needs 3 floats");
        require(real_label > 0 && real_label <= 1, "real label must be in (0,1], got " + std::to_string(real_label));
        auto& c = *classifier;
        c.net->train();
        auto x = torch::from_blob(const_cast<float*>(real), mt::batched(real_batch, c.input_shape), torch::kFloat32);
        auto f = torch::from_blob(const_cast<float*>(fake), mt::batched(fake_batch, c.input_shape), torch::kFloat32);
        c.optimizer->zero_grad();
        // Real and fake go through separately, as in the GAN step, so BatchNorm sees the same batch statistics.
        auto real_logits = c.net->forward(x);
        auto fake_logits = c.net->forward(f);
        auto loss = torch::binary_cross_entropy_with_logits(real_logits, torch::full_like(real_logits, real_label)) +
                    torch::binary_cross_entropy_with_logits(fake_logits, torch::zeros_like(fake_logits));
        loss.backward();
        c.optimizer->step();
        torch::NoGradGuard no_grad;
        stats[0] = loss.item<float>();
        stats[1] = torch::sigmoid(real_logits).mean().item<float>();
        stats[2] = torch::sigmoid(fake_logits).mean().item<float>();
    });
}

}  // extern "C"
