/*
 * moderation_torch: a narrow C ABI over libtorch 1.13.1 for Moderation.Training.
 *
 * Conventions
 *  - Every function returns an int status: MT_OK (0) or one of the MT_ERR_* codes. On failure the message is
 *    available from mt_last_error() on the same thread until the next call on that thread.
 *  - No C++ exception crosses this boundary; no C++ type crosses it either (opaque pointers, scalars, UTF-8 strings,
 *    float32 buffers in row-major order).
 *  - Tensors are float32, contiguous, row-major; the caller owns every buffer and passes its length in elements.
 *  - Networks are torch::nn::Sequential built from the spec string of NetworkSpec.ToNativeSpec() (Moderation.Core):
 *      line 1: "input d1 d2 ..." (shape without the batch dimension)
 *      then one layer per line: conv2d in out k stride pad bias | convtranspose2d in out k stride pad bias |
 *      batchnorm2d features eps momentum | relu | leakyrelu slope | tanh | sigmoid | flatten |
 *      unflatten c h w | linear in out bias
 *    Parameter names are libtorch's: "{index}.weight", "{index}.bias", "{index}.running_mean", "{index}.running_var".
 */
#ifndef MODERATION_TORCH_H
#define MODERATION_TORCH_H

#include <stdint.h>

#if defined(MT_BUILDING)
#define MT_API __attribute__((visibility("default")))
#else
#define MT_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

enum mt_status {
    MT_OK = 0,
    MT_ERR_ARGUMENT = 1, /* a bad argument: null pointer, wrong buffer length, unknown name, bad spec */
    MT_ERR_TORCH = 2,    /* libtorch raised c10::Error (shape mismatch, I/O in torch::load, ...) */
    MT_ERR_INTERNAL = 3  /* any other exception */
};

typedef struct mt_module mt_module;   /* one network (torch::nn::Sequential) */
typedef struct mt_gan mt_gan;         /* a GAN optimisation state: G, D and their Adam optimisers */

/* Message of the last failed call on this thread ("" if none). Valid until the next call on this thread. */
MT_API const char* mt_last_error(void);

/* ---- runtime ---- */
/* Sets libtorch's intra-op threads (at::set_num_threads, OpenMP) and OpenBLAS's threads (openblas_set_num_threads;
 * ignored when OpenBLAS is not loaded). Only one of the two should exceed 1: libtorch calls sgemm from inside its
 * parallel regions and both pools spin-wait, so 2 x 2 threads on 2 cores runs ~3x slower than either alone. */
MT_API int mt_set_threads(int32_t intra_op_threads, int32_t blas_threads);
/* Current libtorch intra-op threads and OpenBLAS threads (-1 when OpenBLAS is not loaded). */
MT_API int mt_get_threads(int32_t* intra_op_threads, int32_t* blas_threads);
/* Seeds libtorch's global CPU generator (torch::manual_seed). */
MT_API int mt_manual_seed(uint64_t seed);
/* The BLAS libtorch really calls: OpenBLAS's config string ("" if OpenBLAS is not loaded), the resolved path of the
 * library defining sgemm_ as seen through libblas.so.3, and OpenBLAS's parallel mode (0 sequential, 1 pthreads,
 * 2 OpenMP, -1 when OpenBLAS is not loaded). Strings are truncated to their capacity. */
MT_API int mt_blas_info(char* config, int32_t config_capacity, char* sgemm_library, int32_t library_capacity,
                        int32_t* parallel_mode);

/* ---- modules ---- */
/* Builds a network from a spec string and initialises it per DCGAN (Radford et al. 2016): conv / conv-transpose /
 * linear weights ~ N(0, 0.02), biases 0, BatchNorm weight ~ N(1, 0.02), bias 0, from a generator seeded by seed. */
MT_API int mt_module_create(const char* spec, uint64_t seed, mt_module** out);
MT_API void mt_module_free(mt_module* module);
/* Number of layers and the element count (without batch) of layer index's output; index -1 is the input. */
MT_API int mt_module_layer_count(const mt_module* module, int32_t* count);
MT_API int mt_module_layer_numel(const mt_module* module, int32_t index, int64_t* numel);
/* Forward pass without autograd. train != 0 uses batch statistics in BatchNorm (and updates its running buffers).
 * input: batch * input_numel floats; output: batch * output_numel floats; tap_layer >= 0 also copies that layer's
 * output (batch * layer_numel floats) into tap; tap_layer = -1 and tap = NULL skip it. */
MT_API int mt_module_forward(mt_module* module, const float* input, int64_t batch, int32_t train,
                             float* output, int64_t output_length,
                             int32_t tap_layer, float* tap, int64_t tap_length);
/* Generator sampling in eval mode: z ~ N(0,1) [count, latent] from a generator seeded by seed → output.
 * z_out (count * latent floats) may be NULL. */
MT_API int mt_module_sample(mt_module* module, int64_t count, uint64_t seed,
                            float* output, int64_t output_length, float* z_out, int64_t z_length);
/* Saves / loads parameters and buffers with torch::save / torch::load (a TorchScript-compatible archive). */
MT_API int mt_module_save(const mt_module* module, const char* path);
MT_API int mt_module_load(mt_module* module, const char* path);

/* ---- named tensors: float32 parameters, then float32 buffers, in layer order ---- */
MT_API int mt_module_tensor_count(const mt_module* module, int32_t* count);
/* name: UTF-8, NUL-terminated, truncated to name_capacity; shape: up to shape_capacity dims; *rank = dims. */
MT_API int mt_module_tensor_info(const mt_module* module, int32_t index, char* name, int32_t name_capacity,
                                 int64_t* shape, int32_t shape_capacity, int32_t* rank);
MT_API int mt_module_tensor_read(const mt_module* module, const char* name, float* data, int64_t length);
MT_API int mt_module_tensor_write(mt_module* module, const char* name, const float* data, int64_t length);

/* ---- GAN training ---- */
/* Adam (Kingma & Ba 2015) for each network with the given lr and betas; z ~ N(0,1) from a generator seeded by seed.
 * The GAN keeps its own references to both modules: freeing a module handle first is safe. */
MT_API int mt_gan_create(mt_module* generator, mt_module* discriminator, double learning_rate,
                         double beta1, double beta2, uint64_t seed, mt_gan** out);
MT_API void mt_gan_free(mt_gan* gan);
/* One step on a real batch [batch, input...] in [-1,1]:
 *   D: BCE-with-logits(D(x), real_label) + BCE-with-logits(D(G(z)), 0); Adam step on D.
 *   G: non-saturating loss BCE-with-logits(D(G(z)), 1) (Goodfellow et al. 2014); Adam step on G.
 * stats (4 floats): D loss, G loss, mean sigmoid(D(x)), mean sigmoid(D(G(z))) (before the D update). */
MT_API int mt_gan_step(mt_gan* gan, const float* real, int64_t batch, float real_label, float* stats,
                       int32_t stats_length);

/* ---- feature statistics (gaussian_api.cpp) ---- */
/* Fits a low-rank Gaussian to samples [count, dimension] (float32, row-major), in float64 internally:
 *   mean μ [dimension]; Ledoit–Wolf (2004) shrinkage s of the sample covariance S (1/count normalisation) towards
 *   m·I with m = tr(S)/dimension; the leading `rank` eigenvectors of S as components [dimension, rank] (row-major,
 *   orthonormal columns) and their shrunk variances (1−s)·λ_i + s·m [rank], descending.
 *   summary (4 doubles): residual variance (the mean shrunk variance of the remaining dimension − rank directions),
 *   s, tr(S), m.
 * iterations = 0 or rank ≥ min(count, dimension)/4: exact eigen-decomposition (of S or of the Gram matrix);
 * otherwise `iterations` passes of seeded subspace iteration (Halko, Martinsson & Tropp 2011).
 * Requires 1 <= rank < min(count, dimension). */
MT_API int mt_gaussian_fit(const float* samples, int64_t count, int64_t dimension, int32_t rank, int32_t iterations,
                           uint64_t seed, float* mean, float* components, float* variances, double* summary);

/* ---- real-vs-fake classifier (classifier_api.cpp) ---- */
typedef struct mt_classifier mt_classifier; /* one network and its Adam optimiser */
/* Adam for the network (one logit per sample for mt_classifier_step, >= 2 for mt_classifier_step_labels); keeps its
 * own reference to the network. */
MT_API int mt_classifier_create(mt_module* network, double learning_rate, double beta1, double beta2,
                                mt_classifier** out);
MT_API void mt_classifier_free(mt_classifier* classifier);
/* One Adam step in train mode on BCE-with-logits(net(real), real_label) + BCE-with-logits(net(fake), 0); real and
 * fake batches [batch, input...] go through separately. stats (3 floats): loss, mean sigmoid(net(real)),
 * mean sigmoid(net(fake)) (before the update). */
MT_API int mt_classifier_step(mt_classifier* classifier, const float* real, int64_t real_batch, const float* fake,
                              int64_t fake_batch, float real_label, float* stats, int32_t stats_length);
/* One Adam step in train mode on the softmax cross-entropy of net(inputs) [batch, classes] against labels (int64
 * [batch], each in [0, classes)). stats (2 floats): loss, accuracy of argmax (before the update). */
MT_API int mt_classifier_step_labels(mt_classifier* classifier, const float* inputs, int64_t batch,
                                     const int64_t* labels, float* stats, int32_t stats_length);

#ifdef __cplusplus
}
#endif

#endif /* MODERATION_TORCH_H */
