// Low-rank Gaussian fit of feature vectors: mean, Ledoit–Wolf shrinkage and the leading principal directions.
#include <algorithm>
#include <string>

#include "handles.h"
#include "status.h"

using mt::guard;
using mt::require;
using torch::indexing::Slice;

namespace {

/// Eigen-decomposition of a symmetric matrix, eigenvalues descending (columns of the vectors in the same order).
std::pair<torch::Tensor, torch::Tensor> descending_eigh(const torch::Tensor& symmetric) {
    auto [values, vectors] = torch::linalg::eigh(symmetric, "L");
    return {values.flip(0).clamp_min(0), vectors.flip(1)};
}

/// Leading k eigenpairs of S = XᵀX/n (X centred, [n,d]) by subspace iteration with a Rayleigh–Ritz step
/// (Halko, Martinsson & Tropp 2011, Alg. 4.4 + 5.3): iterations passes of Q ← orth(XᵀX Q) from a seeded Gaussian start
/// with k + oversampling columns.
std::pair<torch::Tensor, torch::Tensor> leading_eigh(const torch::Tensor& x, int64_t k, int32_t iterations, uint64_t seed) {
    const auto n = x.size(0), d = x.size(1);
    const auto columns = std::min<int64_t>(d, k + std::max<int64_t>(16, k / 4));
    auto generator = mt::seeded_generator(seed);
    auto q = std::get<0>(torch::linalg::qr(torch::randn({d, columns}, generator, x.options())));
    for (int32_t i = 0; i < iterations; ++i) q = std::get<0>(torch::linalg::qr(x.t().mm(x.mm(q))));
    auto xq = x.mm(q);
    auto [values, vectors] = descending_eigh(xq.t().mm(xq) / static_cast<double>(n));
    return {values.index({Slice(0, k)}), q.mm(vectors.index({Slice(), Slice(0, k)}))};
}

}  // namespace

extern "C" {

MT_API int mt_gaussian_fit(const float* samples, int64_t count, int64_t dimension, int32_t rank, int32_t iterations,
                           uint64_t seed, float* mean, float* components, float* variances, double* summary) {
    return guard([&] {
        require(samples != nullptr && mean != nullptr && components != nullptr && variances != nullptr && summary != nullptr,
                "buffers must not be null");
        require(count >= 2 && dimension >= 1, "need at least 2 samples of dimension >= 1, got " + std::to_string(count) +
                                                  " of " + std::to_string(dimension));
        require(rank >= 1 && rank < dimension && rank < count,
                "rank must be in [1, min(count, dimension)), got " + std::to_string(rank));
        require(iterations >= 0, "iterations must be >= 0");
        torch::NoGradGuard no_grad;
        const double n = static_cast<double>(count), d = static_cast<double>(dimension);
        auto x = torch::from_blob(const_cast<float*>(samples), {count, dimension}, torch::kFloat32).to(torch::kFloat64);
        auto mu = x.mean(0);
        x -= mu;

        // Ledoit & Wolf 2004, Lemma 3.2–3.4 with the trace-scaled identity as target (as scikit-learn's ledoit_wolf):
        //   m = tr(S)/d, d² = ‖S − mI‖²/d, b̄² = (Σ_k ‖x_k‖⁴/n − ‖S‖²)/(n·d), shrinkage = min(b̄², d²)/d².
        // ‖S‖²_F = ‖XXᵀ‖²_F/n² = ‖XᵀX‖²_F/n² (the smaller Gram matrix).
        auto gram = dimension <= count ? x.t().mm(x) : x.mm(x.t());
        const double frobenius2 = gram.pow(2).sum().item<double>() / (n * n);
        auto row_norms2 = x.pow(2).sum(1);
        const double trace = row_norms2.sum().item<double>() / n;
        const double m = trace / d;
        const double delta = (frobenius2 - 2 * m * trace + d * m * m) / d;
        const double beta = std::min((row_norms2.pow(2).sum().item<double>() / n - frobenius2) / (n * d), delta);
        const double shrinkage = delta > 0 ? std::max(0.0, beta / delta) : 1.0;

        torch::Tensor values, vectors;
        if (iterations == 0 || 4 * static_cast<int64_t>(rank) >= std::min(count, dimension)) {
            // Exact: eigenvectors of S directly, or of the Gram matrix mapped through Xᵀ (v = Xᵀu/√(nλ)).
            auto [all_values, all_vectors] = descending_eigh(gram / n);
            values = all_values.index({Slice(0, rank)});
            auto top = all_vectors.index({Slice(), Slice(0, rank)});
            vectors = dimension <= count ? top : x.t().mm(top) / (values * n).sqrt().clamp_min(1e-30);
        } else {
            std::tie(values, vectors) = leading_eigh(x, rank, iterations, seed);
        }
        auto shrunk = (1 - shrinkage) * values + shrinkage * m;
        const double rest = std::max(0.0, trace - values.sum().item<double>());
        const double residual = ((1 - shrinkage) * rest + shrinkage * m * (d - rank)) / (d - rank);
        require(residual > 0, "the features have zero variance outside the leading directions and no shrinkage");

        mt::copy_out(mu, mean, dimension, "mean");
        mt::copy_out(vectors.contiguous(), components, dimension * rank, "components");
        mt::copy_out(shrunk, variances, rank, "variances");
        summary[0] = residual;
        summary[1] = shrinkage;
        summary[2] = trace;
        summary[3] = m;
    });
}

}  // extern "C"
