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
    int64_t outputs;  // logits per sample
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
        require(mt::numel(network->layer_shapes.back()) >= 1, "the classifier must output at least one logit per sample");
        auto classifier = std::make_unique<mt_classifier>(mt_classifier{network->net, network->input_shape,
                                                                        mt::numel(network->layer_shapes.back()), nullptr});
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
        require(c.outputs == 1, "a real-vs-fake step needs a network with one logit per sample");
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

MT_API int mt_classifier_step_labels(mt_classifier* classifier, const float* inputs, int64_t batch,
                                     const int64_t* labels, float* stats, int32_t stats_length) {
    return guard([&] {
        require(classifier != nullptr, "classifier handle is null");
        require(inputs != nullptr && labels != nullptr && stats != nullptr, "inputs, labels and stats must not be null");
        require(batch >= 2, "the batch must hold >= 2 samples (BatchNorm)");
        require(stats_length >= 2, "stats needs 2 floats");
        auto& c = *classifier;
        c.net->train();
        auto x = torch::from_blob(const_cast<float*>(inputs), mt::batched(batch, c.input_shape), torch::kFloat32);
        auto y = torch::from_blob(const_cast<int64_t*>(labels), {batch}, torch::kInt64);
        auto classes = c.outputs;
        require(classes >= 2, "a labelled step needs a network with >= 2 logits per sample");
        require(y.min().item<int64_t>() >= 0 && y.max().item<int64_t>() < classes,
                "labels must be in [0, " + std::to_string(classes) + ")");
        c.optimizer->zero_grad();
        auto logits = c.net->forward(x).reshape({batch, classes});
        auto loss = torch::nn::functional::cross_entropy(logits, y);
        loss.backward();
        c.optimizer->step();
        torch::NoGradGuard no_grad;
        stats[0] = loss.item<float>();
        stats[1] = (logits.argmax(1) == y).to(torch::kFloat32).mean().item<float>();
    });
}

}  // extern "C"
