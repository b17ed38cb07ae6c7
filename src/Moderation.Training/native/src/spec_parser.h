// Builds a torch::nn::Sequential from the spec string of NetworkSpec.ToNativeSpec() (Moderation.Core/Networks).
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "handles.h"

namespace mt {

/// Parses spec, builds the network, initialises it per DCGAN from a generator seeded by seed and infers every
/// layer's output shape with a dry run. Throws ArgumentError naming the line (1-based) for a malformed spec.
std::unique_ptr<mt_module> build_module(const std::string& spec, uint64_t seed);

}  // namespace mt
